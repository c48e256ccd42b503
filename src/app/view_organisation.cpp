#include <algorithm>

#include "app/permissions.hpp"
#include "app/queries.hpp"

namespace zeren::app {

namespace {
// The lists are in id order (view_organisation sorts them): a page naming thousands of cases looks
// up each one's unit and department without walking every unit of the scope.
template <class T, class Id>
const T* by_id(const std::vector<T>& list, Id id) {
  auto at = std::lower_bound(list.begin(), list.end(), id,
                             [](const T& x, Id wanted) { return x.id().value < wanted.value; });
  return at != list.end() && at->id() == id ? &*at : nullptr;
}
template <class T>
void sort_by_id(std::vector<T>& list) {
  std::sort(list.begin(), list.end(),
            [](const T& a, const T& b) { return a.id().value < b.id().value; });
}
}  // namespace

const Procuratorate* OrganisationView::procuratorate(ProcuratorateId id) const {
  return by_id(procuratorates, id);
}
const Department* OrganisationView::department(DepartmentId id) const {
  return by_id(departments, id);
}
const Unit* OrganisationView::unit(UnitId id) const {
  return by_id(units, id);
}
const Person* OrganisationView::person(PersonId id) const {
  return by_id(persons, id);
}
std::string OrganisationView::unit_name(std::optional<UnitId> id) const {
  const Unit* u = id ? unit(*id) : nullptr;
  return u ? u->name() : std::string();
}
std::string OrganisationView::person_name(std::optional<PersonId> id) const {
  const Person* p = id ? person(*id) : nullptr;
  return p ? p->name() : std::string();
}

Result<OrganisationView> view_organisation(Transaction& tx, const Context& ctx) {
  auto within = reach(tx, ctx.actor, Permission::read_organisation);
  if (!within) return within.error();
  OrganisationView v;
  auto& org = tx.organisation();
  for (auto id : *within) {
    auto p = org.find_procuratorate(id);
    if (!p) return p.error();
    v.procuratorates.push_back(std::move(*p));
    auto d = org.list_departments(id);
    auto u = org.list_units(id);
    auto ps = org.list_persons(id);
    if (!d) return d.error();
    if (!u) return u.error();
    if (!ps) return ps.error();
    v.departments.insert(v.departments.end(), d->begin(), d->end());
    v.units.insert(v.units.end(), u->begin(), u->end());
    v.persons.insert(v.persons.end(), ps->begin(), ps->end());
  }
  sort_by_id(v.procuratorates);
  sort_by_id(v.departments);
  sort_by_id(v.units);
  sort_by_id(v.persons);
  return v;
}

}  // namespace zeren::app
