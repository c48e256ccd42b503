// Rules of the organisation model that involve more than one entity. Pure functions: the caller
// loads what they need and passes it in.
#pragma once

#include <map>
#include <vector>

#include "domain/organisation.hpp"

namespace zeren {

// A parent is strictly higher: province above city above district.
Status check_parent(Level child, const Procuratorate& parent);

// Every department a post names belongs to the person's own procuratorate.
Status check_posts(ProcuratorateId procuratorate, const std::vector<Post>& posts,
                   const std::vector<Department>& named_departments);

// A unit belongs to a business department and accepts only its categories; everyone in it is of
// the department's procuratorate; the lead is a 员额检察官; a team has two or more prosecutors, a
// sole unit exactly one (its lead) with supporting staff; a chief or deputy chief in a team leads it.
Status check_unit(const Unit& unit, const Department& department, const Person& lead,
                  const std::vector<Person>& members);

// Staffing figures the seed reports (SPEC §1 and §15).
struct StaffCounts {
  int prosecutors = 0;
  int assistants = 0;
  int clerks = 0;
  int clerks_established = 0;  // 编制
  int clerks_contract = 0;     // 聘用
  int admin_staff = 0;
};

struct UnitCounts {
  int teams = 0;
  int sole = 0;
};

struct LevelSummary {
  Level level = Level::city;
  int procuratorates = 0;
  StaffCounts staff;
  UnitCounts units;  // active units only
};

struct OrganisationSummary {
  int procuratorates = 0;
  int departments = 0;
  StaffCounts staff;
  UnitCounts units;                  // active units only
  std::vector<LevelSummary> levels;  // ordered province, city, district; only levels present
};

OrganisationSummary summarize(const std::vector<Procuratorate>& procuratorates,
                              const std::vector<Department>& departments,
                              const std::vector<Person>& persons, const std::vector<Unit>& units);

}  // namespace zeren
