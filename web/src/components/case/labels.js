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
