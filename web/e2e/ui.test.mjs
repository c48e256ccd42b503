// The main flows in a real browser against the real server on a demo database (issue 5):
// 案管 takes in a case and sees why it went to its unit; the unit's prosecutor finds it in the
// work list (logging in for the first time, so changing the password); the department head asks
// for a change of handler and the supervising deputy chief approves it; a hostile party name
// stays text; the English switch; an expired session; the lock-out.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, openBrowser, logIn, choose, apiAs } from './harness.mjs'

const HOSTILE = '<img src=x onerror=alert(1)>'
let server
const shared = {} // what one step leaves for the next: the case, its unit

before(async () => {
  server = await startServer()
})
after(async () => {
  await server?.stop()
})

async function withBrowser(fn) {
  const b = await openBrowser()
  try {
    await fn(b)
    assert.deepEqual(b.dialogs, [], 'no script ran from data')
    assert.deepEqual(b.errors, [], 'no uncaught error in the page')
  } finally {
    await b.close()
  }
}

function user(name) {
  return server.users[name]
}

test('案管 enters a case and sees its unit and the assignment explained, in Chinese', async () => {
  await withBrowser(async ({ page }) => {
    const { base } = server
    await logIn(page, base, 'anguan', user('anguan').password)
    await page.getByTestId('home-intake').click()
    await page.waitForURL('**/intake')
    await choose(page, 'intake-department', '第一检察部')
    await choose(page, 'intake-category', '审查起诉')
    await page.getByTestId('intake-parties').fill(`张某\n${HOSTILE}`)
    await page.getByTestId('intake-source-org').fill('嘉峪关市公安局')
    await page.getByTestId('intake-source-doc').fill('嘉公（刑）移诉字〔2026〕901号')
    await page.getByTestId('intake-submit').click()
    await page.waitForURL(/\/cases\/\d+$/)

    const number = (await page.getByTestId('case-number').textContent()).trim()
    assert.match(number, /^嘉检刑诉受〔\d{4}〕\d+号$/)
    const unit = (await page.getByTestId('case-unit').textContent()).trim()
    assert.ok(unit.length > 0, 'the case shows its unit')
    const explanation = page.getByTestId('assignment-explanation')
    await explanation.waitFor()
    assert.equal((await page.getByTestId('assignment-method').textContent()).trim(), '随机分案')
    const rows = page.getByTestId('candidate-row')
    assert.ok((await rows.count()) >= 2, 'every candidate of the department is listed')
    const chosen = page.locator('[data-test="candidate-row"].chosen')
    assert.equal(await chosen.count(), 1)
    assert.ok((await chosen.textContent()).includes(unit), 'the chosen row is the case unit')
    assert.ok((await page.getByTestId('assignment-sentence').textContent()).includes(unit))
    await page.getByTestId('draw-proof').waitFor()
    const timeline = await page.getByTestId('case-timeline').textContent()
    assert.ok(timeline.includes('收案登记') && timeline.includes('冉丽华'), 'who registered it, by name')
    await page.getByTestId('verify-draw').click()
    await page.getByTestId('verify-result').waitFor()

    shared.caseUrl = page.url()
    shared.caseId = Number(page.url().match(/\/cases\/(\d+)$/)[1])
    shared.number = number
    shared.unit = unit
  })
})

test("a party's name with markup shows as literal text", async () => {
  assert.ok(shared.caseUrl, 'the intake test ran first')
  await withBrowser(async ({ page }) => {
    await logIn(page, server.base, 'anguan', user('anguan').password)
    await page.waitForURL(server.base + '/')
    await page.goto(shared.caseUrl)
    await page.getByTestId('case-party').first().waitFor()
    const parties = await page.getByTestId('case-party').allTextContents()
    assert.ok(parties.map((p) => p.trim()).includes(HOSTILE), `literal text among ${parties}`)
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element made from the name')
  })
})

test("the unit's prosecutor logs in the first time, sets a password and finds the case in the work list", async () => {
  assert.ok(shared.caseId, 'the intake test ran first')
  const { base } = server
  // The case-management office's API tells who leads the unit; the system administrator makes
  // that person an account (which must change its password at first log-in).
  const manager = await apiAs(base, 'anguan', user('anguan').password)
  const c = await manager.get(`/cases/${shared.caseId}`)
  const { units } = await manager.get('/units')
  const unit = units.find((u) => u.id === c.unit_id)
  const admin = await apiAs(base, 'xitong', user('xitong').password)
  const username = `e2e.lead${unit.lead_id}`
  const initial = 'Init-Pass-2026!'
  const accounts = (await admin.get('/users')).users
  const existing = accounts.find((a) => a.person_id === unit.lead_id)
  let login = existing?.username
  let password = existing ? server.users[existing.username]?.password : undefined
  if (!existing) {
    await admin.post('/users', {
      username,
      password: initial,
      roles: ['prosecutor'],
      procuratorate_id: c.procuratorate_id,
      person_id: unit.lead_id,
    })
    login = username
    password = initial
  }
  await withBrowser(async ({ page }) => {
    await logIn(page, base, login, password)
    if (!existing) {
      await page.getByTestId('pw-current').fill(initial)
      await page.getByTestId('pw-next').fill('Own-Secret-77x')
      await page.getByTestId('pw-again').fill('Own-Secret-77x')
      await page.getByTestId('pw-submit').click()
    }
    await page.waitForURL(base + '/')
    const link = page
      .getByTestId('my-cases-recent')
      .getByTestId('my-case-link')
      .filter({ hasText: shared.number })
    await link.waitFor()
    assert.equal(await link.count(), 1, 'among the cases just assigned')
    await link.click()
    await page.waitForURL(shared.caseUrl)
    assert.equal((await page.getByTestId('case-unit').textContent()).trim(), shared.unit)
  })
})

test('the department head asks for a change of handler; the supervising deputy chief approves it', async () => {
  assert.ok(shared.caseUrl, 'the intake test ran first')
  const { base } = server
  await withBrowser(async ({ page }) => {
    await logIn(page, base, 'yibu', user('yibu').password)
    await page.waitForURL(base + '/')
    await page.goto(shared.caseUrl)
    await page.getByTestId('request-change').click()
    await choose(page, 'change-reason', '工作量调整')
    await page.getByTestId('change-text').fill('承办人工作量过大，申请更换')
    await page.getByTestId('change-submit').click()
    await page.getByTestId('request-sent').waitFor()
    const requests = await page.getByTestId('case-requests').textContent()
    assert.ok(requests.includes('更换承办人') && requests.includes('待审批'), requests)
  })
  await withBrowser(async ({ page }) => {
    await logIn(page, base, 'fujianchazhang', user('fujianchazhang').password)
    await page.waitForURL(base + '/')
    await page.getByTestId('menu-approvals').click()
    const row = page.getByTestId('approval-request').filter({ hasText: shared.number })
    await row.waitFor()
    await row.getByTestId('approve').click()
    await page.getByTestId('decision-note').fill('同意更换')
    await page.getByTestId('decision-submit').click()
    await page.getByTestId('decision-done').waitFor()
    await page.goto(shared.caseUrl)
    await page.getByTestId('assignment-explanation').waitFor()
    const now = (await page.getByTestId('case-unit').textContent()).trim()
    assert.ok(now.length > 0)
    assert.notEqual(now, shared.unit, 'the case has a new unit')
  })
})

test("the chief's dashboard shows the demo year's cases near expiry and overdue", async () => {
  const { base } = server
  await withBrowser(async ({ page }) => {
    await logIn(page, base, 'jianchazhang', user('jianchazhang').password)
    await page.waitForURL(base + '/')
    await page.getByTestId('menu-monitoring').click()
    const count = async (key) =>
      Number((await page.getByTestId('count-' + key).getByTestId('count-value').textContent()).trim())
    await page.getByTestId('count-overdue').waitFor()
    assert.ok((await count('near_expiry')) > 0, 'cases near expiry')
    assert.ok((await count('overdue')) > 0, 'overdue cases')
    // The first tab lists the overdue cases, each with the days past its deadline; the next those
    // near expiry, with the days left.
    const overdue = page.getByTestId('monitor-list-overdue').getByTestId('monitor-row')
    await overdue.first().waitFor()
    assert.match(await overdue.first().getByTestId('days-left').textContent(), /已超期 \d+ 天/)
    await page.getByRole('tab', { name: /临近到期/ }).click()
    const near = page.getByTestId('monitor-list-near_expiry').getByTestId('monitor-row')
    await near.first().waitFor()
    assert.match(await near.first().getByTestId('days-left').textContent(), /剩余 \d+ 天|今日到期/)
    await near.first().getByTestId('monitor-case-link').click()
    await page.getByTestId('case-deadline').waitFor()
  })
})

test('the English switch changes the labels and is remembered', async () => {
  await withBrowser(async ({ page }) => {
    const { base } = server
    await logIn(page, base, 'anguan', user('anguan').password)
    await page.waitForURL(base + '/')
    assert.equal((await page.getByTestId('menu-cases').textContent()).trim(), '案件列表')
    await page.getByTestId('locale-switch').click()
    assert.equal((await page.getByTestId('menu-cases').textContent()).trim(), 'Cases')
    await page.reload()
    assert.equal((await page.getByTestId('menu-cases').textContent()).trim(), 'Cases')
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
  })
})

test('an ended session returns the user to log-in with a message, and back after', async () => {
  await withBrowser(async ({ page, context }) => {
    const { base } = server
    await logIn(page, base, 'anguan', user('anguan').password)
    await page.waitForURL(base + '/')
    await page.getByTestId('home-unassigned').waitFor()
    await context.clearCookies()
    // In-app navigation: the cases page asks the API, which now answers 401.
    await page.evaluate(() => document.querySelector('[data-test="menu-cases"]').click())
    await page.getByTestId('login-expired').waitFor()
    assert.match(page.url(), /\/login\?redirect=(%2F|\/)cases/)
    await logIn(page, base, 'anguan', user('anguan').password)
    await page.waitForURL(base + '/')
  })
})

test('five wrong passwords lock the account and the page says so', async () => {
  await withBrowser(async ({ page }) => {
    const { base } = server
    for (let i = 0; i < 5; ++i) {
      await logIn(page, base, 'zhuli', 'wrong-password-1')
      await page.getByTestId('login-error').waitFor()
    }
    await logIn(page, base, 'zhuli', user('zhuli').password)
    await page.getByTestId('login-error').filter({ hasText: '锁定' }).waitFor()
  })
})
