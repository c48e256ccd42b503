#include <map>

#include "app/permissions.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

Result<std::vector<PersonListing>> list_people(Transaction& tx, const Context& ctx) {
  std::optional<ProcuratorateId> scope;
  if (!ctx.actor.console) {
    ZEREN_TRY(authorize(tx, ctx.actor, Permission::read_organisation, ctx.actor.procuratorate));
    scope = ctx.actor.procuratorate;
  }
  auto procs = tx.organisation().list_procuratorates();
  auto depts = tx.organisation().list_departments(std::nullopt);
  auto persons = tx.organisation().list_persons(std::nullopt);
  auto users = tx.users().list_users();
  if (!procs) return procs.error();
  if (!depts) return depts.error();
  if (!persons) return persons.error();
  if (!users) return users.error();
  std::map<ProcuratorateId, const Procuratorate*> proc_by_id;
  std::map<DepartmentId, std::string> dept_name;
  for (const auto& p : *procs) proc_by_id[p.id()] = &p;
  for (const auto& d : *depts) dept_name[d.id()] = d.name();
  std::map<PersonId, std::vector<std::string>> names;
  for (const auto& u : *users)
    if (u.person()) names[*u.person()].push_back(u.username());
  std::vector<PersonListing> out;
  for (const auto& p : *persons) {
    const auto* proc = proc_by_id[p.procuratorate()];
    if (scope && p.procuratorate() != *scope && !(proc->parent() && *proc->parent() == *scope)) continue;
    PersonListing l{p, proc->name(), dept_name[p.department()], names[p.id()], {}};
    for (const auto& post : p.posts()) {
      std::vector<std::string> ds;
      for (auto d : post.departments) ds.push_back(dept_name[d]);
      l.posts.push_back({post, ds});
    }
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace zeren::app
