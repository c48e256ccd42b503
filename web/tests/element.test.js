// Every Element Plus tag a page uses is registered in src/element.js: a missing one would render
// as an unknown element in the production build, silently.
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { components } from '../src/element.js'

function vueFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? vueFiles(p) : p.endsWith('.vue') ? [p] : []
  })
}

describe('element.js', () => {
  it('registers every el-* component the templates use', () => {
    const used = new Set()
    for (const f of vueFiles(join(process.cwd(), 'src')))
      for (const m of readFileSync(f, 'utf8').matchAll(/<el-([a-z-]+)/g)) used.add(m[1])
    const registered = new Set(
      components.map((c) => c.name.replace(/^El/, '').replace(/[A-Z]/g, (x, i) => (i ? '-' : '') + x.toLowerCase())),
    )
    expect([...used].filter((u) => !registered.has(u))).toEqual([])
    expect(used.size).toBeGreaterThan(20)
  })
})
