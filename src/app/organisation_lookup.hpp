// What a use case that changes data reads of one 院's organisation (the acting person, the
// departments, a department's units and their leads): from a view a reader kept for the version
// this transaction sees (Context::organisations), else from the database. A registration reads a
// dozen such rows, for an organisation that changes a few times a year.
#pragma once

#include <vector>

#include "app/queries.hpp"

namespace zeren::app {

class OrganisationLookup {
 public:
  // Reads the organisation's version (one row) when the context has views to reuse.
  static Result<OrganisationLookup> open(Transaction& tx, const Context& ctx,
                                         ProcuratorateId procuratorate);

  Result<Procuratorate> procuratorate(ProcuratorateId id);
  Result<Department> department(DepartmentId id);
  Result<Person> person(PersonId id);
  // A unit of a department with the person who leads it (none when that person's row is not
  // found), both held by this lookup or its view: valid while the lookup lives.
  struct LedUnit {
    const Unit* unit;
    const Person* lead;
  };
  // The department's units in id order, each with its lead. From the view they are not copied:
  // an intake reads its department's units once per case.
  Result<std::vector<LedUnit>> department_units(DepartmentId id);

  bool uses_view() const { return view_ != nullptr; }

 private:
  OrganisationLookup(Transaction& tx, OrganisationViewRef view)
      : tx_(&tx), view_(std::move(view)) {}
  Transaction* tx_;
  OrganisationViewRef view_;  // none: every lookup reads the database
  // What the database answered for departments the view does not hold.
  std::vector<std::vector<Unit>> read_units_;
  std::vector<std::vector<Person>> read_leads_;
};

}  // namespace zeren::app
