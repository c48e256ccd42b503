// Reads for the API and the web UI. Each checks role and scope like the changes do; a thing of a
// procuratorate outside the reader's scope is reported as not found.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/context.hpp"

namespace zeren::app {

// Names of the organisation the reader reaches, to label ids in answers.
struct OrganisationView {  // each list in id order
  std::vector<Procuratorate> procuratorates;
  std::vector<Department> departments;
  std::vector<Unit> units;
  std::vector<Person> persons;

  const Procuratorate* procuratorate(ProcuratorateId id) const;
  const Department* department(DepartmentId id) const;
  const Unit* unit(UnitId id) const;
  const Person* person(PersonId id) const;
  std::string unit_name(std::optional<UnitId> id) const;
  std::string person_name(std::optional<PersonId> id) const;
};
// The organisation within the actor's reach; one read shared, never changed, by every request
// that sees the organisation as it was read (ctx.organisations).
using OrganisationViewRef = std::shared_ptr<const OrganisationView>;
Result<OrganisationViewRef> view_organisation(Transaction& tx, const Context& ctx);
// The same for `within` as `reach` gives it for another permission (the actor's 院, with those
// directly below it when the reach holds them; every 院 at the console).
Result<OrganisationViewRef> view_organisation_within(Transaction& tx, const Context& ctx,
                                                     const std::vector<ProcuratorateId>& within);

// ---- cases ----
struct CaseFilter {
  std::optional<CaseStatus> status;
  std::optional<CaseCategory> category;
  std::optional<DepartmentId> department;
  std::optional<UnitId> unit;
  std::optional<Date> received_from, received_to;
  std::string text;
  bool mine = false;             // only cases of units the actor's person leads or belongs to
  std::optional<CaseId> cursor;  // the last id of the previous page
  int limit = 50;                // 1..200
};
struct CasePage {
  std::vector<Case> cases;
  std::optional<CaseId> next_cursor;
};
Result<CasePage> list_cases(Transaction& tx, const Context& ctx, const CaseFilter& filter);

struct CaseDetail {
  Case c;
  std::vector<AssignmentRecord> assignments;  // oldest first
  std::vector<AssignmentRequest> requests;
  std::vector<AuditEntry> timeline;
  std::map<std::int64_t, DrawEpoch> epochs;  // of the random draws, by id
  // Who the timeline's actors are ("user:3" → the account's person or user name), so a reader
  // sees names without needing to read accounts.
  std::map<std::string, std::string> actor_names;
};
Result<CaseDetail> show_case(Transaction& tx, const Context& ctx, CaseId id);
// The draw epochs of the random assignments among `assignments`, by id (their proofs).
Result<std::map<std::int64_t, DrawEpoch>> draw_epochs(
    Transaction& tx, const std::vector<AssignmentRecord>& assignments);

// ---- handling (SPEC §2, §4–§7) ----
// What has been done on a case after assignment, and what the reader may do now.
struct CaseHandling {
  std::vector<Decision> decisions;
  std::vector<CaseNote> notes;            // acts, flags, pre-reviews
  std::vector<FollowUp> follow_ups;       // notices, reports
  std::vector<std::string> actions;       // start, resume, transfer, archive, propose_decision, …
  std::vector<PowerRule> decision_types;  // open to the case's category, with their holders
  std::set<std::int64_t> can_decide, can_object, can_answer;  // decision / follow-up ids
  Date today = *Date::from_ymd(2026, 1, 1);
};
Result<CaseHandling> show_handling(Transaction& tx, const Context& ctx, const Case& c);

// The chief's dashboard (SPEC §7) of one 院: open cases per unit, near expiry, overdue, extended,
// returned, in custody, awaiting the chief, flagged; notices and reports still unanswered. The
// database counts every list; the dashboard carries the first page of each (kMonitoringPage
// rows, the most urgent first) and monitoring_list pages on through one list.
struct Monitoring {
  Procuratorate procuratorate;
  Date today = *Date::from_ymd(2026, 1, 1);
  struct Row {
    Case c;
    std::optional<int> days_left;  // to the due day; negative when overdue
    std::vector<std::string> flags;
  };
  struct List {
    std::int64_t total = 0;  // the cases on the list
    std::vector<Row> rows;   // one page of them
  };
  struct UnitCounts {
    UnitId unit;
    std::int64_t in_progress = 0, near_expiry = 0, overdue = 0;
  };
  std::int64_t in_progress = 0;
  std::vector<UnitCounts> units;
  std::map<WatchList, List> lists;  // every list
  std::vector<FollowUp> open_notices, open_reports;
  std::map<CaseId, std::string> numbers;  // the case number of every follow-up's case
};
inline constexpr int kMonitoringPage = 20;
Result<Monitoring> monitoring(Transaction& tx, const Context& ctx,
                              std::optional<ProcuratorateId> procuratorate);

// One page of one of the dashboard's lists: `limit` (1 to 100) rows from `offset` (0 or more).
struct MonitoringPage {
  Procuratorate procuratorate;
  Date today = *Date::from_ymd(2026, 1, 1);
  WatchList list = WatchList::overdue;
  int offset = 0, limit = kMonitoringPage;
  Monitoring::List cases;
};
Result<MonitoringPage> monitoring_list(Transaction& tx, const Context& ctx,
                                       std::optional<ProcuratorateId> procuratorate,
                                       WatchList list, int offset, int limit);

// The year's figures of the responsibility system (SPEC §15), over the reader's scope.
struct HandlingStatistics {
  int year = 2026;
  struct Ratio {
    std::string name, procuratorate;  // the department or person, and their 院
    int self = 0, total = 0;
  };
  Ratio overall;
  // Per 院, per department and per handler (by_person only for read_performance).
  std::vector<Ratio> by_procuratorate, by_department, by_person;
  bool with_persons = false;
  int leader_direct_cases = 0, pre_reviews = 0;
  std::map<std::string, int> notices;  // by level
  int team_cases = 0, sole_cases = 0;
  int prosecutors = 0, assistants = 0, clerks = 0;
  std::map<std::string, std::pair<int, int>> by_month;  // "2026-03" → received, concluded
  std::map<PowerHolder, int> decisions_by_holder;
};
Result<HandlingStatistics> handling_statistics(Transaction& tx, const Context& ctx, int year);

// Leaders' own cases against their quotas (SPEC §6), per leader in scope.
struct LeaderReport {
  int year = 2026;
  struct Row {
    Person person;
    std::string procuratorate;
    PostKind post = PostKind::chief;
    int cases_led = 0, cases_with_acts = 0, acts = 0, quota = 0;
    double average = 0;  // the 院's average annual caseload of business-department prosecutors
    std::string basis;
    bool met = false;
  };
  std::vector<Row> leaders;
};
Result<LeaderReport> leader_report(Transaction& tx, const Context& ctx, int year);

// ---- requests, plans, alerts ----
// Requests of the procuratorates in the reader's scope; `pending_only` for the work lists.
Result<std::vector<AssignmentRequest>> list_requests(Transaction& tx, const Context& ctx,
                                                     bool pending_only);
struct Inbox {
  std::vector<AssignmentRequest> requests;  // pending, and this reader holds the approving post
  std::vector<AssignmentPlan> plans;        // proposed, for the chief who may approve them
  std::vector<Decision> decisions;          // pending, and this reader holds the power
  std::map<CaseId, Case> decision_cases;    // their cases
};
Result<Inbox> approvals_inbox(Transaction& tx, const Context& ctx);
Result<std::vector<AssignmentPlan>> list_plans(Transaction& tx, const Context& ctx,
                                               std::optional<DepartmentId> department);
Result<std::vector<Alert>> list_alerts(Transaction& tx, const Context& ctx);

// ---- workload: the loads the assignment engine sees now (SPEC §3) ----
struct DepartmentWorkload {
  Procuratorate procuratorate;
  Department department;
  std::optional<AssignmentPlan> plan;  // the approved plan in force, if any
  PlanRules rules;                     // its rules, or the defaults without one
  struct UnitLoad {
    Unit unit;
    std::int64_t weight_sum = 0;  // plan weights of the cases counting toward its load
  };
  std::vector<UnitLoad> units;  // every unit of the department, active or not
};
Result<DepartmentWorkload> department_workload(Transaction& tx, const Context& ctx,
                                               DepartmentId id);

// ---- transparency (no personal data) ----
struct Transparency {
  struct Row {
    std::string procuratorate, department;
    std::map<std::string, int> by_method;  // random, rotation, follow_on, designated
    int cases = 0, unassigned = 0;
    int min_pool = 0, max_pool = 0;  // over the random draws
    double mean_pool = 0;
  };
  std::vector<Row> departments;
  std::map<std::string, std::map<std::string, int>> by_month;  // "2026-03" → method → count
  int changes_of_handler = 0, designations = 0;
};
Result<Transparency> transparency(Transaction& tx, const Context& ctx);

// ---- the audit trail (安全审计员) ----
Result<std::vector<AuditEntry>> read_audit_trail(Transaction& tx, const Context& ctx,
                                                 std::uint64_t from, int limit);

// ---- accounts ----
Result<std::vector<UserAccount>> list_accounts(Transaction& tx, const Context& ctx);

}  // namespace zeren::app
