// Who is acting, and the clock: what every use case is given besides its transaction.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "domain/ports.hpp"

namespace zeren::app {

struct Actor {
  std::string id;  // recorded in the audit log: "user:12", "cli:root"
  std::set<Role> roles;
  std::optional<ProcuratorateId> procuratorate;  // the actor's own 院
  std::optional<PersonId> person;                // who the actor is in the organisation
  // The operator at the server's console, who holds the database file itself: trusted with every
  // change, and every change still recorded under this id.
  bool console = false;

  static Actor console_operator(std::string os_user) {
    return Actor{"cli:" + std::move(os_user), {}, std::nullopt, std::nullopt, true};
  }
  // A logged-in account: "user:<id>", its roles, its 院 and its person.
  static std::string id_of(UserId user) { return "user:" + std::to_string(user.value); }
  static Actor for_account(const UserAccount& u) {
    return Actor{id_of(u.id()), u.roles(), u.procuratorate(), u.person(), false};
  }
  bool has(Role r) const { return roles.contains(r); }
};

class DepartmentViews;
class OrganisationCache;

struct Context {
  Actor actor;
  const Clock& clock;
  // Where assignment reads a department's units and loads: the database when null (always, but
  // for a bulk loader that alone writes the database and keeps them in memory: zeren gen).
  DepartmentViews* views = nullptr;
  // Where view_organisation keeps the views it reads, for as long as the organisation stays the
  // same (a server's, shared by its requests); none: read afresh every time.
  OrganisationCache* organisations = nullptr;
  // Whether the transaction may change data. It then reuses the views readers kept in
  // `organisations` but keeps none of its own: it may change the organisation and roll back, and
  // what it read must not outlive it.
  bool writes = false;
};

}  // namespace zeren::app
