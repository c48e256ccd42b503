// Dates and numbers as Chinese offices write them; ISO in, text out.
export function dateTime(iso) {
  if (!iso) return ''
  // "2026-02-27T11:18:00+08:00" → "2026-02-27 11:18" (times are Beijing time already)
  return iso.replace('T', ' ').slice(0, 16)
}

export function daysBetween(fromIso, toIso) {
  const a = Date.parse(fromIso + 'T00:00:00Z')
  const b = Date.parse(toIso + 'T00:00:00Z')
  return Math.round((b - a) / 86400000)
}

export function todayIso(now = new Date()) {
  // The office's calendar day, in Beijing time whatever the browser's zone.
  const beijing = new Date(now.getTime() + 8 * 3600000)
  return beijing.toISOString().slice(0, 10)
}

export function fixed(n, digits = 2) {
  return Number.isFinite(n) ? Number(n).toFixed(digits).replace(/\.?0+$/, '') : ''
}
