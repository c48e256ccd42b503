// Answers written from the issue-6 API contract (handling a case, monitoring, statistics) for the
// tests of the case page's handling parts, 待我审批's decisions, 检察长监控 and 司法责任制统计.
// The case keeps the assignment, requests and timeline of a captured answer (case-fixtures.js).
import { caseChanged, sessionUser } from './case-fixtures.js'

const account = (id, username, roles, role_labels, person_id, person, permissions) => ({
  id, username, roles, role_labels, procuratorate_id: 1, person_id, must_change_password: false,
  procuratorate: '嘉峪关市人民检察院', person, permissions,
})

// The lead prosecutor of the unit handling the case. (Permissions as the server's access matrix
// grants them to the role.)
export const prosecutor = account(9, 'jianchaguan4', ['prosecutor'], ['员额检察官'], 4, '韩志远', [
  'read_organisation', 'read_cases', 'request_handler_change', 'read_plans', 'read_statistics', 'handle_cases', 'flag_cases',
])
// The chief prosecutor, who holds the power over most non-prosecution decisions.
export const chief = account(1, 'jianchazhang', ['prosecutor', 'chief'], ['员额检察官', '检察长'], 1, '郑立群', [
  'read_organisation', 'read_cases', 'request_designation', 'request_handler_change', 'decide_reassignment', 'read_plans',
  'propose_plans', 'decide_plans', 'read_alerts', 'read_anomalies', 'read_statistics', 'handle_cases', 'decide_cases',
  'flag_cases', 'lead_cases', 'monitor_cases', 'read_performance',
])
// Case management (the captured session user) with the monitoring permission.
export const caseManager = {
  ...sessionUser, permissions: [...sessionUser.permissions, 'flag_cases', 'supervise_cases', 'monitor_cases', 'read_performance'],
}

// The decision types of 审查起诉 and their holders (power list v 2019-12).
export const prosecutionTypes = [
  { type: 'prosecute', type_label: '提起公诉', holder: 'prosecutor', holder_label: '检察官' },
  { type: 'non_prosecution_statutory', type_label: '法定不起诉', holder: 'chief', holder_label: '检察长' },
  { type: 'non_prosecution_evidence', type_label: '存疑不起诉', holder: 'chief', holder_label: '检察长' },
  { type: 'non_prosecution_discretionary', type_label: '相对不起诉', holder: 'chief', holder_label: '检察长' },
  { type: 'return_for_investigation', type_label: '退回补充侦查', holder: 'prosecutor', holder_label: '检察官' },
  { type: 'extend_review', type_label: '延长审查起诉期限', holder: 'chief', holder_label: '检察长' },
]

// Issued by the prosecutor alone, with its 文书号; and one waiting for the chief.
export const issuedReturn = {
  id: 31, type: 'return_for_investigation', type_label: '退回补充侦查', holder: 'prosecutor', holder_label: '检察官',
  status: 'issued', status_label: '已作出', self_decided: true, reasoning: '部分犯罪事实不清、证据不足，需要补充侦查。',
  proposed_by_name: '韩志远', proposed_at: '2026-10-12T09:30:00+08:00', decided_by_name: '韩志远', decided_at: '2026-10-12T09:30:00+08:00',
  note: '', document_number: '嘉检刑退查〔2026〕12号', contrary: false, objections: [], can_decide: false, can_object: false,
}
export const pendingNonProsecution = {
  id: 32, type: 'non_prosecution_discretionary', type_label: '相对不起诉', holder: 'chief', holder_label: '检察长',
  status: 'pending', status_label: '待决定', self_decided: false, reasoning: '犯罪情节轻微，有自首情节，依照刑法规定不需要判处刑罚。',
  proposed_by_name: '韩志远', proposed_at: '2026-11-25T15:00:00+08:00', decided_by_name: null, decided_at: null,
  note: '', document_number: null, contrary: false, objections: [], can_decide: false, can_object: false,
}

export const deadlineNear = {
  kind: 'prosecution_review', kind_label: '审查起诉期限', start: '2026-11-02', due: '2026-12-02',
  basis: '刑事诉讼法第一百七十二条：审查起诉应当在一个月以内作出决定；补充侦查完毕移送后，自 2026-11-02 重新计算。',
  days_left: 5, state: 'near',
}

// GET /cases/1423 as the handling prosecutor reads it: 审查起诉, returned once, waiting for the
// chief's decision, flagged by case management, with a notice to reply to and a report to file.
export function handledCase(overrides = {}) {
  return {
    ...caseChanged,
    id: 1423,
    number: '嘉检刑诉受〔2026〕88号',
    category: 'prosecution_review',
    category_label: '审查起诉',
    status: 'awaiting_decision',
    status_label: '待决定',
    complex: true,
    fast_track: false,
    deadline: deadlineNear,
    returns: 1,
    extended: false,
    flags: [{ flag: 'major_difficult', flag_label: '重大疑难复杂', note: '涉案人数多，社会关注度高', by_name: '冉丽华', at: '2026-11-20T10:00:00+08:00' }],
    actions: ['propose_decision', 'record_act'],
    decision_types: prosecutionTypes,
    decisions: [issuedReturn, pendingNonProsecution],
    acts: [{ id: 5, kind: 'interrogation', kind_label: '讯问犯罪嫌疑人', on: '2026-11-05', person_name: '韩志远', note: '在看守所讯问' }],
    notices: [{
      id: 3, level: 'written', level_label: '书面通知', content: '请说明审查进度及逾期风险', requested_by_name: '冉丽华', requested_on: '2026-11-20',
      due_on: '2026-11-30', answer: null, answered_by_name: null, answered_on: null, state: 'awaiting', state_label: '待答复', can_answer: true,
    }],
    reports: [{
      id: 4, origin: 'flag', flag: 'major_difficult', request: '标记案件：重大疑难复杂，请报告案件情况', requested_by_name: '冉丽华',
      requested_on: '2026-11-20', due_on: '2026-11-23', answer: null, answered_by_name: null, answered_on: null, state: 'overdue', state_label: '已超期', can_answer: true,
    }],
    pre_reviews: [{ id: 2, opinion: '注意审查自首情节的认定', by_name: '马文涛', at: '2026-11-22T16:00:00+08:00' }],
    ...overrides,
  }
}

// GET /approvals for the chief: the pending decision with its case.
export const approvalDecision = {
  ...pendingNonProsecution, can_decide: true, case_id: 1423, case_number: '嘉检刑诉受〔2026〕88号', department: '第一检察部',
}

const row = (case_id, number, extra = {}) => ({
  case_id, number, category: 'prosecution_review', category_label: '审查起诉', unit: '独任检察官韩志远', department: '第一检察部',
  status: 'in_progress', status_label: '办理中', custody: false, due: '2026-12-01', days_left: 4, flags: [], ...extra,
})
export const overdueRow = row(1401, '嘉检刑诉受〔2026〕61号', { due: '2026-11-24', days_left: -3, custody: true, unit: '第一检察部韩志远办案组' })
export const nearRow = row(1423, '嘉检刑诉受〔2026〕88号', { status: 'awaiting_decision', status_label: '待决定', due: '2026-11-29', days_left: 2, flags: ['major_difficult'] })
export const arrestRow = row(1430, '嘉检刑捕受〔2026〕230号', {
  category: 'arrest_review', category_label: '审查逮捕', custody: true, due: '2026-12-04', days_left: 7, unit: '独任检察官冯晓琳',
})

// GET /monitoring for 嘉峪关市人民检察院.
export const monitoring = {
  today: '2026-11-27', procuratorate_id: 1, procuratorate: '嘉峪关市人民检察院',
  alert_days: { prosecution_review: 5, arrest_review: 2 },
  counts: {
    in_progress: 42, near_expiry: 1, overdue: 1, extended: 0, returned: 0, in_custody: 2, awaiting_chief: 1, flagged: 1,
    notices_awaiting_reply: 1, reports_awaiting: 1,
  },
  units: [
    { unit_id: 2, unit: '第一检察部韩志远办案组', department: '第一检察部', in_progress: 12, near_expiry: 0, overdue: 1 },
    { unit_id: 3, unit: '独任检察官韩志远', department: '第一检察部', in_progress: 9, near_expiry: 1, overdue: 0 },
  ],
  lists: {
    near_expiry: [nearRow], overdue: [overdueRow], extended: [], returned: [], in_custody: [overdueRow, arrestRow],
    awaiting_chief: [nearRow], flagged: [nearRow],
  },
  page_size: 20,
  notices: [{ id: 3, case_id: 1423, case_number: '嘉检刑诉受〔2026〕88号', level: 'written', level_label: '书面通知', requested_on: '2026-11-20', due_on: '2026-11-30', state: 'awaiting', state_label: '待答复' }],
  reports: [{ id: 4, case_id: 1423, case_number: '嘉检刑诉受〔2026〕88号', origin: 'flag', flag: 'major_difficult', flag_label: '重大疑难复杂', requested_on: '2026-11-20', due_on: '2026-11-23', state: 'overdue', state_label: '已超期' }],
}

// GET /statistics/summary?year=2026 and GET /statistics/leaders?year=2026.
export const summary = {
  year: 2026, procuratorates: [1, 2],
  self_decided_ratio: {
    overall: { self: 186, total: 200, ratio: 0.93 },
    by_procuratorate: [
      { procuratorate: '嘉峪关市人民检察院', self: 120, total: 128, ratio: 0.9375 },
      { procuratorate: '嘉峪关市城区人民检察院', self: 66, total: 72, ratio: 0.9167 },
    ],
    by_department: [
      { department: '第一检察部', procuratorate: '嘉峪关市人民检察院', self: 120, total: 128, ratio: 0.9375 },
      { department: '第二检察部', procuratorate: '嘉峪关市人民检察院', self: 66, total: 72, ratio: 0.9167 },
    ],
    by_person: [
      { person: '韩志远', procuratorate: '嘉峪关市人民检察院', self: 40, total: 44, ratio: 0.9091 },
      { person: '冯晓琳', procuratorate: '嘉峪关市人民检察院', self: 35, total: 35, ratio: 1 },
    ],
  },
  leader_direct_cases: 14, pre_reviews: 9,
  monitoring_notices: { total: 12, oral: 7, written: 4, report_chief: 1 },
  cases_by_unit_kind: { team: 80, sole: 166 },
  staff: { prosecutors: 20, assistants: 16, clerks: 10, ratio: '1 : 0.8 : 0.5' },
  cases_by_month: [
    { month: '2026-02', received: 21, concluded: 18 },
    { month: '2026-01', received: 25, concluded: 12 },
  ],
  decisions_by_holder: [
    { holder: 'prosecutor', holder_label: '检察官', count: 186 },
    { holder: 'chief', holder_label: '检察长', count: 12 },
    { holder: 'committee', holder_label: '检察委员会', count: 2 },
  ],
}
export const leaders = {
  year: 2026,
  leaders: [
    { person_id: 1, person: '郑立群', procuratorate: '嘉峪关市人民检察院', post: 'chief', post_label: '检察长', cases_led: 3, cases_with_acts: 2, acts: 5, average_caseload: 12.5, quota: 1, quota_basis: '平均办案量12.5件 × 5%', met: true },
    { person_id: 2, person: '马文涛', procuratorate: '嘉峪关市人民检察院', post: 'deputy_chief', post_label: '副检察长', cases_led: 0, cases_with_acts: 0, acts: 0, average_caseload: 12.5, quota: 4, quota_basis: '平均办案量12.5件 × 30%', met: false },
  ],
}
