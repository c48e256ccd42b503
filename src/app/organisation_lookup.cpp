#include "app/organisation_lookup.hpp"

#include <algorithm>

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

namespace {

const Person* find_lead(const std::vector<Person>& leads, PersonId id) {
  auto p = std::find_if(leads.begin(), leads.end(), [&](const Person& l) { return l.id() == id; });
  return p == leads.end() ? nullptr : &*p;
}

}  // namespace

Result<std::vector<OrganisationLookup::LedUnit>> OrganisationLookup::department_units(
    DepartmentId id) {
  std::vector<LedUnit> out;
  if (view_ && view_->department(id)) {
    std::vector<Person> outside;  // leads the view does not hold (read as person() would)
    for (const auto& u : view_->units) {
      if (u.department() != id) continue;
      const Person* lead = view_->person(u.lead());
      if (!lead) {
        auto read = tx_->organisation().find_person(u.lead());
        if (read)
          outside.push_back(std::move(*read));
        else if (read.error().kind != ErrorKind::not_found)
          return read.error();
      }
      out.push_back({&u, lead});
    }
    if (outside.empty()) return out;
    const auto& kept = read_leads_.emplace_back(std::move(outside));
    for (auto& led : out)
      if (!led.lead) led.lead = find_lead(kept, led.unit->lead());
    return out;
  }
  auto units = tx_->organisation().department_units(id);
  if (!units) return units.error();
  auto leads = tx_->organisation().department_unit_leads(id);
  if (!leads) return leads.error();
  // Kept here, so the pointers stay valid when another department is read after this one.
  const auto& kept_units = read_units_.emplace_back(std::move(*units));
  const auto& kept_leads = read_leads_.emplace_back(std::move(*leads));
  for (const auto& u : kept_units) out.push_back({&u, find_lead(kept_leads, u.lead())});
  return out;
}

}  // namespace zeren::app
