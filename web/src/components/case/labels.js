// The codes the forms and filters offer, in the API's order (HandlerChangeReason,
// DesignationReason, CaseStatus, CaseCategory, and the codes of handling a case).
export const CHANGE_REASONS = ['recusal', 'long_absence', 'workload', 'expertise', 'higher_instruction', 'other']
export const DESIGNATION_REASONS = [
  'major_complex', 'leader_handles', 'assigned_by_higher', 'conflict', 'follow_on', 'reconsideration', 'other',
]
export const CASE_STATUSES = [
  'registered', 'assigned', 'in_progress', 'awaiting_decision', 'returned', 'concluded', 'archived', 'transferred', 'withdrawn',
]
// The statuses of a case a handling unit still works on (the work list shows these).
export const OPEN_STATUSES = ['assigned', 'in_progress', 'awaiting_decision', 'returned']
// Closed: nothing more is asked of anyone.
export const CLOSED_STATUSES = ['concluded', 'archived', 'transferred', 'withdrawn']
export const CASE_CATEGORIES = [
  'arrest_review', 'prosecution_review', 'criminal_appeal', 'civil_supervision',
  'administrative_supervision', 'public_interest', 'state_compensation', 'reconsideration',
]

// The case's own changes of status (POST /cases/{id}/transitions) and the other things a case's
// `actions` may offer, in the order the page shows their buttons.
export const TRANSITIONS = ['start', 'resume', 'transfer', 'archive']
export const HANDLING_ACTIONS = ['propose_decision', 'record_act', 'flag', 'issue_notice', 'pre_review', 'instruct_report']

// The decision types of each category (the power list, v 2019-12), and the holder of the power by
// default. The case answer names the types open to it (`decision_types`); this list serves where
// it does not, as in the types a holder may decide instead of the one proposed.
export const DECISION_TYPES = {
  arrest_review: [
    'approve_arrest', 'no_arrest_no_necessity', 'no_arrest_no_crime', 'no_arrest_insufficient_evidence', 'no_arrest_cpl16',
  ],
  prosecution_review: [
    'prosecute', 'non_prosecution_statutory', 'non_prosecution_evidence', 'non_prosecution_discretionary',
    'return_for_investigation', 'extend_review',
  ],
  reconsideration: ['reconsideration_decision', 'review_decision'],
  other: ['conclusion'],
}

// The other types of the category `type` belongs to: what a holder may decide instead.
export function otherDecisionTypes(type) {
  const group = Object.values(DECISION_TYPES).find((types) => types.includes(type)) ?? []
  return group.filter((t) => t !== type)
}

export const ACT_KINDS = ['interrogation', 'key_witness', 'major_evidence', 'court_appearance']
export const FLAGS = ['new_type', 'major_difficult', 'quality_risk', 'department_divergence']
export const NOTICE_LEVELS = ['oral', 'written', 'report_chief']
export const HOLDERS = ['prosecutor', 'department_head', 'chief', 'committee', 'higher_procuratorate']
