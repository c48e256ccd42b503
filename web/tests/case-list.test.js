// The case list: rows linking to the case, filters kept in the URL and sent as the API's query,
// cursor paging appending rows, and the 「只看我的案件」 filter for users who are a person.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { i18n } from '../src/i18n.js'
import CaseListView from '../src/views/CaseListView.vue'
import { caseListPage, caseChanged, departments, procuratorates, sessionUser, units } from './case-fixtures.js'
import { mountPage, stubApi } from './case-helpers.js'

// The first page ends at the fixture's cursor; the next holds one more case (the Case part of
// the CaseDetail fixture, whose first party's name is hostile markup).
const DETAIL_ONLY = ['assignment', 'assignments', 'requests', 'timeline']
const olderCase = Object.fromEntries(Object.entries(caseChanged).filter(([k]) => !DETAIL_ONLY.includes(k)))
const pages = (call) =>
  call.query.cursor ? { cases: [olderCase], next_cursor: null } : caseListPage

async function openList(path = '/cases', user = sessionUser) {
  const calls = stubApi({
    'GET /cases': pages,
    'GET /procuratorates': { procuratorates },
    'GET /departments': { departments },
    'GET /units': { units },
  })
  const { wrapper, router } = await mountPage(CaseListView, { path, user })
  const caseCalls = () => calls.filter((c) => c.path === '/cases')
  return { wrapper, router, caseCalls }
}

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

describe('CaseListView', () => {
  it('links each case number to its page and shows its parties', async () => {
    const { wrapper, caseCalls } = await openList()
    expect(caseCalls()[0].query).toEqual({ limit: '50' })
    const links = wrapper.findAll('[data-test="case-link"]')
    expect(links.map((l) => l.text())).toEqual(caseListPage.cases.map((c) => c.number))
    expect(links.map((l) => l.attributes('href'))).toEqual(caseListPage.cases.map((c) => `/cases/${c.id}`))
    expect(wrapper.text()).toContain('马洋、胡杰')
    expect(wrapper.text()).toContain('已撤回')
  })

  it('shows each case as a row under the column headers, and says so when none matches', async () => {
    const { wrapper } = await openList()
    const headers = wrapper.findAll('[data-test="cases-table"] thead th').map((h) => h.text())
    expect(headers).toEqual(['案号', '当事人', '案件类别', '部门', '承办单元', '收案日期', '在押', '状态'])
    const first = wrapper.findAll('[data-test="cases-table"] tbody tr')[0].findAll('td').map((c) => c.text())
    const c = caseListPage.cases[0]
    expect(first).toEqual([c.number, '马洋、胡杰', '国家赔偿', c.department, c.unit, c.received_on, '否', '已撤回'])
    expect(wrapper.findAll('[data-test="cases-table"] tbody tr')).toHaveLength(caseListPage.cases.length)

    stubApi({
      'GET /cases': { cases: [], next_cursor: null },
      'GET /procuratorates': { procuratorates },
      'GET /departments': { departments },
      'GET /units': { units },
    })
    const empty = await mountPage(CaseListView, { path: '/cases?q=无此人', user: sessionUser })
    expect(empty.wrapper.findAll('[data-test="case-link"]')).toHaveLength(0)
    expect(empty.wrapper.get('[data-test="cases-table"] tbody').text()).toBe('没有符合条件的案件')
  })

  it('appends the next page by cursor', async () => {
    const { wrapper, caseCalls } = await openList()
    await wrapper.get('[data-test="cases-more"]').trigger('click')
    await flushPromises()
    expect(caseCalls()[1].query).toEqual({ limit: '50', cursor: String(caseListPage.next_cursor) })
    expect(wrapper.findAll('[data-test="case-link"]')).toHaveLength(caseListPage.cases.length + 1)
    expect(wrapper.find('[data-test="cases-more"]').exists()).toBe(false)
    // The older case's hostile party name is text.
    expect(wrapper.text()).toContain('<img src=x onerror=alert(1)>、许强')
    expect(document.querySelectorAll('img')).toHaveLength(0)
  })

  it('keeps the search in the URL and sends it to the API', async () => {
    const { wrapper, router, caseCalls } = await openList()
    await wrapper.get('[data-test="cases-q"]').setValue(' 马洋 ')
    await wrapper.get('[data-test="cases-search"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ q: '马洋' })
    expect(caseCalls().at(-1).query).toEqual({ q: '马洋', limit: '50' })
    // The same search again asks again.
    await wrapper.get('[data-test="cases-search"]').trigger('click')
    await flushPromises()
    expect(caseCalls()).toHaveLength(3)
  })

  it('starts from the filters in the URL', async () => {
    const { wrapper, caseCalls } = await openList('/cases?status=assigned&department=1&received_from=2026-01-01&mine=true')
    expect(caseCalls()[0].query).toEqual({ status: 'assigned', department: '1', received_from: '2026-01-01', mine: 'true', limit: '50' })
    expect(wrapper.get('[data-test="cases-mine"] input').element.checked).toBe(true)
  })

  it('offers 「只看我的案件」 only to a person of the 院', async () => {
    const { wrapper, router, caseCalls } = await openList()
    const mine = wrapper.get('[data-test="cases-mine"]')
    expect(mine.text()).toBe('只看我的案件')
    await mine.get('input').setValue(true)
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ mine: 'true' })
    expect(caseCalls().at(-1).query).toEqual({ mine: 'true', limit: '50' })

    const account = await openList('/cases?mine=true', { ...sessionUser, person_id: null })
    expect(account.wrapper.find('[data-test="cases-mine"]').exists()).toBe(false)
    expect(account.caseCalls()[0].query).toEqual({ limit: '50' })
  })

  it('switches its labels to English', async () => {
    const { wrapper } = await openList()
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(wrapper.get('[data-test="cases-mine"]').text()).toBe('Only my cases')
    expect(wrapper.text()).toContain('Case number')
    expect(wrapper.text()).toContain('Withdrawn')
    expect(wrapper.get('[data-test="cases-more"]').text()).toBe('Load more')
  })
})
