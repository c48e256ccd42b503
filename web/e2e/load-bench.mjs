// How fast the UI opens (issue 5: under 1 s on loopback after the first visit), run by bench/run.
// Measures, in Debian's Chromium at 1366×768 against `zeren serve` on a demo database, the time
// from navigation start until the case list shows its first row:
//   - first visit: a fresh browser profile (nothing cached), logged in through the API first;
//   - repeat visit: the same profile again (Vite's hashed assets cached as immutable).
// Baseline in the same run: the same browser loading a minimal HTML page from a second
// `zeren serve` (the floor of browser + server + loopback). Prints RESULT lines for bench/run.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { startServer, openBrowser, logIn } from './harness.mjs'

const ROUNDS = Number(process.env.UI_ROUNDS ?? 15)

function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}
function p90(xs) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.9))]
}

async function timeTo(page, url, selector) {
  const t0 = performance.now()
  await page.goto(url)
  await page.locator(selector).first().waitFor()
  return performance.now() - t0
}

// A second server whose web root is one small page: the baseline.
async function blankServer(binary, db) {
  const root = mkdtempSync(join(tmpdir(), 'zeren-blank-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><html><body><p id="ready">ok</p></body></html>')
  const child = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web-root', root, '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise((ok, fail) => {
    let out = ''
    child.stdout.on('data', (c) => {
      out += c
      const m = out.match(/127\.0\.0\.1:(\d+)\//)
      if (m) ok(Number(m[1]))
    })
    child.on('exit', (code) => fail(new Error('blank server exited ' + code)))
  })
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      const done = new Promise((ok) => child.once('exit', ok))
      child.kill('SIGTERM')
      await done
      rmSync(root, { recursive: true, force: true })
    },
  }
}

const server = await startServer()
const blank = await blankServer(process.env.ZEREN_BINARY, join(server.dir, 'zeren.db'))
try {
  const user = server.users.anguan
  const first = []
  const repeat = []
  const baseline = []
  for (let i = 0; i < ROUNDS; ++i) {
    const b = await openBrowser()
    try {
      await logIn(b.page, server.base, user.username, user.password)
      await b.page.waitForURL(server.base + '/')
      // Log-in loaded the assets once; clear the cache to time a true first visit.
      const cdp = await b.context.newCDPSession(b.page)
      await cdp.send('Network.clearBrowserCache')
      first.push(await timeTo(b.page, server.base + '/cases', '[data-test="case-link"]'))
      repeat.push(await timeTo(b.page, server.base + '/cases', '[data-test="case-link"]'))
      baseline.push(await timeTo(b.page, blank.base + '/', '#ready'))
    } finally {
      await b.close()
    }
  }
  const ms = (x) => x.toFixed(1)
  console.log(`UI load, case list until its first row, ${ROUNDS} rounds (fresh profile each), Chromium 1366x768`)
  console.log(`  first visit (cache cleared): median ${ms(median(first))} ms, p90 ${ms(p90(first))} ms`)
  console.log(`  repeat visit (cached assets): median ${ms(median(repeat))} ms, p90 ${ms(p90(repeat))} ms`)
  console.log(`  baseline, minimal static page from zeren serve: median ${ms(median(baseline))} ms, p90 ${ms(p90(baseline))} ms`)
  console.log(`RESULT ui_first_ms ${ms(median(first))}`)
  console.log(`RESULT ui_repeat_ms ${ms(median(repeat))}`)
  console.log(`RESULT ui_repeat_p90_ms ${ms(p90(repeat))}`)
  console.log(`RESULT ui_baseline_ms ${ms(median(baseline))}`)
} finally {
  await blank.stop()
  await server.stop()
}
