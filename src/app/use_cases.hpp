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
    std::string username, password;
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
