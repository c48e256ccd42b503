// PNGs of the main pages for the README (run by scripts/screenshots): log-in, each role's work
// list, intake, the case list, a case page with its assignment explained, approvals with a
// waiting change of handler, the organisation, the workload dashboard and the transparency page.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startServer, openBrowser, logIn, apiAs } from './harness.mjs'

const out = resolve(process.argv[2] ?? '../docs/screenshots')
mkdirSync(out, { recursive: true })

const server = await startServer()
const { base, users } = server
const shots = []

async function as(username, steps) {
  const b = await openBrowser()
  try {
    await logIn(b.page, base, username, users[username].password)
    await b.page.waitForURL(base + '/')
    await steps(b.page)
  } finally {
    await b.close()
  }
}

async function shot(page, name) {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(400) // charts finish their entry animation
  const file = join(out, name + '.png')
  await page.screenshot({ path: file, fullPage: true })
  shots.push(file)
}

try {
  // A random draw to explain, and a change of handler waiting for the deputy chief.
  const manager = await apiAs(base, 'anguan', users.anguan.password)
  const made = await manager.post('/cases', {
    procuratorate: '嘉',
    department: '第一检察部',
    category: '审查起诉',
    received_on: new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10),
    difficulty: '普通',
    custody: true,
    parties: ['张某', '李某'],
    source_org: '嘉峪关市公安局',
    source_doc_no: '嘉公（刑）移诉字〔2026〕950号',
  })
  const head = await apiAs(base, 'yibu', users.yibu.password)
  await head.post(`/cases/${made.id}/handler-change-requests`, { reason: 'workload', reason_text: '承办人工作量过大' })

  const b = await openBrowser()
  await b.page.goto(base + '/login')
  await shot(b.page, 'login')
  await b.close()

  await as('anguan', async (page) => {
    await shot(page, 'home-case-manager')
    await page.goto(base + '/intake')
    await shot(page, 'intake')
    await page.goto(base + '/cases')
    await shot(page, 'case-list')
    await page.goto(`${base}/cases/${made.id}`)
    await page.getByTestId('assignment-explanation').waitFor()
    await shot(page, 'case-assignment-explained')
  })
  await as('jianchaguan1', async (page) => shot(page, 'home-prosecutor'))
  await as('fujianchazhang', async (page) => {
    await page.goto(base + '/approvals')
    await page.getByTestId('approval-request').first().waitFor()
    await shot(page, 'approvals')
  })
  await as('jianchazhang', async (page) => {
    await page.goto(base + '/dashboard')
    await page.getByTestId('chart-load').waitFor()
    await shot(page, 'dashboard')
    await page.goto(base + '/transparency')
    await shot(page, 'transparency')
    await page.goto(base + '/monitoring')
    await page.getByTestId('monitor-list-overdue').getByTestId('monitor-row').first().waitFor()
    await shot(page, 'monitoring')
    await page.goto(base + '/statistics')
    await page.getByTestId('chart-self-department').waitFor()
    await shot(page, 'statistics')
    await page.goto(base + '/monitoring')
    await page.getByTestId('monitor-list-overdue').getByTestId('monitor-case-link').first().click()
    await page.getByTestId('case-deadline').waitFor()
    await shot(page, 'case-handling')
  })
  await as('xitong', async (page) => {
    await page.goto(base + '/organisation')
    await shot(page, 'organisation')
  })
  console.log(shots.join('\n'))
} finally {
  await server.stop()
}
