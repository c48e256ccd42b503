// Turns an ApiError into the sentence a user reads, in the current language: a known stable code
// has its own message; a field error names the field by its label; otherwise the server's own
// message (which is already "中文 (English)").
import { i18n } from './i18n.js'

export function errorText(err, fieldLabels = {}) {
  const t = i18n.global.t
  const te = i18n.global.te
  if (!err) return ''
  const code = err.code ?? ''
  const key = `common.errors.${code}`
  let text = te(key) ? t(key) : err.message || t('common.errors.unknown')
  if (err.field) {
    const label = fieldLabels[err.field] ?? err.field
    text = `${label}：${err.message || text}`
  }
  return text
}
