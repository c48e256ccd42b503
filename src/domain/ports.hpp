// Ports: what the domain and the use cases need from the outside, as interfaces. Storage
// implements the repositories and the transaction; other adapters implement clock and hashing.
//
// Contract shared by every repository call: a database failure is returned as ErrorKind::storage
// (never thrown); `find_*` answers not_found when the thing does not exist; `add_*` answers
// conflict when a uniqueness rule would break, and returns the new id otherwise.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <map>
#include <set>

#include "domain/assignment_records.hpp"
#include "domain/audit.hpp"
#include "domain/case.hpp"
#include "domain/case_notes.hpp"
#include "domain/decision.hpp"
#include "domain/organisation.hpp"
#include "domain/session.hpp"
#include "domain/user.hpp"
#include "domain/watch.hpp"

namespace zeren {

class OrganisationRepository {
 public:
  virtual ~OrganisationRepository() = default;

  virtual Result<ProcuratorateId> add_procuratorate(const Procuratorate& p) = 0;
  virtual Result<DepartmentId> add_department(const Department& d) = 0;
  virtual Result<PersonId> add_person(const Person& p) = 0;  // with its posts and absences
  virtual Result<UnitId> add_unit(const Unit& u) = 0;
  // Replaces the stored unit u.id() (its fields, members, categories and difficulties).
  virtual Status save_unit(const Unit& u) = 0;
  // Replaces the stored absences of `p` with p.absences().
  virtual Status save_absences(const Person& p) = 0;

  virtual Result<Procuratorate> find_procuratorate(ProcuratorateId id) = 0;
  virtual Result<Procuratorate> find_procuratorate_by_code(const std::string& short_code) = 0;
  virtual Result<Department> find_department(DepartmentId id) = 0;
  virtual Result<Department> find_department_by_name(ProcuratorateId p,
                                                     const std::string& name) = 0;
  virtual Result<Person> find_person(PersonId id) = 0;
  virtual Result<Unit> find_unit(UnitId id) = 0;

  // Lists are ordered by id. `within` restricts to one procuratorate.
  virtual Result<std::vector<Procuratorate>> list_procuratorates() = 0;
  // The 院 directly below `p`, by id: what a reach that takes in the lower 院 adds.
  virtual Result<std::vector<ProcuratorateId>> lower_procuratorates(ProcuratorateId p) = 0;
  virtual Result<std::vector<Department>> list_departments(
      std::optional<ProcuratorateId> within) = 0;
  virtual Result<std::vector<Person>> list_persons(std::optional<ProcuratorateId> within) = 0;
  virtual Result<std::vector<Unit>> list_units(std::optional<ProcuratorateId> within) = 0;
  // The same for `p` and the 院 directly below it, each read in one go: what a leader of `p` who
  // supervises the lower 院 is shown, without one round of reads per 院.
  virtual Result<std::vector<Department>> list_departments_with_lower(ProcuratorateId p) = 0;
  virtual Result<std::vector<Person>> list_persons_with_lower(ProcuratorateId p) = 0;
  virtual Result<std::vector<Unit>> list_units_with_lower(ProcuratorateId p) = 0;
  // One department's units, and the people who lead them: what an assignment reads.
  virtual Result<std::vector<Unit>> department_units(DepartmentId d) = 0;
  virtual Result<std::vector<Person>> department_unit_leads(DepartmentId d) = 0;
  // The organisation's version: moved on by every write of what the lists above read, in the
  // writing transaction. None when the database keeps none (then nothing read may be reused).
  virtual Result<std::optional<std::int64_t>> organisation_version() = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual Result<UserId> add_user(const UserAccount& u) = 0;
  virtual Result<UserAccount> find_user_by_name(const std::string& username) = 0;
  virtual Result<std::int64_t> count_users() = 0;
  virtual Result<std::vector<UserAccount>> list_users() = 0;
  virtual Result<UserAccount> find_user(UserId id) = 0;
  virtual Status save_password(UserId id, const std::string& password_hash,
                               bool must_change_password) = 0;
  virtual Status save_roles(UserId id, const std::set<Role>& roles) = 0;
  virtual Result<LoginState> login_state(UserId id) = 0;
  virtual Status save_login_state(UserId id, const LoginState& state) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Result<SessionId> add_session(const Session& s) = 0;
  // not_found when no session has this token hash.
  virtual Result<Session> find_session(const std::string& token_hash) = 0;
  virtual Status touch_session(SessionId id, std::int64_t now_us) = 0;
  virtual Status end_session(SessionId id, std::int64_t now_us) = 0;
  // Sessions neither ended nor idle since `idle_since_us` nor older than `created_since_us`.
  virtual Result<std::int64_t> count_live_sessions(std::int64_t idle_since_us,
                                                   std::int64_t created_since_us) = 0;
};

// The append-only log. Appending assigns the next sequence number and the chained hash.
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual Result<AuditEntry> append(AuditEvent event) = 0;
  virtual Result<std::uint64_t> size() = 0;
  // The hash of the last entry (32 zero bytes for an empty log).
  virtual Result<Digest> head() = 0;
  // Entries whose subject is `subject` (a case's timeline), in order.
  virtual Result<std::vector<AuditEntry>> read_subject(const std::string& subject) = 0;
  // Entries with from <= seq <= to, in the order of seq as stored. With `parsed` false each
  // entry's event.fields is left empty and only fields_text holds them: for verification, which
  // hashes every entry but parses only the few it checks.
  virtual Result<std::vector<AuditEntry>> read(std::uint64_t from, std::uint64_t to,
                                               bool parsed = true) = 0;
  virtual Status add_checkpoint(const AuditCheckpoint& c) = 0;
  virtual Result<std::vector<AuditCheckpoint>> checkpoints() = 0;
};

class CaseRepository {
 public:
  virtual ~CaseRepository() = default;
  // The next serial of (院, 代字, year), gapless: 1, 2, 3 … Rolled back with the transaction.
  virtual Result<std::int64_t> next_case_serial(ProcuratorateId p, const std::string& code,
                                                int year) = 0;
  // The id the next case added will be stored under: an intake knows its case's id for the
  // audit entries and the draw before the case is written, so the case is written once, as it
  // stands after its assignment.
  virtual Result<CaseId> next_case_id() = 0;
  // Adds `c` under c.id() (from next_case_id).
  virtual Status add_case(const Case& c) = 0;
  // Saves status, unit and progress (CaseProgress).
  virtual Status save_case_state(const Case& c) = 0;
  virtual Result<Case> find_case(CaseId id) = 0;
  virtual Result<Case> find_case_by_number(const std::string& number) = 0;
  // Sum of plan weights of the cases that count toward each unit's load in the department: those
  // open, and those concluded (or transferred) in `window_year` (SPEC §3 load window).
  virtual Result<std::map<UnitId, std::int64_t>> unit_weight_sums(DepartmentId d,
                                                                  const PlanRules& rules,
                                                                  int window_year) = 0;
  // The unit of the department's latest random or rotation assignment (for rotation).
  virtual Result<std::optional<UnitId>> last_drawn_unit(DepartmentId d) = 0;
  virtual Result<std::vector<Case>> list_cases(std::optional<ProcuratorateId> within) = 0;
  // The chief's watch (SPEC §7) over one 院's open cases (Case::open()), counted by the database:
  // in progress in all and per unit (near expiry and overdue too), and on each list.
  struct WatchCounts {
    struct Unit {
      UnitId unit;
      std::int64_t in_progress = 0, near_expiry = 0, overdue = 0;
    };
    std::int64_t in_progress = 0;
    std::vector<Unit> units;  // the units with an open case, by id
    std::map<WatchList, std::int64_t> lists;  // every list, 0 when empty
  };
  virtual Result<WatchCounts> watch_counts(const Watch& w) = 0;
  // A page of one list's cases, without their parties or people: the most urgent first (overdue
  // and near expiry by due day, then id), the others by id.
  virtual Result<std::vector<Case>> watch_list(const Watch& w, WatchList list, int offset,
                                               int limit) = 0;
  // What the year's statistics count of these 院's cases together, withdrawn ones left out:
  // received and concluded per month ("2026-03"), and received per unit. Counted by the database,
  // all the 院 at once.
  struct YearCounts {
    std::map<std::string, std::int64_t> received_by_month, concluded_by_month;
    std::map<UnitId, std::int64_t> received_by_unit;
  };
  virtual Result<YearCounts> year_counts(const std::vector<ProcuratorateId>& within, int year) = 0;
  // The department of each of these cases (an id that names no case is left out).
  virtual Result<std::map<CaseId, DepartmentId>> case_departments(const std::set<CaseId>& ids) = 0;

  // A page of cases, newest first (by id, descending), matching every filter given.
  struct Query {
    std::vector<ProcuratorateId> within;  // required: the procuratorates in the reader's scope
    std::optional<CaseStatus> status;
    std::optional<CaseCategory> category;
    std::optional<DepartmentId> department;
    std::optional<UnitId> unit;
    std::optional<Date> received_from, received_to;  // inclusive
    std::string text;                                // part of the case number or of a party's name
    std::optional<PersonId> handled_by;  // only cases of units this person leads or belongs to
    std::optional<CaseId> before;        // the cursor: only ids below this one
    int limit = 50;
  };
  virtual Result<std::vector<Case>> search_cases(const Query& q) = 0;
};

class PlanRepository {
 public:
  virtual ~PlanRepository() = default;
  virtual Result<PlanId> add_plan(const AssignmentPlan& p) = 0;
  virtual Status save_plan_status(const AssignmentPlan& p) = 0;
  virtual Result<AssignmentPlan> find_plan(PlanId id) = 0;
  // The department's plan in force on `on`: of its approved plans, the one with the latest
  // effective_from not after `on` (the higher version among equals); none when there is none.
  virtual Result<std::optional<AssignmentPlan>> approved_plan(DepartmentId d, Date on) = 0;
  virtual Result<std::vector<AssignmentPlan>> list_plans(std::optional<DepartmentId> d) = 0;
};

class AssignmentRepository {
 public:
  virtual ~AssignmentRepository() = default;
  virtual Result<AssignmentId> add_assignment(const AssignmentRecord& r) = 0;
  virtual Result<std::vector<AssignmentRecord>> assignments_for_case(CaseId c) = 0;
  virtual Result<std::vector<AssignmentRecord>> list_assignments(
      std::optional<ProcuratorateId> within) = 0;

  virtual Result<RequestId> add_request(const AssignmentRequest& r) = 0;
  virtual Status save_request_decision(const AssignmentRequest& r) = 0;
  virtual Result<AssignmentRequest> find_request(RequestId id) = 0;
  virtual Result<std::vector<AssignmentRequest>> list_requests(
      std::optional<ProcuratorateId> within) = 0;
  // One case's requests, by id.
  virtual Result<std::vector<AssignmentRequest>> requests_for_case(CaseId c) = 0;

  virtual Result<AlertId> add_alert(const Alert& a) = 0;
  virtual Result<std::vector<Alert>> list_alerts(std::optional<ProcuratorateId> within) = 0;
};

// What is done on a case after assignment: decisions, notes (acts, flags, pre-reviews) and
// follow-ups (notices, reports). Lists are ordered by id.
class HandlingRepository {
 public:
  virtual ~HandlingRepository() = default;
  // Which records a list returns: of one case, or of every case of the given procuratorates.
  struct Scope {
    std::optional<CaseId> case_id;
    std::vector<ProcuratorateId> within;  // used when case_id is empty
    // Only the year's records: decisions decided, notes dated and follow-ups requested in it
    // (China time). What the year's statistics read; found through those dates' indexes.
    std::optional<int> year;
  };

  // The next 文书号 serial of (院, 代字, year), gapless like case numbers.
  virtual Result<std::int64_t> next_document_serial(ProcuratorateId p, const std::string& code,
                                                    int year) = 0;
  virtual Result<DecisionId> add_decision(const Decision& d) = 0;
  // Saves the outcome fields and appends objections not stored yet.
  virtual Status save_decision(const Decision& d) = 0;
  virtual Result<Decision> find_decision(DecisionId id) = 0;
  virtual Result<std::vector<Decision>> decisions(const Scope& s) = 0;

  virtual Result<NoteId> add_note(const CaseNote& n) = 0;
  virtual Result<std::vector<CaseNote>> notes(const Scope& s) = 0;

  virtual Result<FollowUpId> add_follow_up(const FollowUp& f) = 0;
  virtual Status save_follow_up_answer(const FollowUp& f) = 0;
  virtual Result<FollowUp> find_follow_up(FollowUpId id) = 0;
  virtual Result<std::vector<FollowUp>> follow_ups(const Scope& s) = 0;
  // The follow-ups of the scope not answered yet (the dashboard's open notices and reports).
  virtual Result<std::vector<FollowUp>> unanswered_follow_ups(const Scope& s) = 0;
  // The distinct flag codes set on each of these cases, in the order first set; cases without a
  // flag are left out.
  virtual Result<std::map<CaseId, std::vector<std::string>>> flags_of(
      const std::vector<CaseId>& cases) = 0;
};

class EpochRepository {
 public:
  virtual ~EpochRepository() = default;
  virtual Result<EpochId> add_epoch(const DrawEpoch& e) = 0;
  virtual Status close_epoch(EpochId id, std::int64_t closed_at_us) = 0;
  virtual Result<std::vector<DrawEpoch>> open_epochs() = 0;  // not closed, oldest first
  virtual Result<std::vector<DrawEpoch>> list_epochs() = 0;
};

// One unit of work: every repository seen through it reads and writes in the same transaction.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual OrganisationRepository& organisation() = 0;
  virtual UserRepository& users() = 0;
  virtual AuditLog& audit() = 0;
  virtual CaseRepository& cases() = 0;
  virtual PlanRepository& plans() = 0;
  virtual AssignmentRepository& assignments() = 0;
  virtual EpochRepository& epochs() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual HandlingRepository& handling() = 0;
};

// The database. `transact` runs `work` in one transaction: it commits when `work` returns ok and
// rolls back otherwise. A failed commit is returned as an error, never reported as success.
// What a transaction is expected to do. The outcome never depends on it; a store shared by several
// servers uses it to order its locks (postgres/pg_store.hpp).
enum class Access {
  reads,    // reads (and perhaps changes): runs without the audit chain's lock until it needs it
  changes,  // changes data, so appends to the audit log: takes the chain's lock first
  views,    // serves a view (an HTTP GET) and appends nothing to the audit log: runs as `reads`,
            // but a store shared by several servers does not note the chain's length as it
            // begins, so one that reaches the chain after all runs again with the lock taken first
};

class Store {
 public:
  virtual ~Store() = default;
  // A store shared by several servers may run `work` again from the start when another server's
  // change got in first, so `work` must keep no state between runs: it only assigns what it
  // produces.
  virtual Status transact(const std::function<Status(Transaction&)>& work, Access access) = 0;
  Status transact(const std::function<Status(Transaction&)>& work) {
    return transact(work, Access::reads);
  }
};

// Runs `work` in a transaction and hands back the value it produced.
template <class T, class F>
Result<T> transact_value(Store& store, F&& work) {
  std::optional<T> out;
  auto status = store.transact([&](Transaction& tx) -> Status {
    auto r = work(tx);
    if (!r) return r.error();
    out.emplace(std::move(r.value()));
    return ok_status();
  });
  if (!status) return status.error();
  return std::move(*out);
}

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now_us() const = 0;  // microseconds since the Unix epoch, UTC
  virtual Date today() const = 0;           // the calendar date in China Standard Time
};

// The cryptography of verifiable draws: fresh epoch secrets, their commitments (the chain hash,
// SM3 by default) and the keyed MAC (HMAC with the same hash).
class DrawCrypto {
 public:
  virtual ~DrawCrypto() = default;
  virtual EpochSecret fresh_secret() const = 0;
  virtual Digest commitment(const EpochSecret& s) const = 0;
  virtual Digest mac(const EpochSecret& s, std::string_view message) const = 0;
  virtual Digest hash(std::string_view message) const = 0;
};

// Session tokens: fresh random tokens (for the cookie and the CSRF header) and the one-way hash
// under which a session's token is stored.
class SessionSecrets {
 public:
  virtual ~SessionSecrets() = default;
  virtual std::string new_token() const = 0;  // URL-safe, 256 bits of entropy
  virtual std::string token_hash(std::string_view token) const = 0;  // hex
};

// One-way password hashing (Argon2id in production).
class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  virtual Result<std::string> hash(std::string_view password) const = 0;
  virtual bool verify(std::string_view password, const std::string& stored_hash) const = 0;
};

}  // namespace zeren
