// The list of use cases. Each runs inside the caller's transaction (Store::transact), checks the
// actor's role and scope first, validates through the domain, saves, and appends exactly one
// audit entry per change. One file each: src/app/<name>.cpp.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/organisation_rules.hpp"

namespace zeren::app {

// ---- database ----
struct RecordInitialisation {
  bool created = false;
  std::vector<int> applied_migrations;
  std::string hash;  // "sm3" / "sha256"
  int schema_version = 0;
};
// Records that the database was created or migrated; does nothing when neither happened.
Status record_initialisation(Transaction& tx, const Context& ctx, const RecordInitialisation& cmd);

// ---- organisation ----
struct AddProcuratorate {
  std::string name;
  std::string short_code;
  Level level = Level::city;
  std::optional<ProcuratorateId> parent;
};
Result<ProcuratorateId> add_procuratorate(Transaction& tx, const Context& ctx,
                                          const AddProcuratorate& cmd);

struct AddDepartment {
  ProcuratorateId procuratorate;
  std::string name;
  DepartmentKind kind = DepartmentKind::business;
  std::set<CaseCategory> categories;
};
Result<DepartmentId> add_department(Transaction& tx, const Context& ctx, const AddDepartment& cmd);

struct AddPerson {
  ProcuratorateId procuratorate;
  DepartmentId department;
  std::string name;
  PersonCategory category = PersonCategory::prosecutor;
  Employment employment = Employment::none;
  std::vector<Post> posts;
  std::optional<Date> active_from;
  std::optional<Date> active_to;
};
Result<PersonId> add_person(Transaction& tx, const Context& ctx, const AddPerson& cmd);

struct RecordAbsence {
  PersonId person;
  Date from;
  Date to;
  std::string reason;
};
Status record_absence(Transaction& tx, const Context& ctx, const RecordAbsence& cmd);

struct AddUnit {
  DepartmentId department;
  UnitKind kind = UnitKind::sole;
  std::string name;
  PersonId lead;
  std::vector<PersonId> members;
  std::set<CaseCategory> categories;
  std::set<Difficulty> difficulties;
  Share share;
  int position = 1;
  bool active = true;
};
Result<UnitId> add_unit(Transaction& tx, const Context& ctx, const AddUnit& cmd);

// Changes a unit: any field given replaces the stored one (members: the whole list).
struct UpdateUnit {
  UnitId unit;
  std::optional<std::string> name;
  std::optional<PersonId> lead;
  std::optional<std::vector<PersonId>> members;
  std::optional<std::set<CaseCategory>> categories;
  std::optional<std::set<Difficulty>> difficulties;
  std::optional<Share> share;
  std::optional<int> position;
  std::optional<bool> active;
};
Status update_unit(Transaction& tx, const Context& ctx, const UpdateUnit& cmd);

// The organisation within the actor's scope, counted (SPEC §1 staffing figures).
Result<OrganisationSummary> summarize_organisation(Transaction& tx, const Context& ctx);

// ---- accounts ----
struct AddUser {
  std::string username;
  std::string password;
  std::set<Role> roles;
  ProcuratorateId procuratorate;
  std::optional<PersonId> person;
  bool must_change_password = true;  // accounts made by an administrator change it at first log-in
};
Result<UserId> add_user(Transaction& tx, const Context& ctx, const PasswordHasher& hasher,
                        const AddUser& cmd);

struct GrantRoles {
  UserId user;
  std::set<Role> roles;
};
// The 安全管理员 of the account's 院 sets its roles; never their own.
Status grant_roles(Transaction& tx, const Context& ctx, const GrantRoles& cmd);

// ---- who is acting ----
// The actor for a user account: "user:<id>", its roles, its 院 and its person.
Result<Actor> actor_for_user(Transaction& tx, const std::string& username);
// The actor for a person acting through the system without a log-in of their own (the demo
// history): "person:<id>", with roles derived from category, posts and department.
Result<Actor> actor_for_person(Transaction& tx, PersonId person);

// Everyone in scope, with their account name (org people).
struct PersonListing {
  Person person;
  std::string procuratorate;
  std::string department;
  std::vector<std::string> usernames;
  std::vector<std::pair<Post, std::vector<std::string>>> posts;  // with department names
};
Result<std::vector<PersonListing>> list_people(Transaction& tx, const Context& ctx);

// ---- assignment plans ----
struct ProposePlan {
  DepartmentId department;
  PlanRules rules;
  Date effective_from = *Date::from_ymd(2026, 1, 1);
};
Result<PlanId> propose_plan(Transaction& tx, const Context& ctx, const ProposePlan& cmd);
struct DecidePlan {
  PlanId plan;
  bool approve = true;
  std::string note;
};
// Only the chief of the department's 院 decides, and never on a plan they proposed.
Status decide_plan(Transaction& tx, const Context& ctx, const DecidePlan& cmd);

// ---- cases ----
struct IntakeResult {
  Case c;
  std::optional<AssignmentRecord> assignment;
  std::string unassigned_reason;
};
// 受理 and 分案 in one: registers the case with its gapless number and assigns it.
Result<IntakeResult> intake_case(Transaction& tx, const Context& ctx, const DrawCrypto& crypto,
                                 CaseIntake intake);

struct WithdrawCase {
  CaseId case_id;
  std::string reason;
};
Status withdraw_case(Transaction& tx, const Context& ctx, const WithdrawCase& cmd);

// ---- designation and change of handler ----
struct RequestDesignation {
  CaseId case_id;
  UnitId target;
  std::string reason;  // code or Chinese term
  std::string reason_text;
};
Result<RequestId> request_designation(Transaction& tx, const Context& ctx,
                                      const RequestDesignation& cmd);
struct RequestChangeOfHandler {
  CaseId case_id;
  std::string reason;
  std::string reason_text;
};
Result<RequestId> request_change_of_handler(Transaction& tx, const Context& ctx,
                                            const RequestChangeOfHandler& cmd);
struct DecideRequest {
  RequestId request;
  bool approve = true;
  std::string note;
  std::optional<UnitId> designate;  // change of handler: place with this unit instead of a draw
};
// The approver holds the post the plan names and is never the requester; nothing changes before
// approval. A change of handler draws again without the old unit unless the approver designates.
Result<std::optional<AssignmentRecord>> decide_request(Transaction& tx, const Context& ctx,
                                                       const DrawCrypto& crypto,
                                                       const DecideRequest& cmd);

// ---- handling a case (SPEC §2, §4–§7) ----
// start, resume (the file back from 补充侦查, restarting the review period from `on`) and transfer
// by the handler; archive by case management.
struct TransitionCase {
  CaseId case_id;
  CaseAction action = CaseAction::start;
  std::string reason;
  std::optional<Date> on;   // default today; never after today
  std::string transfer_to;  // transfer: to whom (移送机关)
};
Status transition_case(Transaction& tx, const Context& ctx, const TransitionCase& cmd);

// The handler proposes a decision. Within the handler's power (the power list) it is issued at once
// with its 文书号; otherwise it waits for the holder and the case awaits the decision.
struct ProposeDecision {
  CaseId case_id;
  DecisionType type = DecisionType::conclusion;
  std::string reasoning;
};
Result<Decision> propose_decision(Transaction& tx, const Context& ctx, const ProposeDecision& cmd);

// The holder decides a pending proposal: approve (issued), reject (a note is required; with
// `instead` the holder issues that decision instead, a contrary decision), or refer to the
// committee. The holder is never the proposer.
struct DecideDecision {
  DecisionId decision;
  DecisionOutcome outcome = DecisionOutcome::approve;
  std::string note;
  std::optional<DecisionType> instead;
};
Result<Decision> decide_decision(Transaction& tx, const Context& ctx, const DecideDecision& cmd);

// A handler's written objection to a decision someone else issued on their case (Rules art 7).
struct ObjectToDecision {
  DecisionId decision;
  std::string text;
};
Status object_to_decision(Transaction& tx, const Context& ctx, const ObjectToDecision& cmd);

// A key personal act of handling, recorded by the person who did it (亲历办案, SPEC §6).
struct RecordAct {
  CaseId case_id;
  ActKind kind = ActKind::interrogation;
  Date on = *Date::from_ymd(2026, 1, 1);
  std::string note;
};
Result<NoteId> record_act(Transaction& tx, const Context& ctx, const RecordAct& cmd);

// Flags a case; the flag obliges the handler to report to the chief (the report is returned).
struct FlagCase {
  CaseId case_id;
  CaseFlag flag = CaseFlag::major_difficult;
  std::string note;
};
Result<FollowUpId> flag_case(Transaction& tx, const Context& ctx, const FlagCase& cmd);

// 预审意见 of the chief or a deputy chief.
struct GivePreReview {
  CaseId case_id;
  std::string opinion;
};
Result<NoteId> give_pre_review(Transaction& tx, const Context& ctx, const GivePreReview& cmd);

// A supervision notice of case management (Rules art 665); the written reply is due in 10 days.
struct IssueNotice {
  CaseId case_id;
  NoticeLevel level = NoticeLevel::oral;
  std::string content;
};
Result<FollowUpId> issue_notice(Transaction& tx, const Context& ctx, const IssueNotice& cmd);

// 指示报告: the chief or a deputy asks the handler to report by a date.
struct InstructReport {
  CaseId case_id;
  std::string request;
  Date due_on = *Date::from_ymd(2026, 1, 1);
};
Result<FollowUpId> instruct_report(Transaction& tx, const Context& ctx, const InstructReport& cmd);

// The written answer: a notice's reply (the handler or the department head), a report (the
// handler). Answered once.
struct AnswerFollowUp {
  FollowUpId follow_up;
  std::string text;
};
Status answer_follow_up(Transaction& tx, const Context& ctx, const AnswerFollowUp& cmd);

// ---- reports ----
struct AnomalyReport {
  struct Refiled {
    CaseId withdrawn, refiled;
    std::string withdrawn_number, refiled_number;
    std::string match;  // source_doc_no / parties
    int days_after = 0;
  };
  struct DesignationShare {
    std::string department;
    int assignments = 0, designated = 0;
  };
  struct RequesterShare {
    std::string person;
    int requests = 0, approved = 0;
  };
  struct SmallPool {
    std::string case_number, department;
    int pool_size = 0, min_pool = 0;
  };
  struct AbsenceCluster {
    std::string department;
    Date from, to;
    int absent_leads = 0, units = 0;
  };
  std::vector<Refiled> refiled;
  std::vector<DesignationShare> designations;
  std::vector<RequesterShare> requesters;
  std::vector<SmallPool> small_pools;
  std::vector<AbsenceCluster> absence_clusters;
};
Result<AnomalyReport> report_anomalies(Transaction& tx, const Context& ctx);

// ---- demo organisation ----
// The demo organisation as read from data/demo-organisation.json, references still by key/name.
struct DemoOrganisation {
  struct Department {
    std::string name;
    DepartmentKind kind = DepartmentKind::business;
    std::set<CaseCategory> categories;
  };
  struct Procuratorate {
    std::string key, name, short_code;
    Level level = Level::city;
    std::string parent;  // key, or empty
    std::vector<Department> departments;
  };
  struct PostRef {
    PostKind kind = PostKind::committee_member;
    std::vector<std::string> departments;  // names in the person's procuratorate
  };
  struct Person {
    std::string key, name, procuratorate, department;
    PersonCategory category = PersonCategory::prosecutor;
    Employment employment = Employment::none;
    std::vector<PostRef> posts;
    std::vector<Absence> absences;
  };
  struct Unit {
    std::string name, procuratorate, department;
    UnitKind kind = UnitKind::sole;
    std::string lead;
    std::vector<std::string> members;
    std::set<CaseCategory> categories;
    std::set<Difficulty> difficulties;
    Share share;
    int position = 1;
  };
  struct User {
    std::string username, password;  // password: never in the file; `zeren demo` draws it
    std::set<Role> roles;
    std::string procuratorate;
    std::string person;  // key, or empty
  };
  std::vector<Procuratorate> procuratorates;
  std::vector<Person> persons;
  std::vector<Unit> units;
  std::vector<User> users;
};

struct DemoLoaded {
  int procuratorates = 0, departments = 0, persons = 0, units = 0, users = 0;
};
// Loads everything through the use cases above (one audit entry each). Refuses with
// conflict "demo_already_loaded" when any procuratorate exists already.
Result<DemoLoaded> load_demo_organisation(Transaction& tx, const Context& ctx,
                                          const PasswordHasher& hasher,
                                          const DemoOrganisation& demo);

}  // namespace zeren::app
