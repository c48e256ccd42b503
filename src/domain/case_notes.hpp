// What is recorded on a case beside its decisions (SPEC §6, §7):
// - notes: a leader's key personal act (亲历办案), a flag (标记) and a pre-review opinion
// (预审意见);
// - follow-ups: a matter that waits for a written answer by a due date: a supervision notice
//   (流程监控通知, answered by a written reply) or a report to the chief (指示报告 or the mandatory
//   report a flag creates, answered by the report itself).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "domain/assignment.hpp"
#include "domain/date.hpp"
#include "domain/vocabulary.hpp"

namespace zeren {

using NoteId = Id<struct NoteTag>;
using FollowUpId = Id<struct FollowUpTag>;

enum class NoteKind { act, flag, pre_review };
template <>
std::span<const Term<NoteKind>> terms<NoteKind>();

// 院领导亲历性办案活动 (SPEC §6).
enum class ActKind { interrogation, key_witness, major_evidence, court_appearance };
template <>
std::span<const Term<ActKind>> terms<ActKind>();

// Flags that oblige a report to the chief (SPEC §7).
enum class CaseFlag { new_type, major_difficult, quality_risk, department_divergence };
template <>
std::span<const Term<CaseFlag>> terms<CaseFlag>();

struct CaseNote {
  NoteId id;
  CaseId case_id;
  NoteKind kind = NoteKind::act;
  std::string code;  // act: ActKind code; flag: CaseFlag code; pre_review: empty
  Date on = *Date::from_ymd(2026, 1, 1);
  std::string text;
  std::optional<PersonId> person;  // who acted / flagged / gave the opinion
  std::string actor;
  std::int64_t at_us = 0;
};

enum class FollowUpKind { notice, report };
template <>
std::span<const Term<FollowUpKind>> terms<FollowUpKind>();

// Rules art 665: oral reminder, written notice, and the serious case also reported to the chief.
enum class NoticeLevel { oral, written, report_chief };
template <>
std::span<const Term<NoticeLevel>> terms<NoticeLevel>();

enum class ReportOrigin { instruction, flag };
template <>
std::span<const Term<ReportOrigin>> terms<ReportOrigin>();

enum class FollowUpState { awaiting, answered, overdue };
template <>
std::span<const Term<FollowUpState>> terms<FollowUpState>();

struct FollowUp {
  FollowUpId id;
  CaseId case_id;
  FollowUpKind kind = FollowUpKind::notice;
  std::string code;  // notice: NoticeLevel code; report: ReportOrigin code
  std::string flag;  // report from a flag: its CaseFlag code
  std::string request;
  std::optional<PersonId> requested_by;
  std::string requested_actor;
  Date requested_on = *Date::from_ymd(2026, 1, 1);
  Date due_on = *Date::from_ymd(2026, 1, 1);
  std::string answer;
  std::optional<PersonId> answered_by;
  std::string answered_actor;
  std::optional<Date> answered_on;

  FollowUpState state(Date today) const {
    if (answered_on) return FollowUpState::answered;
    return today > due_on ? FollowUpState::overdue : FollowUpState::awaiting;
  }
};

// Leaders' quotas (SPEC §6): a share of the average annual caseload of business-department
// prosecutors, or a fixed count, per post; versioned like every rule set.
struct LeaderQuotaRule {
  PostKind post = PostKind::chief;
  double ratio = 0;          // of the average caseload
  std::optional<int> fixed;  // a fixed count instead
};
struct LeaderQuotas {
  std::string version;
  Date effective_from;
  std::string source;
  std::vector<LeaderQuotaRule> rules;
  const LeaderQuotaRule* rule_for(PostKind post) const;
};
const LeaderQuotas& default_leader_quotas();  // chief 5%, deputy chiefs 20%
// The quota: the fixed count, or ratio × average rounded up (a part of a case is a case).
int leader_quota(const LeaderQuotaRule& rule, double average_caseload);

// Internal clocks (SPEC §4): the written reply to a notice (Rules art 665: 10 days) and the
// report a flag obliges.
struct MonitoringRules {
  std::string version = "RULES-2019-665";
  int notice_reply_days = 10;
  int flag_report_days = 3;
};
const MonitoringRules& default_monitoring_rules();

}  // namespace zeren
