// 检察长监控: the figures as cards, each unit's cases, a tab per list with the case numbers linking
// to the cases and overdue days in red, the open notices and reports, the choice of 院 for whoever
// has more than one in scope, the menu entry only with monitor_cases, and English.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n } from '../src/i18n.js'
import { session } from '../src/session.js'
import { makeRouter, routes, allowed } from '../src/router.js'
import MonitoringView from '../src/views/MonitoringView.vue'
import { caseManager, chief, monitoring, prosecutor } from './handling-fixtures.js'
import { procuratorates } from './case-fixtures.js'

function stubApi(extra = {}) {
  const calls = []
  const answers = {
    '/monitoring': (q) => (q.procuratorate === '2'
      ? { ...monitoring, procuratorate_id: 2, procuratorate: '嘉峪关市城区人民检察院', counts: { ...monitoring.counts, in_progress: 7 } }
      : monitoring),
    '/procuratorates': () => ({ procuratorates }),
    ...extra,
  }
  vi.stubGlobal('fetch', vi.fn(async (url) => {
    const u = new URL(url, 'http://localhost')
    const path = u.pathname.replace(/^\/api\/v1/, '')
    const query = Object.fromEntries(u.searchParams)
    calls.push({ path, query })
    const body = answers[path]?.(query)
    return { ok: !!body, status: body ? 200 : 404, statusText: '', text: async () => JSON.stringify(body ?? { error: { code: 'not_found', message: '' } }) }
  }))
  return calls
}

async function mountMonitoring(user) {
  session.user = user
  session.checked = true
  const router = makeRouter(createMemoryHistory())
  await router.push('/monitoring')
  const w = mount(MonitoringView, { attachTo: document.body, global: { plugins: [ElementPlus, i18n, router] } })
  await flushPromises()
  return w
}

const count = (w, key) => w.get(`[data-test="count-${key}"] [data-test="count-value"]`).text()

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
  session.user = null
})

describe('MonitoringView', () => {
  it('shows the figures as cards', async () => {
    const calls = stubApi()
    const w = await mountMonitoring(caseManager)
    expect(calls.find((c) => c.path === '/monitoring').query).toEqual({})
    expect(w.get('h1').text()).toBe('检察长监控')
    expect(w.get('[data-test="monitor-intro"]').text()).toContain('嘉峪关市人民检察院 · 截至 2026-11-27')
    expect(w.get('[data-test="monitor-intro"]').text()).toContain('审查起诉期限剩余 5 天以内')
    const labels = w.findAll('[data-test="monitor-counts"] .label').map((l) => l.text())
    expect(labels).toEqual(['在办', '临近到期', '已超期', '已延长', '退回补充侦查', '在押', '待检察长决定', '已标记', '待回复通知', '待报告'])
    expect(count(w, 'in_progress')).toBe('42')
    expect(count(w, 'returned')).toBe('0')
    expect(count(w, 'reports_awaiting')).toBe('1')
    expect(w.get('[data-test="count-overdue"]').classes()).toContain('danger')
    expect(w.get('[data-test="count-extended"]').classes()).not.toContain('danger')
    w.unmount()
  })

  it('tables each unit and lists the cases with links, due days and overdue days in red', async () => {
    stubApi()
    const w = await mountMonitoring(caseManager)
    const units = w.findAll('[data-test="monitor-unit"]').map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(units).toEqual([
      ['第一检察部韩志远办案组', '第一检察部', '12', '0', '1'],
      ['独任检察官韩志远', '第一检察部', '9', '1', '0'],
    ])
    expect(w.findAll('[data-test="monitor-unit"]')[0].findAll('td')[3].classes()).toContain('overdue')

    const tabs = w.findAll('.el-tabs__item').map((t) => t.text())
    expect(tabs).toEqual(['已超期（1）', '临近到期（1）', '待检察长决定（1）', '已标记（1）', '已延长（0）', '退回补充侦查（0）', '在押（2）'])

    const overdue = w.get('[data-test="monitor-list-overdue"]')
    const row = overdue.get('[data-test="monitor-row"]')
    const link = row.get('[data-test="monitor-case-link"]')
    expect(link.text()).toBe('嘉检刑诉受〔2026〕61号')
    expect(link.attributes('href')).toBe('/cases/1401')
    expect(row.text()).toContain('2026-11-24')
    expect(row.get('[data-test="days-left"]').text()).toBe('已超期 3 天')
    expect(row.get('[data-test="days-left"]').classes()).toContain('days-overdue')

    const near = w.get('[data-test="monitor-list-near_expiry"] [data-test="monitor-row"]')
    expect(near.get('[data-test="days-left"]').text()).toBe('剩余 2 天')
    expect(near.get('[data-test="days-left"]').classes()).toContain('days-near')
    expect(near.get('[data-test="days-left"]').classes()).not.toContain('days-overdue')
    expect(near.text()).toContain('重大疑难复杂') // its flag

    const custody = w.findAll('[data-test="monitor-list-in_custody"] [data-test="monitor-row"]')
    expect(custody.map((r) => r.get('a').attributes('href'))).toEqual(['/cases/1401', '/cases/1430'])
    expect(w.get('[data-test="monitor-list-extended"]').text()).toBe('没有此类案件。')

    // A figure with a list opens its tab.
    await w.get('[data-test="count-in_custody"] button').trigger('click')
    expect(w.get('.el-tabs__item.is-active').text()).toBe('在押（2）')
    expect(w.find('[data-test="count-in_progress"] button').exists()).toBe(false)
    w.unmount()
  })

  it('counts each list in full and turns to its later pages', async () => {
    // 23 overdue cases: the dashboard brings the first 20, page 2 brings the other 3.
    const many = Array.from({ length: 23 }, (_, i) => ({ ...monitoring.lists.overdue[0], case_id: 2000 + i, number: `嘉检刑诉受〔2026〕${100 + i}号` }))
    const calls = stubApi({
      '/monitoring': () => ({ ...monitoring, counts: { ...monitoring.counts, overdue: 23 }, lists: { ...monitoring.lists, overdue: many.slice(0, 20) } }),
      '/monitoring/cases': (q) => ({
        today: '2026-11-27', procuratorate_id: 1, procuratorate: '嘉峪关市人民检察院', list: q.list,
        offset: Number(q.offset), limit: Number(q.limit), total: 23, rows: many.slice(Number(q.offset), Number(q.offset) + Number(q.limit)),
      }),
    })
    const w = await mountMonitoring(caseManager)
    expect(w.findAll('.el-tabs__item')[0].text()).toBe('已超期（23）')
    const links = () => w.findAll('[data-test="monitor-list-overdue"] [data-test="monitor-case-link"]').map((a) => a.text())
    expect(links()).toHaveLength(20)
    const pager = w.get('[data-test="monitor-pager-overdue"]')
    expect(pager.text()).toContain('23') // the total (Element's own words: 共 23 条 in Chinese)
    expect(w.find('[data-test="monitor-pager-near_expiry"]').exists()).toBe(false)
    await pager.findAll('.number').find((n) => n.text() === '2').trigger('click')
    await flushPromises()
    expect(calls.filter((c) => c.path === '/monitoring/cases').map((c) => c.query))
      .toEqual([{ procuratorate: '1', list: 'overdue', offset: '20', limit: '20' }])
    expect(links()).toEqual(['嘉检刑诉受〔2026〕120号', '嘉检刑诉受〔2026〕121号', '嘉检刑诉受〔2026〕122号'])
    await pager.findAll('.number').find((n) => n.text() === '1').trigger('click')
    await flushPromises()
    expect(links()).toHaveLength(20)
    expect(calls.filter((c) => c.path === '/monitoring/cases')).toHaveLength(1) // the first page is the dashboard's
    w.unmount()
  })

  it('lists the notices waiting for a reply and the reports waiting to be filed', async () => {
    stubApi()
    const w = await mountMonitoring(caseManager)
    const notice = w.get('[data-test="monitor-notice"]')
    expect(notice.text()).toContain('书面通知')
    expect(notice.text()).toContain('2026-11-30')
    expect(notice.get('a').attributes('href')).toBe('/cases/1423')
    const report = w.get('[data-test="monitor-report"]')
    expect(report.text()).toContain('标记案件报告')
    expect(report.text()).toContain('重大疑难复杂')
    expect(report.text()).toContain('逾期未报告')
    expect(report.findAll('td')[1].classes()).toContain('overdue')
    w.unmount()
  })

  it('lets a chief with two 院 in scope choose which', async () => {
    const calls = stubApi()
    const w = await mountMonitoring(chief)
    const select = w.findComponent({ name: 'ElSelect' })
    expect(select.props('modelValue')).toBe(1)
    select.vm.$emit('update:modelValue', 2)
    select.vm.$emit('change', 2)
    await flushPromises()
    expect(calls.filter((c) => c.path === '/monitoring').map((c) => c.query)).toEqual([{}, { procuratorate: '2' }])
    expect(count(w, 'in_progress')).toBe('7')
    expect(w.get('[data-test="monitor-intro"]').text()).toContain('嘉峪关市城区人民检察院')
    w.unmount()
  })

  it('offers no choice of 院 with only one in scope', async () => {
    stubApi({ '/procuratorates': () => ({ procuratorates: procuratorates.slice(0, 1) }) })
    const w = await mountMonitoring(caseManager)
    expect(w.find('[data-test="monitor-procuratorate"]').exists()).toBe(false)
    w.unmount()
  })

  it('is in the menu only with monitor_cases, and guarded', async () => {
    const menu = (user) => {
      session.user = user
      return routes.filter((r) => r.meta?.menu && allowed(r.meta)).map((r) => r.meta.menu)
    }
    expect(menu(chief)).toContain('monitoring')
    expect(menu(caseManager)).toContain('monitoring')
    expect(menu(prosecutor)).not.toContain('monitoring')
    expect(routes.find((r) => r.path === '/monitoring').meta.permission).toBe('monitor_cases')

    session.user = prosecutor
    session.checked = true
    const router = makeRouter(createMemoryHistory())
    await router.push('/monitoring')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('speaks English when switched', async () => {
    stubApi()
    const w = await mountMonitoring(caseManager)
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(w.get('h1').text()).toBe("Chief's monitoring")
    expect(w.get('[data-test="count-awaiting_chief"] .label').text()).toBe('Awaiting the chief')
    expect(w.get('[data-test="monitor-list-overdue"] [data-test="days-left"]').text()).toBe('3 d overdue')
    expect(w.get('[data-test="monitor-list-overdue"]').text()).toContain('Prosecution review')
    w.unmount()
  })
})
