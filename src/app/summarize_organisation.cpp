#include "app/permissions.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

Result<OrganisationSummary> summarize_organisation(Transaction& tx, const Context& ctx) {
  // The console and top-level readers see everything; others see their 院 and the ones below.
  std::optional<ProcuratorateId> scope;
  if (!ctx.actor.console) {
    ZEREN_TRY(authorize(tx, ctx.actor, Permission::read_organisation, ctx.actor.procuratorate));
    scope = ctx.actor.procuratorate;
  }
  auto procuratorates = tx.organisation().list_procuratorates();
  if (!procuratorates) return procuratorates.error();
  std::vector<Procuratorate> visible;
  for (auto& p : *procuratorates)
    if (!scope || p.id() == *scope || (p.parent() && *p.parent() == *scope))
      visible.push_back(std::move(p));
  std::vector<Department> departments;
  std::vector<Person> persons;
  std::vector<Unit> units;
  for (const auto& p : visible) {
    auto d = tx.organisation().list_departments(p.id());
    auto ps = tx.organisation().list_persons(p.id());
    auto u = tx.organisation().list_units(p.id());
    if (!d) return d.error();
    if (!ps) return ps.error();
    if (!u) return u.error();
    departments.insert(departments.end(), d->begin(), d->end());
    persons.insert(persons.end(), ps->begin(), ps->end());
    units.insert(units.end(), u->begin(), u->end());
  }
  return summarize(visible, departments, persons, units);
}

}  // namespace zeren::app
