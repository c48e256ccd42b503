// Browser-test harness: a fresh demo database, the real `zeren serve` on a free loopback port
// serving the built UI (web/dist), Debian's Chromium driven by playwright-core, and a small API
// client for the set-up steps a test does not mean to exercise through the UI.
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, selectors } from 'playwright-core'

// The UI marks what tests look for with data-test="…".
selectors.setTestIdAttribute('data-test')

const here = dirname(fileURLToPath(import.meta.url))
export const webRoot = resolve(here, '..', 'dist')
const binary = process.env.ZEREN_BINARY ?? resolve(here, '..', '..', 'build', 'zeren')
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium'

// DESIGN.md: the flags Debian's Chromium needs headless on these machines.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// Starts a server on a new demo database. Returns { base, users, dir, stop() }; `users` maps a
// user name to its demo account ({ username, password, roles, procuratorate }).
export async function startServer() {
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`the UI is not built: ${webRoot}`)
  const dir = mkdtempSync(join(tmpdir(), 'zeren-e2e-'))
  const db = join(dir, 'zeren.db')
  const demo = JSON.parse(execFileSync(binary, ['demo', '--db', db, '--json'], { encoding: 'utf8' }))
  const users = Object.fromEntries(demo.users.map((u) => [u.username, u]))
  const child = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web-root', webRoot, '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise((ok, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error('zeren serve did not start: ' + out)), 20000)
    child.stdout.on('data', (chunk) => {
      out += chunk
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//)
      if (m) {
        clearTimeout(timer)
        ok(Number(m[1]))
      }
    })
    child.on('exit', (code) => fail(new Error(`zeren serve exited ${code}: ${out}`)))
  })
  const base = `http://127.0.0.1:${port}`
  return {
    base,
    users,
    dir,
    async stop() {
      const done = new Promise((ok) => child.once('exit', ok))
      child.kill('SIGTERM')
      await done
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

// A browser of its own (fresh profile, 1366×768, Chinese). Any JavaScript dialog (an injected
// alert) is recorded in `dialogs` and dismissed; page errors in `errors`.
export async function openBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'zeren-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const dialogs = []
  const errors = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    d.dismiss().catch(() => {})
  })
  page.on('pageerror', (e) => errors.push(String(e)))
  return {
    context,
    page,
    dialogs,
    errors,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export async function logIn(page, base, username, password) {
  await page.goto(base + '/login')
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

// Picks `text` in an Element Plus select (marked data-test=`testId`) and waits until the select
// shows it. On a busy machine the dropdown can still be moving (its dialog opening) when the
// click comes, or close again before the option is clicked; the form would then stay without its
// value. So each step has a short timeout and the pick is tried again, opening the dropdown only
// when its option is not already showing (a click on an open select would close it).
export async function choose(page, testId, text) {
  const select = page.getByTestId(testId)
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: text }).first()
  for (let attempt = 1; ; ++attempt) {
    try {
      if (!(await option.isVisible())) await select.click({ timeout: 5000 })
      await option.click({ timeout: 5000 })
      await select.filter({ hasText: text }).waitFor({ timeout: 5000 })
      return
    } catch (error) {
      if (attempt >= 4) throw error
    }
  }
}

// The API as one user, for set-up: log in, then get/post/put with the CSRF token.
export async function apiAs(base, username, password) {
  const login = await fetch(base + '/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!login.ok) throw new Error(`log-in of ${username} failed: ${login.status} ${await login.text()}`)
  const cookie = login.headers.get('set-cookie').split(';')[0]
  const { csrf_token: csrf } = await login.json()
  async function call(method, path, body) {
    const res = await fetch(base + '/api/v1' + path, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = await res.json()
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`)
    return data
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
  }
}
