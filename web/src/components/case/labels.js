// The words for the API's stable codes (category, method, exclusion, …) in the current language.
// In Chinese the server's own `*_label`, when the answer carries one, is the authority; otherwise
// (and in English) the cases locale's translation; an unknown code shows as itself, never blank.
import { useI18n } from 'vue-i18n'

export function useCodeLabel() {
  const { t, te, locale } = useI18n()
  return function codeLabel(group, code, apiLabel = '') {
    if (!code) return apiLabel
    if (locale.value === 'zh-CN' && apiLabel) return apiLabel
    const key = `cases.${group}.${code}`
    return te(key) ? t(key) : apiLabel || code
  }
}

// The codes the forms and filters offer, in the API's order (HandlerChangeReason,
// DesignationReason, CaseStatus, CaseCategory).
export const CHANGE_REASONS = ['recusal', 'long_absence', 'workload', 'expertise', 'higher_instruction', 'other']
export const DESIGNATION_REASONS = [
  'major_complex', 'leader_handles', 'assigned_by_higher', 'conflict', 'follow_on', 'reconsideration', 'other',
]
export const CASE_STATUSES = ['registered', 'assigned', 'withdrawn']
export const CASE_CATEGORIES = [
  'arrest_review', 'prosecution_review', 'criminal_appeal', 'civil_supervision',
  'administrative_supervision', 'public_interest', 'state_compensation', 'reconsideration',
]
