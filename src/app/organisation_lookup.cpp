#include "app/organisation_lookup.hpp"

#include "app/organisation_cache.hpp"

namespace zeren::app {

Result<OrganisationLookup> OrganisationLookup::open(Transaction& tx, const Context& ctx,
                                                    ProcuratorateId procuratorate) {
  if (!ctx.organisations) return OrganisationLookup(tx, nullptr);
  auto version = tx.organisation().organisation_version();
  if (!version) return version.error();
  if (!*version) return OrganisationLookup(tx, nullptr);
  return OrganisationLookup(tx, ctx.organisations->find_covering(**version, procuratorate.value));
}

// Whatever the view does not hold (another 院's, or a row that does not exist) is read from the
// database, which answers as it always does.
Result<Procuratorate> OrganisationLookup::procuratorate(ProcuratorateId id) {
  if (const Procuratorate* p = view_ ? view_->procuratorate(id) : nullptr) return *p;
  return tx_->organisation().find_procuratorate(id);
}

Result<Department> OrganisationLookup::department(DepartmentId id) {
  if (const Department* d = view_ ? view_->department(id) : nullptr) return *d;
  return tx_->organisation().find_department(id);
}

Result<Person> OrganisationLookup::person(PersonId id) {
  if (const Person* p = view_ ? view_->person(id) : nullptr) return *p;
  return tx_->organisation().find_person(id);
}

Result<std::vector<Unit>> OrganisationLookup::department_units(DepartmentId id) {
  if (!view_ || !view_->department(id)) return tx_->organisation().department_units(id);
  std::vector<Unit> out;
  for (const auto& u : view_->units)
    if (u.department() == id) out.push_back(u);
  return out;
}

Result<std::vector<Person>> OrganisationLookup::department_unit_leads(DepartmentId id) {
  if (!view_ || !view_->department(id)) return tx_->organisation().department_unit_leads(id);
  std::vector<Person> out;
  for (const auto& u : view_->units) {
    if (u.department() != id) continue;
    auto lead = person(u.lead());
    if (lead)
      out.push_back(std::move(*lead));
    else if (lead.error().kind != ErrorKind::not_found)
      return lead.error();
  }
  return out;
}

}  // namespace zeren::app
