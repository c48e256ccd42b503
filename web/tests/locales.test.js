// Every message exists in both languages, so switching never shows a bare key.
import { describe, expect, it } from 'vitest'
import { buildMessages } from '../src/i18n.js'

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k],
  )
}

describe('locales', () => {
  const messages = buildMessages()
  it('have the same keys in Chinese and English', () => {
    const zh = keys(messages['zh-CN']).sort()
    const en = keys(messages.en).sort()
    expect(zh.filter((k) => !en.includes(k))).toEqual([])
    expect(en.filter((k) => !zh.includes(k))).toEqual([])
    expect(zh.length).toBeGreaterThan(50)
  })
  it('have no empty message', () => {
    for (const locale of ['zh-CN', 'en']) {
      const flat = keys(messages[locale])
      for (const k of flat) {
        const v = k.split('.').reduce((o, p) => o[p], messages[locale])
        expect(typeof v === 'string' && v.length > 0, `${locale} ${k}`).toBe(true)
      }
    }
  })
})
