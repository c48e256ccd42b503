// The words for the API's stable codes (category, method, role, exclusion …) in the current
// language, from locales/codes.js. In Chinese the server's own `*_label`, when the answer carries
// one, is the authority; otherwise the vocabulary's word; an unknown code shows as itself, never
// blank.
import { useI18n } from 'vue-i18n'

export function useCodeLabel() {
  const { t, te, locale } = useI18n()
  function codeLabel(group, code, apiLabel = '') {
    if (!code) return apiLabel
    if (locale.value === 'zh-CN' && apiLabel) return apiLabel
    const key = `codes.${group}.${code}`
    return te(key) ? t(key) : apiLabel || code
  }
  // Several codes with their labels (the API's parallel `*_labels` array), as one phrase.
  const codeLabels = (group, codes, apiLabels) =>
    codes.map((c, i) => codeLabel(group, c, apiLabels?.[i])).join(locale.value === 'en' ? ', ' : '、')
  return { codeLabel, codeLabels }
}
