// Pure builders from the statistics API's answers to ECharts options and to the rows of the text
// tables shown beside each chart. No Vue, no ECharts: the words come in through `label` and
// `text` functions so the same data renders in either language, and the tests can check the
// numbers without a canvas.

// The assignment methods in the order charts and tables show them (AssignmentMethod codes).
export const METHODS = ['random', 'rotation', 'follow_on', 'designated']

const METHOD_COLOURS = {
  random: '#409eff',
  rotation: '#67c23a',
  follow_on: '#e6a23c',
  designated: '#c45656',
}
const INACTIVE_COLOUR = '#c0c4cc'

// Tooltips are HTML: anything from the data (unit names are typed in by people) is escaped.
export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

// Loads are fractions (weight_sum / share); two decimals are plenty and integers stay integers.
export function roundLoad(n) {
  return Math.round(n * 100) / 100
}

// The methods present in `counts` objects ({method: n}), known ones first in METHODS order, then
// any the server adds later, so a new method still shows (under its code).
export function methodsIn(...countObjects) {
  const seen = new Set(countObjects.flatMap((o) => Object.keys(o ?? {})))
  return [...METHODS.filter((m) => seen.has(m)), ...[...seen].filter((m) => !METHODS.includes(m)).sort()]
}

// Rows for the load table and chart, from GET /statistics/workload: every unit, in the server's
// order (the department's order of units).
export function loadRows(workload) {
  return (workload?.units ?? []).map((u) => ({
    unitId: u.unit_id,
    unit: u.unit,
    kind: u.kind,
    kindLabel: u.kind_label,
    active: u.active,
    share: u.share,
    weightSum: u.weight_sum,
    load: roundLoad(u.load),
  }))
}

// Horizontal bars of each unit's load. `text(key, params)` supplies the words:
//   'loadAxis' (axis name), 'tooltipLoad' {load}, 'tooltipWeight' {n}, 'tooltipShare' {share},
//   'inactive' (suffix for a unit that takes no new cases).
export function loadOption(workload, text) {
  const rows = loadRows(workload)
  // The first unit of the department at the top, as in the department's order.
  const ordered = [...rows].reverse()
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 48, top: 16, bottom: 32, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const r = p.data.row
        return [
          `<strong>${escapeHtml(r.unit)}</strong>${r.active ? '' : ' ' + escapeHtml(text('inactive'))}`,
          escapeHtml(text('tooltipLoad', { load: r.load })),
          escapeHtml(text('tooltipWeight', { n: r.weightSum })),
          escapeHtml(text('tooltipShare', { share: r.share })),
        ].join('<br/>')
      },
    },
    xAxis: { type: 'value', name: text('loadAxis'), nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: ordered.map((r) => r.unit), axisLabel: { width: 200, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: text('loadAxis'),
        barMaxWidth: 28,
        label: { show: true, position: 'right' },
        data: ordered.map((r) => ({
          value: r.load,
          row: r,
          itemStyle: r.active ? undefined : { color: INACTIVE_COLOUR },
        })),
      },
    ],
  }
}

// Rows of the month table: one per month (oldest first) with a count per method and the total.
export function monthRows(byMonth, methods = methodsIn(...Object.values(byMonth ?? {}))) {
  return Object.keys(byMonth ?? {})
    .sort()
    .map((month) => {
      const counts = Object.fromEntries(methods.map((m) => [m, byMonth[month][m] ?? 0]))
      return { month, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }
    })
}

// Cases per month stacked by method, from GET /statistics/transparency `by_month`.
// `label(method)` names a method.
export function monthsOption(byMonth, label) {
  const methods = methodsIn(...Object.values(byMonth ?? {}))
  const rows = monthRows(byMonth, methods)
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map((r) => r.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: methods.map((m) => ({
      type: 'bar',
      name: label(m),
      stack: 'cases',
      itemStyle: METHOD_COLOURS[m] ? { color: METHOD_COLOURS[m] } : undefined,
      data: rows.map((r) => r.counts[m]),
    })),
  }
}

// Each method's total over all departments (`departments[].by_method`), with its share of all
// assignments in percent (one decimal).
export function methodTotals(departments) {
  const all = (departments ?? []).map((d) => d.by_method ?? {})
  const methods = methodsIn(...all)
  const totals = methods.map((m) => ({ method: m, count: all.reduce((sum, o) => sum + (o[m] ?? 0), 0) }))
  const sum = totals.reduce((a, r) => a + r.count, 0)
  return totals.map((r) => ({ ...r, percent: percent(r.count, sum) }))
}

// `part` of `whole` in percent with one decimal; 0 when there is no whole.
export function percent(part, whole) {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0
}

// A pie of the assignment methods overall. `label(method)` names a method.
export function methodsOption(departments, label) {
  const totals = methodTotals(departments)
  return {
    aria: { enabled: true },
    legend: { bottom: 0 },
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        // Slivers get no label (the legend, the tooltip and the table still name them).
        minShowLabelAngle: 10,
        label: { formatter: '{b}\n{d}%' },
        data: totals.map((r) => ({
          name: label(r.method),
          value: r.count,
          itemStyle: METHOD_COLOURS[r.method] ? { color: METHOD_COLOURS[r.method] } : undefined,
        })),
      },
    ],
  }
}

// ── 司法责任制统计 (GET /statistics/summary) ──

// Rows of a 本人决定 ratio table, from `self_decided_ratio.by_department` (nameKey 'department')
// or `.by_person` (nameKey 'person'): the name, decisions made by the prosecutor alone, all
// decisions, and the first as a percentage of the second (one decimal).
export function ratioRows(list, nameKey) {
  const rows = list ?? []
  // Over more than one 院 the same department name stands in each: say whose.
  const several = nameKey !== 'procuratorate' && new Set(rows.map((r) => r.procuratorate)).size > 1
  return rows.map((r) => ({
    name: several ? `${r[nameKey]}（${r.procuratorate}）` : r[nameKey],
    self: r.self, total: r.total, percent: percent(r.self, r.total),
  }))
}

// Horizontal bars of the 本人决定 percentage, first row on top. `text(key, params)` supplies the
// words: 'ratioAxis' (axis name), 'tooltipRatio' {self, total, percent}.
export function ratioOption(rows, text) {
  const ordered = [...(rows ?? [])].reverse()
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 56, top: 16, bottom: 32, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const r = p.data.row
        return `<strong>${escapeHtml(r.name)}</strong><br/>${escapeHtml(text('tooltipRatio', r))}`
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, name: text('ratioAxis'), nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: text('ratioAxis'),
        barMaxWidth: 24,
        label: { show: true, position: 'right', formatter: '{c}%' },
        data: ordered.map((r) => ({ value: r.percent, row: r })),
      },
    ],
  }
}

// A pie of named counts ([{ name, value }]), the slices with nothing left out of the chart (the
// table beside it still lists them). The slices are labelled with their percentage only: the
// legend names them, and these pies sit in narrow cards.
export function pieOption(items) {
  return {
    aria: { enabled: true },
    legend: { bottom: 0 },
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        minShowLabelAngle: 10,
        label: { formatter: '{d}%' },
        data: (items ?? []).filter((i) => i.value > 0).map((i) => ({ name: i.name, value: i.value })),
      },
    ],
  }
}

// Cases received and concluded per month, side by side, months in order, from `cases_by_month`.
// `text(key)` names the two series: 'received', 'concluded'.
export function casesByMonthOption(months, text) {
  const rows = [...(months ?? [])].sort((a, b) => a.month.localeCompare(b.month))
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map((r) => r.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: text('received'), itemStyle: { color: '#409eff' }, data: rows.map((r) => r.received) },
      { type: 'bar', name: text('concluded'), itemStyle: { color: '#67c23a' }, data: rows.map((r) => r.concluded) },
    ],
  }
}
