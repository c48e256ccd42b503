// Decisions on a case and the power list (权力清单, SPEC §5): who holds the power to make each kind
// of decision, as a versioned rule table, and the decision record that says who held it, who
// proposed and who decided ("谁办案谁负责，谁决定谁负责").
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/assignment.hpp"
#include "domain/date.hpp"
#include "domain/vocabulary.hpp"

namespace zeren {

using DecisionId = Id<struct DecisionTag>;

enum class DecisionType {
  approve_arrest,                   // 批准逮捕
  no_arrest_no_necessity,           // 不批准逮捕（无逮捕必要）
  no_arrest_no_crime,               // 不批准逮捕（不构成犯罪）        Rules art 285
  no_arrest_insufficient_evidence,  // 不批准逮捕（证据不足）          Rules art 285
  no_arrest_cpl16,                // 不批准逮捕（刑诉法第十六条情形）  Rules art 285
  prosecute,                      // 提起公诉
  non_prosecution_statutory,      // 法定不起诉   Rules art 365
  non_prosecution_evidence,       // 存疑不起诉   Rules art 367
  non_prosecution_discretionary,  // 相对不起诉   Rules art 370
  return_for_investigation,       // 退回补充侦查 CPL art 175
  extend_review,                  // 延长审查期限 CPL art 172
  reconsideration_decision,       // 复议决定     Rules arts 290, 379
  review_decision,                // 复核决定     Rules arts 291, 380
  conclusion,                     // 审查结论 (other business lines)
};
template <>
std::span<const Term<DecisionType>> terms<DecisionType>();

// Who holds a power. department_head is the 审核 the 2017 guidance phases out; committee and
// higher_procuratorate decide outside this 院's daily handling (recorded, decided elsewhere).
enum class PowerHolder { prosecutor, department_head, chief, committee, higher_procuratorate };
template <>
std::span<const Term<PowerHolder>> terms<PowerHolder>();

enum class DecisionStatus { pending, issued, rejected, referred };
template <>
std::span<const Term<DecisionStatus>> terms<DecisionStatus>();

// What the holder does with a proposal: approve, not approve (optionally deciding another type
// instead: a contrary decision), or send it to the procuratorial committee.
enum class DecisionOutcome { approve, reject, refer };
template <>
std::span<const Term<DecisionOutcome>> terms<DecisionOutcome>();

// What an issued decision does to the case.
enum class DecisionEffect { conclude, return_for_investigation, extend };
DecisionEffect effect_of(DecisionType t);

struct PowerRule {
  CaseCategory category;
  DecisionType type;
  PowerHolder holder;
  std::string basis;  // the article that puts the power there
};

// One version of the power list. Rules not listed for a category are not open to it.
struct PowerList {
  std::string version;
  Date effective_from = *Date::from_ymd(2019, 12, 30);
  std::string source;
  std::string approved_by;
  std::vector<PowerRule> rules;

  // The rule for (category, type); invalid_argument naming "type" when the list has none.
  Result<PowerRule> rule_for(CaseCategory category, DecisionType type) const;
  std::vector<PowerRule> for_category(CaseCategory category) const;
};

// The defaults from the Rules (domain-rules.md §6): 不起诉, the 不批捕 grounds of art 285 and
// 复议/复核 decisions with the chief; extension with the chief; the rest with the prosecutor.
const PowerList& default_power_list();

struct Objection {  // 书面异议 of a prosecutor executing a contrary decision (Rules art 7)
  PersonId by;
  std::string text;
  std::int64_t at_us = 0;
};

struct Decision {
  DecisionId id;
  CaseId case_id;
  DecisionType type = DecisionType::conclusion;  // what was decided (the holder's, if contrary)
  std::optional<DecisionType> proposed_type;     // set when the holder decided otherwise
  PowerHolder holder = PowerHolder::prosecutor;
  std::string power_list_version;
  DecisionStatus status = DecisionStatus::pending;
  std::string reasoning;
  PersonId proposed_by;
  std::string proposed_actor;
  std::int64_t proposed_at_us = 0;
  std::optional<PersonId> decided_by;
  std::string decided_actor;
  std::optional<std::int64_t> decided_at_us;
  std::string note;
  std::string document_number;  // 文书号, once issued
  std::vector<Objection> objections;

  // Issued by the handler within their own power, with nobody else's approval (自行决定).
  bool self_decided() const {
    return status == DecisionStatus::issued && decided_by && *decided_by == proposed_by;
  }
  // Issued by someone other than `person` without their own approval: the handler may object in
  // writing (Rules art 7).
  bool open_to_objection_by(std::optional<PersonId> person) const {
    return status == DecisionStatus::issued && !self_decided() && decided_by != person;
  }
  bool contrary() const { return proposed_type.has_value() && *proposed_type != type; }
};

// 文书号 by default: {院代字}检{代字}〔{year}〕{serial}号, e.g. 嘉检刑诉〔2026〕7号.
inline constexpr std::string_view kDefaultDocumentNumberFormat =
    "{院代字}检{代字}〔{year}〕{serial}号";

}  // namespace zeren
