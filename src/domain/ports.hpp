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

#include "domain/audit.hpp"
#include "domain/organisation.hpp"
#include "domain/user.hpp"

namespace zeren {

class OrganisationRepository {
 public:
  virtual ~OrganisationRepository() = default;

  virtual Result<ProcuratorateId> add_procuratorate(const Procuratorate& p) = 0;
  virtual Result<DepartmentId> add_department(const Department& d) = 0;
  virtual Result<PersonId> add_person(const Person& p) = 0;  // with its posts and absences
  virtual Result<UnitId> add_unit(const Unit& u) = 0;
  // Replaces the stored absences of `p` with p.absences().
  virtual Status save_absences(const Person& p) = 0;

  virtual Result<Procuratorate> find_procuratorate(ProcuratorateId id) = 0;
  virtual Result<Procuratorate> find_procuratorate_by_code(const std::string& short_code) = 0;
  virtual Result<Department> find_department(DepartmentId id) = 0;
  virtual Result<Department> find_department_by_name(ProcuratorateId p, const std::string& name) = 0;
  virtual Result<Person> find_person(PersonId id) = 0;
  virtual Result<Unit> find_unit(UnitId id) = 0;

  // Lists are ordered by id. `within` restricts to one procuratorate.
  virtual Result<std::vector<Procuratorate>> list_procuratorates() = 0;
  virtual Result<std::vector<Department>> list_departments(std::optional<ProcuratorateId> within) = 0;
  virtual Result<std::vector<Person>> list_persons(std::optional<ProcuratorateId> within) = 0;
  virtual Result<std::vector<Unit>> list_units(std::optional<ProcuratorateId> within) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual Result<UserId> add_user(const UserAccount& u) = 0;
  virtual Result<UserAccount> find_user_by_name(const std::string& username) = 0;
  virtual Result<std::int64_t> count_users() = 0;
};

// The append-only log. Appending assigns the next sequence number and the chained hash.
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual Result<AuditEntry> append(const AuditEvent& event) = 0;
  virtual Result<std::uint64_t> size() = 0;
  // Entries with from <= seq <= to, in the order of seq as stored.
  virtual Result<std::vector<AuditEntry>> read(std::uint64_t from, std::uint64_t to) = 0;
  virtual Status add_checkpoint(const AuditCheckpoint& c) = 0;
  virtual Result<std::vector<AuditCheckpoint>> checkpoints() = 0;
};

// One unit of work: every repository seen through it reads and writes in the same transaction.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual OrganisationRepository& organisation() = 0;
  virtual UserRepository& users() = 0;
  virtual AuditLog& audit() = 0;
};

// The database. `transact` runs `work` in one transaction: it commits when `work` returns ok and
// rolls back otherwise. A failed commit is returned as an error, never reported as success.
class Store {
 public:
  virtual ~Store() = default;
  virtual Status transact(const std::function<Status(Transaction&)>& work) = 0;
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

// One-way password hashing (Argon2id in production).
class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  virtual Result<std::string> hash(std::string_view password) const = 0;
  virtual bool verify(std::string_view password, const std::string& stored_hash) const = 0;
};

}  // namespace zeren
