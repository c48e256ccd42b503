#include "domain/case_notes.hpp"

#include <cmath>

namespace zeren {

ZEREN_DEFINE_TERMS(NoteKind, {NoteKind::act, "act", "亲历办案"}, {NoteKind::flag, "flag", "标记"},
                   {NoteKind::pre_review, "pre_review", "预审意见"})

ZEREN_DEFINE_TERMS(ActKind, {ActKind::interrogation, "interrogation", "讯问犯罪嫌疑人"},
                   {ActKind::key_witness, "key_witness", "询问关键证人"},
                   {ActKind::major_evidence, "major_evidence", "审查重大证据"},
                   {ActKind::court_appearance, "court_appearance", "出庭支持公诉"})

ZEREN_DEFINE_TERMS(CaseFlag, {CaseFlag::new_type, "new_type", "新类型"},
                   {CaseFlag::major_difficult, "major_difficult", "重大疑难"},
                   {CaseFlag::quality_risk, "quality_risk", "质量风险"},
                   {CaseFlag::department_divergence, "department_divergence", "部门分歧"})

ZEREN_DEFINE_TERMS(FollowUpKind, {FollowUpKind::notice, "notice", "流程监控通知"},
                   {FollowUpKind::report, "report", "向检察长报告"})

ZEREN_DEFINE_TERMS(NoticeLevel, {NoticeLevel::oral, "oral", "口头提示"},
                   {NoticeLevel::written, "written", "流程监控通知书"},
                   {NoticeLevel::report_chief, "report_chief", "报告检察长"})

ZEREN_DEFINE_TERMS(ReportOrigin, {ReportOrigin::instruction, "instruction", "指示报告"},
                   {ReportOrigin::flag, "flag", "标记案件报告"})

ZEREN_DEFINE_TERMS(FollowUpState, {FollowUpState::awaiting, "awaiting", "待答复"},
                   {FollowUpState::answered, "answered", "已答复"},
                   {FollowUpState::overdue, "overdue", "已超期"})

const LeaderQuotaRule* LeaderQuotas::rule_for(PostKind post) const {
  for (const auto& r : rules)
    if (r.post == post) return &r;
  return nullptr;
}

const LeaderQuotas& default_leader_quotas() {
  static const LeaderQuotas q{
      "SEED-2019",
      *Date::from_ymd(2019, 1, 1),
      "嘉峪关市人民检察院实践：检察长办案量不低于本院业务部门检察官平均办案量的5%"
      "，副检察长不低于20%",
      {{PostKind::chief, 0.05, std::nullopt}, {PostKind::deputy_chief, 0.20, std::nullopt}}};
  return q;
}

int leader_quota(const LeaderQuotaRule& rule, double average_caseload) {
  if (rule.fixed) return *rule.fixed;
  // Rounded up, with a little slack so that 0.05 × 20 is 1, not 2.
  return static_cast<int>(std::ceil(rule.ratio * average_caseload - 1e-9));
}

const MonitoringRules& default_monitoring_rules() {
  static const MonitoringRules r;
  return r;
}

}  // namespace zeren
