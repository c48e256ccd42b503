// The work list shows each role its own work: a prosecutor their cases oldest first; 案管 the
// intake button and the unassigned cases; nothing a role may not read is even asked for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n } from '../src/i18n.js'
import { makeRouter } from '../src/router.js'
import { session } from '../src/session.js'
import HomeView from '../src/views/HomeView.vue'

function caseRow(id, number, received, extra = {}) {
  return {
    id, number, received_on: received, custody: false, parties: ['王某'], unit: '独任检察官冯晓琳',
    category_label: '审查逮捕', department: '第一检察部', status: 'assigned', status_label: '已分案',
    deadline: null, due: null, days_left: null, ...extra,
  }
}

function serve(routes) {
  const asked = []
  vi.stubGlobal('fetch', (url) => {
    const u = new URL(url, 'http://x')
    asked.push(u.pathname + u.search)
    const body = routes(u)
    return Promise.resolve(new Response(JSON.stringify(body ?? { error: { code: 'not_found', message: 'x' } }), { status: body ? 200 : 404 }))
  })
  return asked
}

async function mountHome() {
  const router = makeRouter(createMemoryHistory())
  session.checked = true
  await router.push('/')
  const w = mount(HomeView, { global: { plugins: [ElementPlus, i18n, router] } })
  await flushPromises()
  return w
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-26T10:00:00+08:00'))
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  session.user = null
})

describe('HomeView', () => {
  it("lists a prosecutor's new cases, then all of them oldest received first", async () => {
    session.user = { username: 'jianchaguan1', person: '冯晓琳', person_id: 5, roles: ['prosecutor'], permissions: ['read_cases', 'read_statistics'] }
    const asked = serve((u) =>
      u.pathname === '/api/v1/cases' && u.searchParams.get('mine') === 'true'
        ? { cases: [caseRow(9, '嘉检刑捕受〔2026〕9号', '2026-11-20'), caseRow(3, '嘉检刑捕受〔2026〕3号', '2026-11-02')], next_cursor: null }
        : null,
    )
    const w = await mountHome()
    const numbers = (table) => w.findAll(`[data-test="my-cases-${table}"] [data-test="my-case"] a`).map((a) => a.text())
    expect(numbers('recent')).toEqual(['嘉检刑捕受〔2026〕9号'])
    expect(numbers('all')).toEqual(['嘉检刑捕受〔2026〕3号', '嘉检刑捕受〔2026〕9号'])
    expect(w.text()).toContain('我承办的案件')
    expect(w.find('[data-test="home-intake"]').exists()).toBe(false)
    expect(asked.some((p) => p.startsWith('/api/v1/alerts'))).toBe(false)
    expect(asked.some((p) => p.startsWith('/api/v1/approvals'))).toBe(false)
  })

  it('gives 案管 the intake button, the unassigned cases and the alerts', async () => {
    session.user = { username: 'anguan', person: '冉丽华', person_id: 40, roles: ['case_manager'], permissions: ['read_cases', 'intake_cases', 'read_alerts'] }
    serve((u) => {
      if (u.pathname === '/api/v1/cases' && u.searchParams.get('status') === 'registered')
        return { cases: [caseRow(7, '嘉检民监受〔2026〕7号', '2026-11-25', { status: 'registered', unit: '' })], next_cursor: null }
      if (u.pathname === '/api/v1/cases') return { cases: [], next_cursor: null }
      if (u.pathname === '/api/v1/alerts')
        return { alerts: [{ id: 2, kind: 'small_pool', message: '分案池过小', department: '第四检察部', case_id: 7, created_at: '2026-11-25T09:00:00+08:00' }] }
      return null
    })
    const w = await mountHome()
    expect(w.find('[data-test="home-intake"]').text()).toBe('受理新案件')
    expect(w.find('[data-test="home-unassigned"]').text()).toContain('嘉检民监受〔2026〕7号')
    expect(w.find('[data-test="home-alerts"]').text()).toContain('分案池过小')
  })

  it("shows a prosecutor's open cases first due first, with the days left, when the rows carry them", async () => {
    session.user = { username: 'jianchaguan1', person: '冯晓琳', person_id: 5, roles: ['prosecutor'], permissions: ['read_cases', 'read_statistics'] }
    const byStatus = {
      assigned: [caseRow(9, '嘉检刑捕受〔2026〕9号', '2026-11-20', { due: '2026-11-27', days_left: 1 })],
      in_progress: [caseRow(3, '嘉检刑诉受〔2026〕3号', '2026-10-02', { status: 'in_progress', status_label: '办理中', due: '2026-11-24', days_left: -2 })],
      returned: [caseRow(4, '嘉检刑诉受〔2026〕4号', '2026-09-02', { status: 'returned', status_label: '退回补充侦查', due: null, days_left: null })],
    }
    const asked = serve((u) =>
      u.pathname === '/api/v1/cases' && u.searchParams.get('mine') === 'true'
        ? { cases: byStatus[u.searchParams.get('status')] ?? [], next_cursor: null }
        : null,
    )
    const w = await mountHome()
    expect(asked.filter((p) => p.startsWith('/api/v1/cases')).map((p) => new URLSearchParams(p.split('?')[1]).get('status')))
      .toEqual(['assigned', 'in_progress', 'awaiting_decision', 'returned'])
    const rows = w.findAll('[data-test="my-cases-all"] [data-test="my-case"]')
    expect(rows.map((r) => r.get('a').text())).toEqual(['嘉检刑诉受〔2026〕3号', '嘉检刑捕受〔2026〕9号', '嘉检刑诉受〔2026〕4号'])
    expect(rows[0].get('[data-test="days-left"]').text()).toBe('已超期 2 天')
    expect(rows[0].get('[data-test="days-left"]').classes()).toContain('days-overdue')
    expect(rows[0].get('[data-test="my-case-due"]').text()).toBe('2026-11-24')
    expect(rows[1].get('[data-test="days-left"]').text()).toBe('剩余 1 天')
    expect(rows[2].get('[data-test="days-left"]').text()).toBe('—')
    expect(rows[0].text()).toContain('办理中')
    expect(w.text()).toContain('最先到期的在前')
  })

  it('lists a case once though every open status is asked, and one with no statutory period without days left', async () => {
    session.user = { username: 'jianchaguan1', person: '冯晓琳', person_id: 5, roles: ['prosecutor'], permissions: ['read_cases'] }
    serve((u) => (u.pathname === '/api/v1/cases' ? { cases: [caseRow(3, '嘉检民监受〔2026〕3号', '2026-11-02')], next_cursor: null } : null))
    const w = await mountHome()
    expect(w.findAll('[data-test="my-case"]')).toHaveLength(1)
    expect(w.get('[data-test="days-left"]').text()).toBe('—')
    expect(w.get('[data-test="my-case-due"]').text()).toBe('—')
    expect(w.find('[data-test="home-monitoring"]').exists()).toBe(false)
  })

  it('gives whoever may monitor cases the way to 检察长监控', async () => {
    session.user = { username: 'anguan', person: '冉丽华', person_id: 40, roles: ['case_manager'], permissions: ['read_cases', 'intake_cases', 'monitor_cases'] }
    serve((u) => (u.pathname === '/api/v1/cases' ? { cases: [], next_cursor: null } : null))
    const w = await mountHome()
    expect(w.get('[data-test="home-monitoring"]').text()).toContain('检察长监控')
    expect(w.get('[data-test="home-monitoring-link"]').attributes('href')).toBe('/monitoring')
  })

  it('lists the decisions waiting for a leader', async () => {
    session.user = { username: 'jianchazhang', person: '郑立群', person_id: 1, roles: ['chief'], permissions: ['decide_reassignment', 'decide_plans'] }
    serve((u) =>
      u.pathname === '/api/v1/approvals'
        ? { requests: [], plans: [], decisions: [{ id: 32, case_id: 1423, case_number: '嘉检刑诉受〔2026〕88号', type: 'non_prosecution_discretionary', type_label: '相对不起诉', proposed_by_name: '韩志远' }] }
        : null,
    )
    const w = await mountHome()
    expect(w.get('[data-test="home-approvals"]').text()).toContain('1 件待审批')
    expect(w.get('[data-test="home-decision"]').text()).toContain('相对不起诉')
  })

  it('shows leaders what waits for their approval, in English when switched', async () => {
    i18n.global.locale.value = 'en'
    session.user = { username: 'fujianchazhang', person: '马文涛', person_id: 2, roles: ['deputy_chief'], permissions: ['decide_reassignment'] }
    serve((u) =>
      u.pathname === '/api/v1/approvals'
        ? { requests: [{ id: 4, case_id: 8, case_number: '嘉检刑诉受〔2026〕8号', kind_label: '更换承办人', reason_label: '工作量调整', requested_by: '韩志远' }], plans: [] }
        : null,
    )
    const w = await mountHome()
    expect(w.find('[data-test="home-approvals"]').text()).toContain('1 waiting')
    expect(w.find('[data-test="home-approval"]').text()).toContain('嘉检刑诉受〔2026〕8号')
  })
})
