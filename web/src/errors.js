// Turns an ApiError into the sentence a user reads, in the current language: a known stable code
// has its own message (common.errors); a field error names the field by its label and keeps the
// server's own message, which says more ("第一检察部 不受理 民事诉讼监督 (…)"), unless the server
// words that code in English only. Otherwise the server's message ("中文 (English)") as it is.
import { i18n } from './i18n.js'

export function errorText(err, fieldLabels = {}) {
  const t = i18n.global.t
  const te = i18n.global.te
  if (!err) return ''
  const code = err.code ?? ''
  const key = `common.errors.${code}`
  const worded = te(key) ? t(key) : ''
  const serverChinese = /[\u4e00-\u9fff]/.test(err.message ?? '')
  const text = err.field && serverChinese ? err.message : worded || err.message || t('common.errors.unknown')
  if (!err.field) return text
  return `${fieldLabels[err.field] ?? err.field}：${text}`
}
