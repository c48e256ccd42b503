// A case (SPEC §2): its intake, assignment and life cycle; its timeline is the audit log's
// entries whose subject is the case.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/assignment.hpp"
#include "domain/date.hpp"
#include "domain/deadline.hpp"
#include "domain/error.hpp"

namespace zeren {

// The life cycle (SPEC §2): registered → assigned → in_progress ⇄ awaiting_decision → concluded →
// archived; in_progress ⇄ returned (退回补充侦查, at most the rule set's rounds); transferred
// (移送) and withdrawn (撤回) end it early.
enum class CaseStatus {
  registered,
  assigned,
  in_progress,
  awaiting_decision,
  returned,
  concluded,
  archived,
  transferred,
  withdrawn,
};
template <>
std::span<const Term<CaseStatus>> terms<CaseStatus>();
// A case in one of these is still being handled: assigned, in progress, awaiting a decision or
// returned for supplementary investigation.
bool is_open(CaseStatus s);

// What a person may ask of the life cycle directly; decisions move it too (domain/decision.hpp).
enum class CaseAction { start, resume, transfer, archive };
template <>
std::span<const Term<CaseAction>> terms<CaseAction>();

// The fields intake takes (SPEC §2).
struct CaseIntake {
  ProcuratorateId procuratorate;
  DepartmentId department;
  CaseCategory category = CaseCategory::prosecution_review;
  Date received_on = *Date::from_ymd(2026, 1, 1);
  Difficulty difficulty = Difficulty::ordinary;
  bool custody = false;                 // 在押
  std::vector<std::string> parties;     // suspects / parties
  std::string source_org;               // 移送机关
  std::string source_doc_no;            // its document number
  std::optional<CaseId> related_case;   // earlier stage of the same matter
  std::vector<PersonId> recusals;       // 回避
  std::vector<PersonId> investigators;  // took part in the investigation (Rules art 35)
  bool complex = false;                 // 重大复杂: allows the longer period once extended
  bool fast_track = false;  // 速裁 (审查起诉: 10 days, 15 over one year's sentence)
  bool sentence_over_one_year = false;  // 速裁 with a possible sentence over one year
};

// Where the case stands in its handling: the statutory period running now and what has changed
// it. Storage keeps it with the case; app/ computes the due date with the calendar.
struct CaseProgress {
  std::optional<DeadlineKind> period;  // the period running (none: no statutory period)
  std::optional<Date> period_start;    // its start (not counted, CPL art 105)
  std::optional<Date> due_on;          // its last day; empty when the calendar lacks the year
  std::string deadline_basis;          // how due_on was reached, in words
  int returns = 0;                     // rounds of 退回补充侦查 so far
  bool extended = false;               // 延长 granted
  std::optional<Date> concluded_on, archived_on, transferred_on, withdrawn_on;
  std::string transferred_to;
};

class Case {
 public:
  // Validates the intake; `today` bounds the received date. The number is allocated by storage.
  static Result<Case> register_intake(CaseIntake intake, Date today);

  CaseId id() const { return id_; }
  void set_id(CaseId id) { id_ = id; }
  const CaseIntake& intake() const { return intake_; }
  const std::string& number() const { return number_; }
  void set_number(std::string number) { number_ = std::move(number); }
  CaseStatus status() const { return status_; }
  const std::optional<UnitId>& unit() const { return unit_; }

  const CaseProgress& progress() const { return progress_; }

  // A (re)assignment keeps the case's stage: a case in progress stays in progress.
  void assign(UnitId unit) {
    unit_ = unit;
    if (status_ == CaseStatus::registered) status_ = CaseStatus::assigned;
  }
  Status withdraw(Date on);  // 撤回: leaves the load; refused once handled or withdrawn

  // The life cycle's verbs. Each refuses an illegal transition with conflict
  // "illegal_transition" naming the current status; nothing changes then.
  Status start();             // assigned → in_progress (开始办理)
  Status await_decision();    // in_progress → awaiting_decision (报请决定)
  Status decision_refused();  // awaiting_decision → in_progress
  // in_progress → returned (退回补充侦查); conflict "too_many_returns" past `max_rounds`.
  Status return_for_investigation(Date on, int max_rounds);
  Status resume(Date on);    // returned → in_progress (补充侦查完毕移送, on `on`)
  Status extend();           // 延长, once (conflict "already_extended"), back to in_progress
  Status conclude(Date on);  // in_progress / awaiting_decision → concluded (办结)
  Status archive(Date on);   // concluded → archived (归档)
  Status transfer(Date on, std::string to);  // open → transferred (移送)
  bool open() const { return is_open(status_); }

  // The statutory period now running (set by app/ with the calendar).
  void set_period(std::optional<DeadlineKind> kind, std::optional<Date> start,
                  std::optional<Date> due, std::string basis);

  // Storage rebuilds a case as it was saved.
  static Case restore(CaseId id, CaseIntake intake, std::string number, CaseStatus status,
                      std::optional<UnitId> unit, CaseProgress progress = {});

 private:
  Case() = default;
  CaseId id_;
  CaseIntake intake_;
  std::string number_;
  CaseStatus status_ = CaseStatus::registered;
  std::optional<UnitId> unit_;
  CaseProgress progress_;
};

// 业务代字 by category: 审查起诉 → 刑诉, 审查逮捕 → 刑捕, …
std::string business_code(CaseCategory c);

// Default format {院代字}检{代字}受〔{year}〕{serial}号; placeholders {院代字} {代字} {year}
// {serial}.
inline constexpr std::string_view kDefaultCaseNumberFormat =
    "{院代字}检{代字}受〔{year}〕{serial}号";
std::string format_case_number(std::string_view format, const std::string& short_code,
                               const std::string& code, int year, std::int64_t serial);

}  // namespace zeren
