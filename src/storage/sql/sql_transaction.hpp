// The repositories in SQL through SOCI, shared by the SQLite and PostgreSQL stores: one
// transaction's view of every repository, and the error mapping both backends use.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "audit/record.hpp"
#include "domain/ports.hpp"
#include "storage/sql/dialect.hpp"
#include "storage/sql/case_tally.hpp"
#include "storage/sql/unit_load.hpp"

namespace soci {
class session;
}

namespace zeren::sql {

class StatementCache;  // statement_cache.hpp

// The audit chain's lock. append, head and size call hold() first, inside the caller's
// transaction: on SQLite the whole transaction already holds the write lock, so it does nothing;
// on PostgreSQL it takes the chain's advisory lock until the transaction ends and answers
// transaction_retry when another server extended the chain after this transaction began, since
// what the transaction read before may then be stale.
class ChainLock {
 public:
  virtual ~ChainLock() = default;
  virtual Status hold() = 0;
};

class NoChainLock final : public ChainLock {
 public:
  Status hold() override { return ok_status(); }
};

// One transaction's view of every repository, written once in SQL both backends accept. Its
// methods are spread over the *_rows.cpp files beside this header.
class SqlTransaction final : public Transaction,
                             public OrganisationRepository,
                             public UserRepository,
                             public AuditLog,
                             public CaseRepository,
                             public PlanRepository,
                             public AssignmentRepository,
                             public EpochRepository,
                             public SessionRepository,
                             public HandlingRepository {
 public:
  // `chain` is held before the audit head is read or extended (see ChainLock); `backend` picks
  // the few spellings the two dialects do not share (dialect.hpp); `statements` are the
  // connection's prepared statements, for the fixed statements the repositories run most.
  SqlTransaction(soci::session& sql, StatementCache& statements, audit::HashAlgorithm hash,
                 Backend backend, ChainLock& chain)
      : sql_(sql), statements_(statements), hash_(hash), backend_(backend), chain_(chain) {}

  OrganisationRepository& organisation() override { return *this; }
  UserRepository& users() override { return *this; }
  AuditLog& audit() override { return *this; }
  CaseRepository& cases() override { return *this; }
  PlanRepository& plans() override { return *this; }
  AssignmentRepository& assignments() override { return *this; }
  EpochRepository& epochs() override { return *this; }
  SessionRepository& sessions() override { return *this; }
  HandlingRepository& handling() override { return *this; }

  // OrganisationRepository
  Result<ProcuratorateId> add_procuratorate(const Procuratorate& p) override;
  Result<DepartmentId> add_department(const Department& d) override;
  Result<PersonId> add_person(const Person& p) override;
  Result<UnitId> add_unit(const Unit& u) override;
  Status save_unit(const Unit& u) override;
  Status save_absences(const Person& p) override;
  Result<Procuratorate> find_procuratorate(ProcuratorateId id) override;
  Result<Procuratorate> find_procuratorate_by_code(const std::string& short_code) override;
  Result<Department> find_department(DepartmentId id) override;
  Result<Department> find_department_by_name(ProcuratorateId p, const std::string& name) override;
  Result<Person> find_person(PersonId id) override;
  Result<Unit> find_unit(UnitId id) override;
  Result<std::vector<Procuratorate>> list_procuratorates() override;
  Result<std::vector<ProcuratorateId>> lower_procuratorates(ProcuratorateId p) override;
  Result<std::vector<Department>> list_departments(std::optional<ProcuratorateId> within) override;
  Result<std::vector<Person>> list_persons(std::optional<ProcuratorateId> within) override;
  Result<std::vector<Unit>> list_units(std::optional<ProcuratorateId> within) override;
  Result<std::vector<Department>> list_departments_with_lower(ProcuratorateId p) override;
  Result<std::vector<Person>> list_persons_with_lower(ProcuratorateId p) override;
  Result<std::vector<Unit>> list_units_with_lower(ProcuratorateId p) override;
  Result<std::vector<Unit>> department_units(DepartmentId d) override;
  Result<std::vector<Person>> department_unit_leads(DepartmentId d) override;
  Result<std::optional<std::int64_t>> organisation_version() override;

  // UserRepository
  Result<UserId> add_user(const UserAccount& u) override;
  Result<UserAccount> find_user_by_name(const std::string& username) override;
  Result<std::int64_t> count_users() override;
  Result<std::vector<UserAccount>> list_users() override;
  Result<UserAccount> find_user(UserId id) override;
  Status save_password(UserId id, const std::string& password_hash,
                       bool must_change_password) override;
  Status save_roles(UserId id, const std::set<Role>& roles) override;
  Result<LoginState> login_state(UserId id) override;
  Status save_login_state(UserId id, const LoginState& state) override;

  // SessionRepository (session_rows.cpp)
  Result<SessionId> add_session(const Session& s) override;
  Result<Session> find_session(const std::string& token_hash) override;
  Status touch_session(SessionId id, std::int64_t now_us) override;
  Status end_session(SessionId id, std::int64_t now_us) override;
  Result<std::int64_t> count_live_sessions(std::int64_t idle_since_us,
                                           std::int64_t created_since_us) override;

  // AuditLog
  Result<AuditEntry> append(AuditEvent event) override;
  Result<std::uint64_t> size() override;
  Result<Digest> head() override;
  Result<std::vector<AuditEntry>> read_subject(const std::string& subject) override;
  Result<std::vector<AuditEntry>> read(std::uint64_t from, std::uint64_t to,
                                       bool parsed = true) override;
  Status add_checkpoint(const AuditCheckpoint& c) override;
  Result<std::vector<AuditCheckpoint>> checkpoints() override;

  // CaseRepository (case_rows.cpp)
  Result<std::int64_t> next_case_serial(ProcuratorateId p, const std::string& code,
                                        int year) override;
  Result<CaseId> next_case_id() override;
  Status add_case(const Case& c) override;
  Status save_case_state(const Case& c) override;
  Result<Case> find_case(CaseId id) override;
  Result<Case> find_case_by_number(const std::string& number) override;
  Result<std::map<UnitId, std::int64_t>> unit_weight_sums(  // unit_load_rows.cpp
      DepartmentId d, const PlanRules& rules, int window_year) override;
  Result<std::optional<UnitId>> last_drawn_unit(DepartmentId d) override;
  Result<std::vector<Case>> list_cases(std::optional<ProcuratorateId> within) override;
  Result<WatchCounts> watch_counts(const Watch& w) override;  // watch_rows.cpp
  Result<std::vector<Case>> watch_list(const Watch& w, WatchList list, int offset,
                                       int limit) override;
  Result<YearCounts> year_counts(const std::vector<ProcuratorateId>& within,
                                 int year) override;  // case_tally_rows.cpp
  Result<std::map<CaseId, DepartmentId>> case_departments(const std::set<CaseId>& ids) override;
  Result<std::vector<Case>> search_cases(const Query& q) override;  // case_search_rows.cpp

  // PlanRepository (plan_rows.cpp)
  Result<PlanId> add_plan(const AssignmentPlan& p) override;
  Status save_plan_status(const AssignmentPlan& p) override;
  Result<AssignmentPlan> find_plan(PlanId id) override;
  Result<std::optional<AssignmentPlan>> approved_plan(DepartmentId d, Date on) override;
  Result<std::vector<AssignmentPlan>> list_plans(std::optional<DepartmentId> d) override;

  // AssignmentRepository (assignment_rows.cpp)
  Result<AssignmentId> add_assignment(const AssignmentRecord& r) override;
  Result<std::vector<AssignmentRecord>> assignments_for_case(CaseId c) override;
  Result<std::vector<AssignmentRecord>> list_assignments(
      std::optional<ProcuratorateId> within) override;
  Result<RequestId> add_request(const AssignmentRequest& r) override;
  Status save_request_decision(const AssignmentRequest& r) override;
  Result<AssignmentRequest> find_request(RequestId id) override;
  Result<std::vector<AssignmentRequest>> list_requests(
      std::optional<ProcuratorateId> within) override;
  Result<std::vector<AssignmentRequest>> requests_for_case(CaseId c) override;
  Result<AlertId> add_alert(const Alert& a) override;
  Result<std::vector<Alert>> list_alerts(std::optional<ProcuratorateId> within) override;

  // EpochRepository (assignment_rows.cpp)
  Result<EpochId> add_epoch(const DrawEpoch& e) override;
  Status close_epoch(EpochId id, std::int64_t closed_at_us) override;
  Result<std::vector<DrawEpoch>> open_epochs() override;
  Result<std::vector<DrawEpoch>> list_epochs() override;

 private:
  // `where` may use one bound integer `:a` (when `arg` is given) and otherwise only literals.
  // HandlingRepository (handling_rows.cpp)
  Result<std::int64_t> next_document_serial(ProcuratorateId p, const std::string& code,
                                            int year) override;
  Result<DecisionId> add_decision(const Decision& d) override;
  Status save_decision(const Decision& d) override;
  Result<Decision> find_decision(DecisionId id) override;
  Result<std::vector<Decision>> decisions(const Scope& s) override;
  Result<NoteId> add_note(const CaseNote& n) override;
  Result<std::vector<CaseNote>> notes(const Scope& s) override;
  Result<FollowUpId> add_follow_up(const FollowUp& f) override;
  Status save_follow_up_answer(const FollowUp& f) override;
  Result<FollowUp> find_follow_up(FollowUpId id) override;
  Result<std::vector<FollowUp>> follow_ups(const Scope& s) override;
  Result<std::vector<FollowUp>> unanswered_follow_ups(const Scope& s) override;
  Result<std::map<CaseId, std::vector<std::string>>> flags_of(
      const std::vector<CaseId>& cases) override;

  // unit_load_rows.cpp: the kept loads follow a case from where it counted to where it counts.
  void count_in_load(const std::optional<LoadShare>& before,
                     const std::optional<LoadShare>& after);  // throws like SOCI
  // case_tally_rows.cpp: the statistics' tallies, likewise.
  void count_in_tally(const std::optional<TallyKey>& before,
                      const std::optional<TallyKey>& after);  // throws like SOCI
  // case_tally_rows.cpp: the dashboard's open cases, likewise.
  void count_in_open(const std::optional<OpenKey>& before,
                     const std::optional<OpenKey>& after);  // throws like SOCI
  // Where the case counted as last saved: in its unit's load, in the tallies and among the open.
  struct StoredShares {
    std::optional<LoadShare> load;
    std::optional<TallyKey> tally;
    std::optional<OpenKey> open;
  };
  StoredShares stored_shares(long long case_id);
  // `where` is a fixed text (its statements are kept prepared) with at most one placeholder,
  // bound to `arg`; `with_people`: false leaves out the parties, recusals and investigators.
  using CaseArg = std::variant<std::monostate, long long, std::string>;
  Result<std::vector<Case>> load_cases(const std::string& where, CaseArg arg,
                                       bool with_people = true);
  // The cases of these ids, in the order given (an id of no case left out).
  Result<std::vector<Case>> cases_in_order(const std::vector<long long>& ids, bool with_people);
  Result<std::vector<FollowUp>> load_follow_ups(const Scope& scope, bool unanswered_only);
  Result<std::vector<AssignmentPlan>> load_plans(const std::string& where, std::int64_t arg);
  Result<std::vector<AssignmentRecord>> load_assignments(const std::string& where,
                                                         std::int64_t arg);
  Result<std::vector<AssignmentRequest>> load_requests(const std::string& where, std::int64_t arg);
  Result<std::vector<DrawEpoch>> load_epochs(const std::string& where);
  Result<std::vector<AuditEntry>> load_entries(const std::string& where, long long lo, long long hi,
                                               const std::string* subject, bool parsed = true);
  Result<std::vector<Department>> load_departments(const std::string& where, std::int64_t arg);
  Result<std::vector<Person>> load_persons(const std::string& where, std::int64_t arg);
  Result<std::vector<Unit>> load_units(const std::string& where, std::int64_t arg);
  // The audit chain's last entry as this transaction knows it (audit_rows.cpp).
  struct ChainHead {
    long long seq = 0;  // 0: the log is empty
    Digest hash{};
  };
  Result<ChainHead> chain_head();

  soci::session& sql_;
  StatementCache& statements_;
  audit::HashAlgorithm hash_;
  Backend backend_;
  ChainLock& chain_;
  // Read once by this transaction and kept while it alone can change them: the chain's head once
  // the chain's lock is held, moved on by each append; the open draw epochs until it opens or
  // closes one.
  std::optional<ChainHead> head_;
  std::optional<std::vector<DrawEpoch>> open_epochs_;
};

// Runs `f`, turning database exceptions into errors (errors.cpp, for both backends): a uniqueness
// or foreign-key violation is a conflict naming the column a person chose, a serialisation failure
// or deadlock the retry signal (transaction_retry), anything else a storage error.
Status guarded(const std::function<Status()>& f);

// The code of the error that asks the store to run a transaction again from the start
// (PostgreSQL only: a serialisation failure, a deadlock, or a chain that moved; see ChainLock).
inline constexpr std::string_view kRetryCode = "transaction_retry";
Error transaction_retry(const std::string& why);
inline bool is_retry(const Status& s) {
  return !s && s.error().code == kRetryCode;
}

// The code of the error a read-only SQLite connection gives when its transaction tries to write:
// the store runs the transaction again on its writer.
inline constexpr std::string_view kReadOnlyCode = "read_only_connection";
inline bool is_read_only(const Status& s) {
  return !s && s.error().code == kReadOnlyCode;
}

// Ends the transaction open on `sql` (finish.cpp): settles the statements it used, then rolls back
// when `result` is an error and returns it; otherwise commits. A failed commit is rolled back and
// returned as a storage error (or as the retry signal), never as success.
Status finish(soci::session& sql, StatementCache& statements, Status result);

template <class T>
Result<T> guarded_value(const std::function<Result<T>()>& f) {
  std::optional<Result<T>> out;
  auto s = guarded([&]() -> Status {
    out.emplace(f());
    return ok_status();
  });
  if (!s) return s.error();
  return std::move(*out);
}

}  // namespace zeren::sql
