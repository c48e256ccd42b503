#include <algorithm>
#include <set>

#include "app/organisation_cache.hpp"
#include "app/permissions.hpp"
#include "app/queries.hpp"

namespace zeren::app {

namespace {
// The lists are in id order (the repository's, kept by view_organisation): a page naming
// thousands of cases looks up each one's unit and department without walking every unit.
template <class T, class Id>
const T* by_id(const std::vector<T>& list, Id id) {
  auto at = std::lower_bound(list.begin(), list.end(), id,
                             [](const T& x, Id wanted) { return x.id().value < wanted.value; });
  return at != list.end() && at->id() == id ? &*at : nullptr;
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

Result<OrganisationViewRef> view_organisation(Transaction& tx, const Context& ctx) {
  auto within = reach(tx, ctx.actor, Permission::read_organisation);
  if (!within) return within.error();
  return view_organisation_within(tx, ctx, *within);
}

Result<OrganisationViewRef> view_organisation_within(Transaction& tx, const Context& ctx,
                                                     const std::vector<ProcuratorateId>& within) {
  std::set<std::int64_t> reached;
  for (auto id : within) reached.insert(id.value);
  auto& org = tx.organisation();
  // One read of each list, whatever the reach: the whole organisation at the console, else the
  // reader's own 院, with the 院 directly below it when the reach holds them (reach gives no
  // other shape). The lists come in id order, and whatever a read brings beyond the reach is
  // dropped, so the view is exactly the reach.
  const std::optional<ProcuratorateId> own =
      ctx.actor.console ? std::nullopt : ctx.actor.procuratorate;
  const bool with_lower = own && within.size() > 1;
  std::optional<OrganisationCache::Key> key;
  if (ctx.organisations) {
    auto version = org.organisation_version();
    if (!version) return version.error();
    if (*version) {
      key = OrganisationCache::Key{**version, own ? std::optional(own->value) : std::nullopt,
                                   {reached.begin(), reached.end()}};
      if (auto kept = ctx.organisations->find(*key)) return kept;
    }
  }
  auto ps = org.list_procuratorates();
  auto ds = with_lower ? org.list_departments_with_lower(*own) : org.list_departments(own);
  auto us = with_lower ? org.list_units_with_lower(*own) : org.list_units(own);
  auto people = with_lower ? org.list_persons_with_lower(*own) : org.list_persons(own);
  if (!ps) return ps.error();
  if (!ds) return ds.error();
  if (!us) return us.error();
  if (!people) return people.error();
  OrganisationView v;
  for (auto& p : *ps)
    if (reached.contains(p.id().value)) v.procuratorates.push_back(std::move(p));
  for (auto& d : *ds)
    if (reached.contains(d.procuratorate().value)) v.departments.push_back(std::move(d));
  for (auto& u : *us)
    if (v.department(u.department())) v.units.push_back(std::move(u));
  for (auto& p : *people)
    if (reached.contains(p.procuratorate().value)) v.persons.push_back(std::move(p));
  auto view = std::make_shared<const OrganisationView>(std::move(v));
  if (key && !ctx.writes) ctx.organisations->keep(*key, view);
  return view;
}

}  // namespace zeren::app
