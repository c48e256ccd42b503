#include "app/use_cases.hpp"

namespace zeren::app {

Result<Actor> actor_for_user(Transaction& tx, const std::string& username) {
  auto u = tx.users().find_user_by_name(username);
  if (!u) return Error::not_found("as", "no user " + username);
  return Actor::for_account(*u);
}

Result<Actor> actor_for_person(Transaction& tx, PersonId id) {
  auto p = tx.organisation().find_person(id);
  if (!p) return p.error();
  auto dept = tx.organisation().find_department(p->department());
  if (!dept) return dept.error();
  Actor a{"person:" + std::to_string(id.value), {}, p->procuratorate(), id, false};
  if (p->category() == PersonCategory::prosecutor) a.roles.insert(Role::prosecutor);
  if (p->holds(PostKind::chief)) a.roles.insert(Role::chief);
  if (p->holds(PostKind::deputy_chief)) a.roles.insert(Role::deputy_chief);
  if (p->holds(PostKind::department_head)) a.roles.insert(Role::dept_head);
  if (dept->kind() == DepartmentKind::case_management) a.roles.insert(Role::case_manager);
  if (dept->kind() == DepartmentKind::personnel) a.roles.insert(Role::personnel);
  if (dept->kind() == DepartmentKind::discipline) a.roles.insert(Role::discipline);
  return a;
}

}  // namespace zeren::app
