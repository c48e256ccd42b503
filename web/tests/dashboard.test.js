// 工作量统计: the pure option builders turn the statistics API's answers into the right chart
// options (ECharts itself cannot draw in jsdom), and the page feeds them with the first business
// department of the user's own 院, shows the same figures as text tables, and follows the language.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n } from '../src/i18n.js'
import { session } from '../src/session.js'
import { makeRouter } from '../src/router.js'
import DashboardView from '../src/views/DashboardView.vue'
import {
  escapeHtml, loadOption, loadRows, methodTotals, methodsOption, monthRows, monthsOption, percent,
} from '../src/components/charts/options.js'

// GET /statistics/workload?department_id=1 from `zeren demo` (the last unit made inactive here).
const workload = {
  department_id: 1, department: '第一检察部', procuratorate: '嘉峪关市人民检察院', plan_id: 1, plan_version: 1,
  weights: { ordinary: 1, difficult: 2 },
  units: [
    { unit_id: 1, unit: '第一检察部郑立群办案组', active: true, share: 0.05, weight_sum: 6, load: 120.0, kind: 'team', kind_label: '检察官办案组' },
    { unit_id: 2, unit: '第一检察部韩志远办案组', active: true, share: 1.0, weight_sum: 81, load: 81.0, kind: 'team', kind_label: '检察官办案组' },
    { unit_id: 3, unit: '独任检察官韩志远', active: true, share: 1.0, weight_sum: 81, load: 81.0, kind: 'sole', kind_label: '独任检察官' },
    { unit_id: 5, unit: '独任检察官袁国栋', active: false, share: 0.3, weight_sum: 55, load: 183.33333333333334, kind: 'sole', kind_label: '独任检察官' },
  ],
}
// GET /statistics/transparency, two departments and three months of it.
const transparency = {
  departments: [
    { procuratorate: '嘉峪关市人民检察院', department: '第一检察部', cases: 246, unassigned: 0, by_method: { designated: 2, follow_on: 45, random: 204 }, pool_min: 1, pool_max: 4, pool_mean: 3.11 },
    { procuratorate: '嘉峪关市城区人民检察院', department: '第五检察部', cases: 92, unassigned: 0, by_method: { designated: 1, rotation: 93 }, pool_min: 0, pool_max: 0, pool_mean: 0 },
  ],
  by_month: {
    '2026-02': { designated: 1, follow_on: 16, random: 103, rotation: 10 },
    '2026-01': { follow_on: 11, random: 104, rotation: 11 },
    '2026-03': { random: 115 },
  },
  designations: 9,
  changes_of_handler: 8,
}
const departments = [
  { id: 10, name: '第一检察部', procuratorate_id: 2, kind: 'business', kind_label: '业务部门', categories: [], category_labels: [] },
  { id: 6, name: '案件管理部', procuratorate_id: 1, kind: 'case_management', kind_label: '案件管理部', categories: [], category_labels: [] },
  { id: 1, name: '第一检察部', procuratorate_id: 1, kind: 'business', kind_label: '业务部门', categories: [], category_labels: [] },
]
const procuratorates = [
  { id: 1, name: '嘉峪关市人民检察院', short_code: '嘉', level: 'city', level_label: '市级院', parent_id: null },
  { id: 2, name: '嘉峪关市城区人民检察院', short_code: '嘉城', level: 'district', level_label: '区县院', parent_id: 1 },
]
const chief = {
  id: 1, username: 'jianchazhang', roles: ['prosecutor', 'chief'], role_labels: ['员额检察官', '检察长'], procuratorate_id: 1, person_id: 1,
  must_change_password: false, procuratorate: '嘉峪关市人民检察院', person: '郑立群',
  permissions: ['read_organisation', 'read_cases', 'decide_reassignment', 'decide_plans', 'read_statistics'],
}

const zh = (key, params) => i18n.global.t(`stats.dashboard.${key}`, params ?? {})
const method = (m) => i18n.global.t(`codes.method.${m}`)

describe('chart options', () => {
  it('draws each unit’s load, first unit on top, inactive ones grey', () => {
    const o = loadOption(workload, zh)
    expect(o.yAxis.data).toEqual(['独任检察官袁国栋', '独任检察官韩志远', '第一检察部韩志远办案组', '第一检察部郑立群办案组'])
    expect(o.series[0].data.map((d) => d.value)).toEqual([183.33, 81, 81, 120])
    expect(o.series[0].data[0].itemStyle.color).toBe('#c0c4cc')
    expect(o.series[0].data[1].itemStyle).toBeUndefined()
    expect(o.xAxis.name).toBe('负荷')
  })

  it('puts the weight sum and share in the tooltip, escaping the unit name', () => {
    const named = { ...workload, units: [{ ...workload.units[0], unit: '<img src=x onerror=alert(1)>' }] }
    const o = loadOption(named, zh)
    const html = o.tooltip.formatter({ data: o.series[0].data[0] }) // as ECharts calls it
    expect(html).toContain('权重和：6')
    expect(html).toContain('份额：0.05')
    expect(html).toContain('负荷：120')
    expect(html).not.toContain('<img')
    expect(html).toContain(escapeHtml('<img src=x onerror=alert(1)>'))
  })

  it('lists the units for the text table', () => {
    expect(loadRows(workload)[3]).toEqual({
      unitId: 5, unit: '独任检察官袁国栋', kind: 'sole', kindLabel: '独任检察官', active: false, share: 0.3, weightSum: 55, load: 183.33,
    })
    expect(loadRows(null)).toEqual([])
  })

  it('stacks the cases of each month by method, months in order', () => {
    const o = monthsOption(transparency.by_month, method)
    expect(o.xAxis.data).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(o.series.map((s) => s.name)).toEqual(['随机分案', '轮流分案', '捕诉一体延续', '指定分案'])
    expect(o.series.every((s) => s.stack === 'cases' && s.type === 'bar')).toBe(true)
    expect(o.series.map((s) => s.data)).toEqual([[104, 103, 115], [11, 10, 0], [11, 16, 0], [0, 1, 0]])
    expect(monthRows(transparency.by_month)[1]).toEqual({
      month: '2026-02', counts: { random: 103, rotation: 10, follow_on: 16, designated: 1 }, total: 130,
    })
  })

  it('sums the methods over the departments, with percentages', () => {
    expect(methodTotals(transparency.departments)).toEqual([
      { method: 'random', count: 204, percent: 59.1 },
      { method: 'rotation', count: 93, percent: 27 },
      { method: 'follow_on', count: 45, percent: 13 },
      { method: 'designated', count: 3, percent: 0.9 },
    ])
    const o = methodsOption(transparency.departments, method)
    expect(o.series[0].type).toBe('pie')
    expect(o.series[0].data.map((d) => [d.name, d.value])).toEqual([['随机分案', 204], ['轮流分案', 93], ['捕诉一体延续', 45], ['指定分案', 3]])
    expect(percent(1, 0)).toBe(0)
  })

  it('shows a method the server adds later under its code', () => {
    const o = monthsOption({ '2026-04': { random: 2, lottery: 1 } }, (m) => (m === 'random' ? '随机分案' : m))
    expect(o.series.map((s) => s.name)).toEqual(['随机分案', 'lottery'])
  })
})

describe('DashboardView', () => {
  // ECharts cannot draw in jsdom: the wrapper is replaced by a stub that keeps its props.
  const EChart = { name: 'EChart', props: ['option', 'label', 'locale', 'height'], template: '<div class="chart-stub" />' }

  function stubApi() {
    const calls = []
    const routes = {
      '/departments': { departments },
      '/procuratorates': { procuratorates },
      '/statistics/workload': workload,
      '/statistics/transparency': transparency,
    }
    vi.stubGlobal('fetch', vi.fn(async (url) => {
      const u = new URL(url, 'http://localhost')
      const path = u.pathname.replace(/^\/api\/v1/, '')
      calls.push({ path, query: Object.fromEntries(u.searchParams) })
      const body = routes[path]
      return { ok: !!body, status: body ? 200 : 404, statusText: '', text: async () => JSON.stringify(body ?? { error: { code: 'not_found', message: '' } }) }
    }))
    return calls
  }

  async function mountDashboard() {
    session.user = chief
    session.checked = true
    const router = makeRouter(createMemoryHistory())
    await router.push('/dashboard')
    const w = mount(DashboardView, { global: { plugins: [ElementPlus, i18n, router], stubs: { EChart } } })
    await flushPromises()
    return w
  }
  const chart = (w, test) => w.findAllComponents(EChart).find((c) => c.attributes('data-test') === test)

  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
    vi.unstubAllGlobals()
  })

  it('loads the first business department of the user’s own 院 and tables the loads', async () => {
    const calls = stubApi()
    const w = await mountDashboard()
    expect(calls.find((c) => c.path === '/statistics/workload').query).toEqual({ department_id: '1' })
    expect(chart(w, 'chart-load').props('option').yAxis.data).toContain('第一检察部郑立群办案组')
    expect(chart(w, 'chart-load').props('label')).toBe('第一检察部各办案单元负荷柱状图')
    const rows = w.findAll('[data-test="load-table"] tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(rows[0]).toEqual(['第一检察部郑立群办案组', '检察官办案组', '是', '0.05', '6', '120'])
    expect(rows[3]).toEqual(['独任检察官袁国栋', '独任检察官', '否', '0.3', '55', '183.33'])
    expect(w.get('[data-test="load-plan"]').text()).toBe('按第一检察部分案方案第 1 版计算：普通案件权重 1，疑难案件权重 2。')
    expect(chart(w, 'chart-months').props('option').xAxis.data).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(chart(w, 'chart-methods').props('option').series[0].data).toHaveLength(4)
    expect(w.get('[data-test="methods-table"]').text()).toContain('59.1%')
    w.unmount()
  })

  it('re-labels the charts and tables in English', async () => {
    stubApi()
    const w = await mountDashboard()
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(w.get('h1').text()).toBe('Workload')
    expect(chart(w, 'chart-months').props('option').series.map((s) => s.name)).toEqual(['Random draw', 'Rotation', 'Follow-on (same matter)', 'Designation'])
    expect(chart(w, 'chart-load').props('option').xAxis.name).toBe('Load')
    expect(chart(w, 'chart-load').props('locale')).toBe('en')
    expect(w.get('[data-test="load-table"] thead').text()).toContain('Weight sum')
    expect(w.get('[data-test="load-table"] tbody').text()).toContain('Prosecutors’ team')
    w.unmount()
  })
})
