#include "app/permissions.hpp"

namespace zeren::app {

namespace {

bool role_allows(const Actor& a, Permission p) {
  switch (p) {
    case Permission::read_organisation:
      return !a.roles.empty() && !a.has(Role::auditor);
    case Permission::manage_organisation:
      return a.has(Role::personnel) || a.has(Role::sysadmin);
    case Permission::manage_accounts:
      return a.has(Role::secadmin);
    case Permission::read_audit_log:
      return a.has(Role::auditor);
  }
  return false;
}

}  // namespace

Status authorize(Transaction& tx, const Actor& actor, Permission permission,
                 std::optional<ProcuratorateId> target) {
  if (actor.console) return ok_status();
  if (!role_allows(actor, permission))
    return Error::denied("your roles do not allow this (您的角色无此权限)");
  if (!actor.procuratorate) return Error::denied("your account has no procuratorate");
  if (!target) {
    // System-wide reads: only from a top-level procuratorate.
    auto own = tx.organisation().find_procuratorate(*actor.procuratorate);
    if (!own) return own.error();
    if (own->parent()) return Error::denied("this covers other procuratorates (超出本院范围)");
    return ok_status();
  }
  if (*target == *actor.procuratorate) return ok_status();
  auto t = tx.organisation().find_procuratorate(*target);
  if (!t) return t.error();
  if (t->parent() && *t->parent() == *actor.procuratorate) return ok_status();
  return Error::denied("this belongs to another procuratorate (非本院范围)");
}

}  // namespace zeren::app
