#include "domain/decision.hpp"

namespace zeren {

ZEREN_DEFINE_TERMS(
    DecisionType, {DecisionType::approve_arrest, "approve_arrest", "批准逮捕"},
    {DecisionType::no_arrest_no_necessity, "no_arrest_no_necessity", "不批准逮捕（无逮捕必要）"},
    {DecisionType::no_arrest_no_crime, "no_arrest_no_crime", "不批准逮捕（不构成犯罪）"},
    {DecisionType::no_arrest_insufficient_evidence, "no_arrest_insufficient_evidence",
     "不批准逮捕（证据不足）"},
    {DecisionType::no_arrest_cpl16, "no_arrest_cpl16", "不批准逮捕（刑诉法第十六条情形）"},
    {DecisionType::prosecute, "prosecute", "提起公诉"},
    {DecisionType::non_prosecution_statutory, "non_prosecution_statutory", "法定不起诉"},
    {DecisionType::non_prosecution_evidence, "non_prosecution_evidence", "存疑不起诉"},
    {DecisionType::non_prosecution_discretionary, "non_prosecution_discretionary", "相对不起诉"},
    {DecisionType::return_for_investigation, "return_for_investigation", "退回补充侦查"},
    {DecisionType::extend_review, "extend_review", "延长审查期限"},
    {DecisionType::reconsideration_decision, "reconsideration_decision", "复议决定"},
    {DecisionType::review_decision, "review_decision", "复核决定"},
    {DecisionType::conclusion, "conclusion", "审查结论"})

ZEREN_DEFINE_TERMS(PowerHolder, {PowerHolder::prosecutor, "prosecutor", "检察官"},
                   {PowerHolder::department_head, "department_head", "部门负责人审核"},
                   {PowerHolder::chief, "chief", "检察长"},
                   {PowerHolder::committee, "committee", "检察委员会"},
                   {PowerHolder::higher_procuratorate, "higher_procuratorate", "上一级人民检察院"})

ZEREN_DEFINE_TERMS(DecisionStatus, {DecisionStatus::pending, "pending", "待决定"},
                   {DecisionStatus::issued, "issued", "已作出"},
                   {DecisionStatus::rejected, "rejected", "未同意"},
                   {DecisionStatus::referred, "referred", "提交检察委员会"})

ZEREN_DEFINE_TERMS(DecisionOutcome, {DecisionOutcome::approve, "approve", "同意"},
                   {DecisionOutcome::reject, "reject", "不同意"},
                   {DecisionOutcome::refer, "refer", "提交检察委员会"})

DecisionEffect effect_of(DecisionType t) {
  switch (t) {
    case DecisionType::return_for_investigation: return DecisionEffect::return_for_investigation;
    case DecisionType::extend_review: return DecisionEffect::extend;
    default: return DecisionEffect::conclude;
  }
}

Result<PowerRule> PowerList::rule_for(CaseCategory category, DecisionType type) const {
  for (const auto& r : rules)
    if (r.category == category && r.type == type) return r;
  return Error::invalid("type", "decision_not_open",
                        "「" + std::string(zh_of(type)) + "」不是" + std::string(zh_of(category)) +
                            "案件的决定事项 (not a decision of this business line)");
}

std::vector<PowerRule> PowerList::for_category(CaseCategory category) const {
  std::vector<PowerRule> out;
  for (const auto& r : rules)
    if (r.category == category) out.push_back(r);
  return out;
}

const PowerList& default_power_list() {
  static const PowerList list = [] {
    using C = CaseCategory;
    using T = DecisionType;
    using H = PowerHolder;
    PowerList l;
    l.version = "RULES-2019";
    l.effective_from = *Date::from_ymd(2019, 12, 30);
    l.source =
        "《人民检察院刑事诉讼规则》(2019) 第4、285、290、291、351、365、367、370、379、380条；"
        "《关于完善检察官权力清单的指导意见》(2017)";
    l.approved_by = "默认清单（省级院未另行规定）";
    auto add = [&](C c, T t, H h, const char* basis) { l.rules.push_back({c, t, h, basis}); };
    add(C::arrest_review, T::approve_arrest, H::prosecutor, "检察官权力清单");
    add(C::arrest_review, T::no_arrest_no_necessity, H::prosecutor, "检察官权力清单");
    add(C::arrest_review, T::no_arrest_no_crime, H::chief, "规则第285条：经检察长批准");
    add(C::arrest_review, T::no_arrest_insufficient_evidence, H::chief,
        "规则第285条：经检察长批准");
    add(C::arrest_review, T::no_arrest_cpl16, H::chief, "规则第285条：经检察长批准");
    add(C::prosecution_review, T::prosecute, H::prosecutor, "检察官权力清单");
    add(C::prosecution_review, T::non_prosecution_statutory, H::chief, "规则第365条：经检察长批准");
    add(C::prosecution_review, T::non_prosecution_evidence, H::chief, "规则第367条：经检察长批准");
    add(C::prosecution_review, T::non_prosecution_discretionary, H::chief,
        "规则第370条：经检察长批准");
    add(C::prosecution_review, T::return_for_investigation, H::prosecutor,
        "刑事诉讼法第175条；检察官权力清单");
    add(C::prosecution_review, T::extend_review, H::chief, "刑事诉讼法第172条；规则第351条");
    add(C::arrest_review, T::extend_review, H::chief, "规则第282条：重大复杂的不超过二十日");
    add(C::reconsideration, T::reconsideration_decision, H::chief,
        "规则第290、379条：经检察长批准");
    add(C::reconsideration, T::review_decision, H::chief, "规则第291、380条：经检察长批准");
    for (C c : {C::criminal_appeal, C::civil_supervision, C::administrative_supervision,
                C::public_interest, C::state_compensation})
      add(c, T::conclusion, H::prosecutor, "检察官权力清单");
    return l;
  }();
  return list;
}

}  // namespace zeren
