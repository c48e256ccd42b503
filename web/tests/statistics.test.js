// 司法责任制统计: the builders turn GET /statistics/summary into chart options (ECharts cannot
// draw in jsdom), and the page shows the year's figures, each chart with a text table of the same
// numbers, the leaders against their quota (met / not met), another year on request, and English.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n } from '../src/i18n.js'
import { session } from '../src/session.js'
import { makeRouter, routes } from '../src/router.js'
import StatisticsView from '../src/views/StatisticsView.vue'
import { casesByMonthOption, escapeHtml, pieOption, ratioOption, ratioRows } from '../src/components/charts/options.js'
import { chief, leaders, summary } from './handling-fixtures.js'

const zh = (key, params) => i18n.global.t(`handling.statistics.${key}`, params ?? {})

describe('statistics chart options', () => {
  it('turns the 本人决定 ratios into rows and bars, first on top', () => {
    const rows = ratioRows(summary.self_decided_ratio.by_department, 'department')
    expect(rows).toEqual([
      { name: '第一检察部', self: 120, total: 128, percent: 93.8 },
      { name: '第二检察部', self: 66, total: 72, percent: 91.7 },
    ])
    expect(ratioRows([{ person: '某', self: 0, total: 0, ratio: null }], 'person')[0].percent).toBe(0)
    // Over two 院 each has a 第一检察部: the rows say whose.
    const both = ratioRows([
      { department: '第一检察部', procuratorate: '市院', self: 1, total: 1 },
      { department: '第一检察部', procuratorate: '城区院', self: 1, total: 2 },
    ], 'department')
    expect(both.map((r) => r.name)).toEqual(['第一检察部（市院）', '第一检察部（城区院）'])
    const o = ratioOption(rows, zh)
    expect(o.yAxis.data).toEqual(['第二检察部', '第一检察部'])
    expect(o.series[0].data.map((d) => d.value)).toEqual([91.7, 93.8])
    expect(o.xAxis.max).toBe(100)
    expect(o.xAxis.name).toBe('本人决定比例（%）')
  })

  it('escapes names in the ratio tooltip', () => {
    const o = ratioOption(ratioRows([{ person: '<b>x</b>', self: 1, total: 2 }], 'person'), zh)
    const html = o.tooltip.formatter({ data: o.series[0].data[0] })
    expect(html).toContain(escapeHtml('<b>x</b>'))
    expect(html).toContain('本人决定 1 / 2（50%）')
    expect(html).not.toContain('<b>x')
  })

  it('draws a pie of the counts, leaving out empty slices', () => {
    const o = pieOption([{ name: '口头提示', value: 7 }, { name: '书面通知', value: 0 }])
    expect(o.series[0].type).toBe('pie')
    expect(o.series[0].data).toEqual([{ name: '口头提示', value: 7 }])
  })

  it('puts the months in order with received and concluded side by side', () => {
    const o = casesByMonthOption(summary.cases_by_month, zh)
    expect(o.xAxis.data).toEqual(['2026-01', '2026-02'])
    expect(o.series.map((s) => [s.name, s.data])).toEqual([['受理', [25, 21]], ['办结', [12, 18]]])
    expect(o.series.every((s) => s.type === 'bar' && !s.stack)).toBe(true)
  })
})

describe('StatisticsView', () => {
  const EChart = { name: 'EChart', props: ['option', 'label', 'locale', 'height'], template: '<div class="chart-stub" />' }

  function stubApi() {
    const calls = []
    vi.stubGlobal('fetch', vi.fn(async (url) => {
      const u = new URL(url, 'http://localhost')
      const path = u.pathname.replace(/^\/api\/v1/, '')
      const query = Object.fromEntries(u.searchParams)
      calls.push({ path, query })
      const year = Number(query.year)
      const body = path === '/statistics/summary' ? { ...summary, year } : path === '/statistics/leaders' ? { ...leaders, year } : null
      return { ok: !!body, status: body ? 200 : 404, statusText: '', text: async () => JSON.stringify(body ?? { error: { code: 'not_found', message: '' } }) }
    }))
    return calls
  }

  async function mountStatistics() {
    session.user = chief
    session.checked = true
    const router = makeRouter(createMemoryHistory())
    await router.push('/statistics')
    const w = mount(StatisticsView, { global: { plugins: [ElementPlus, i18n, router], stubs: { EChart } } })
    await flushPromises()
    return w
  }
  const chart = (w, test) => w.findAllComponents(EChart).find((c) => c.attributes('data-test') === test)
  const table = (w, test) => w.findAll(`[data-test="${test}"] tbody tr`).map((r) => r.findAll('th, td').map((c) => c.text()))

  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('is a menu entry for read_statistics', () => {
    const route = routes.find((r) => r.path === '/statistics')
    expect(route.meta).toEqual({ menu: 'statistics', permission: 'read_statistics' })
    expect(i18n.global.t('common.menu.statistics')).toBe('司法责任制统计')
  })

  it('shows this year’s figures, each chart with its table', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-27T10:00:00+08:00'))
    const calls = stubApi()
    const w = await mountStatistics()
    expect(calls.map((c) => [c.path, c.query])).toEqual([
      ['/statistics/summary', { year: '2026' }],
      ['/statistics/leaders', { year: '2026' }],
    ])
    const figure = (key) => w.get(`[data-test="figure-${key}"]`).text()
    expect(figure('self')).toContain('93%')
    expect(figure('self')).toContain('本人决定 186 件 / 共 200 件')
    expect(figure('leader')).toContain('14')
    expect(figure('preReviews')).toContain('9')
    expect(figure('notices')).toContain('12')
    expect(figure('staff')).toContain('1 : 0.8 : 0.5')
    expect(figure('staff')).toContain('检察官 20 人，检察官助理 16 人，书记员 10 人')

    expect(table(w, 'chart-self-procuratorate-table')).toEqual([
      ['嘉峪关市人民检察院', '120', '128', '93.8%'], ['嘉峪关市城区人民检察院', '66', '72', '91.7%'],
    ])
    expect(chart(w, 'chart-self-department').props('option').yAxis.data).toEqual(['第二检察部', '第一检察部'])
    expect(table(w, 'chart-self-department-table')).toEqual([['第一检察部', '120', '128', '93.8%'], ['第二检察部', '66', '72', '91.7%']])
    expect(table(w, 'chart-self-person-table')).toEqual([['韩志远', '40', '44', '90.9%'], ['冯晓琳', '35', '35', '100%']])
    expect(chart(w, 'chart-cases-month').props('option').xAxis.data).toEqual(['2026-01', '2026-02'])
    expect(table(w, 'chart-cases-month-table')).toEqual([['2026-01', '25', '12'], ['2026-02', '21', '18']])
    expect(table(w, 'chart-holders-table')).toEqual([['检察官', '186', '93%'], ['检察长', '12', '6%'], ['检察委员会', '2', '1%']])
    expect(table(w, 'chart-notices-table')).toEqual([['口头提示', '7', '58.3%'], ['书面通知', '4', '33.3%'], ['报告检察长', '1', '8.3%']])
    expect(table(w, 'chart-unit-kind-table')).toEqual([['检察官办案组', '80', '32.5%'], ['独任检察官', '166', '67.5%']])
    expect(chart(w, 'chart-unit-kind').props('option').series[0].data).toEqual([{ name: '检察官办案组', value: 80 }, { name: '独任检察官', value: 166 }])
    w.unmount()
  })

  it('tables the leaders against their quota, met or not', async () => {
    stubApi()
    const w = await mountStatistics()
    const rows = w.findAll('[data-test="leader-row"]')
    expect(rows.map((r) => r.findAll('th, td').map((c) => c.text()))).toEqual([
      ['郑立群', '嘉峪关市人民检察院', '检察长', '3', '2', '5', '12.5', '1', '平均办案量12.5件 × 5%', '达标'],
      ['马文涛', '嘉峪关市人民检察院', '副检察长', '0', '0', '0', '12.5', '4', '平均办案量12.5件 × 30%', '未达标'],
    ])
    const tagClasses = (r) => {
      const el = r.get('[data-test="leader-met"]')
      return (el.classes().includes('el-tag') ? el : el.get('.el-tag')).classes()
    }
    expect(tagClasses(rows[0])).toContain('el-tag--success')
    expect(tagClasses(rows[1])).toContain('el-tag--danger')
    w.unmount()
  })

  it('leaves the leaders out for a user who may not read performance', async () => {
    const calls = stubApi()
    session.user = { ...chief, permissions: chief.permissions.filter((p) => p !== 'read_performance') }
    session.checked = true
    const router = makeRouter(createMemoryHistory())
    await router.push('/statistics')
    const w = mount(StatisticsView, { global: { plugins: [ElementPlus, i18n, router], stubs: { EChart } } })
    await flushPromises()
    expect(calls.map((c) => c.path)).toEqual(['/statistics/summary'])
    expect(w.find('[data-test="leaders"]').exists()).toBe(false)
    expect(w.find('[data-test="figure-self"]').exists()).toBe(true)
    w.unmount()
  })

  it('shows missing figures as a dash, and no per-person figures without them', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url) => {
      const path = new URL(url, 'http://localhost').pathname.replace(/^\/api\/v1/, '')
      const body = path === '/statistics/summary'
        ? { ...summary, staff: { ...summary.staff, ratio: null }, self_decided_ratio: { ...summary.self_decided_ratio, by_person: null } }
        : leaders
      return { ok: true, status: 200, statusText: '', text: async () => JSON.stringify(body) }
    }))
    const w = await mountStatistics()
    expect(w.get('[data-test="figure-staff"] .value').text()).toBe('—')
    expect(w.find('[data-test="chart-self-person-table"]').exists()).toBe(false)
    w.unmount()
  })

  it('loads another year when chosen', async () => {
    const calls = stubApi()
    const w = await mountStatistics()
    const select = w.findComponent({ name: 'ElSelect' })
    const years = select.findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))
    expect(years).toHaveLength(6)
    select.vm.$emit('update:modelValue', years[1])
    await flushPromises()
    expect(calls.slice(2).map((c) => [c.path, c.query.year])).toEqual([
      ['/statistics/summary', String(years[1])],
      ['/statistics/leaders', String(years[1])],
    ])
    expect(w.get('[data-test="leaders-table"] caption').text()).toBe(`${years[1]} 年院领导办案情况`)
    w.unmount()
  })

  it('re-labels the figures, charts and tables in English', async () => {
    stubApi()
    const w = await mountStatistics()
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(w.get('h1').text()).toBe('Judicial responsibility statistics')
    expect(chart(w, 'chart-cases-month').props('option').series.map((s) => s.name)).toEqual(['Received', 'Concluded'])
    expect(table(w, 'chart-holders-table')[1][0]).toBe('Chief prosecutor')
    expect(table(w, 'chart-unit-kind-table')[0][0]).toBe('Prosecutors’ team')
    expect(w.findAll('[data-test="leader-met"]').map((t) => t.text())).toEqual(['Met', 'Not met'])
    expect(w.findAll('[data-test="leader-row"]')[1].text()).toContain('Deputy chief prosecutor')
    w.unmount()
  })
})
