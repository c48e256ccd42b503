// Where a case counts in its unit's load, the figure the assignment engine balances (SPEC §3):
// while the case is open, in every year (counted_year 0); once concluded or transferred, in the
// year it was. A case without a unit, not yet assigned or withdrawn counts nowhere. The kept
// table unit_load (migration 8) holds, per department, unit and counted year, how many difficult
// and how many ordinary cases count there; the plan's weights apply when it is read.
#pragma once

#include <optional>

#include "domain/case.hpp"

namespace zeren::sql {

struct LoadShare {
  long long department = 0;
  long long unit = 0;
  int counted_year = 0;  // 0: while open
  bool difficult = false;
  bool operator==(const LoadShare&) const = default;
};

std::optional<LoadShare> load_share(long long department, std::optional<UnitId> unit,
                                    CaseStatus status, Difficulty difficulty,
                                    const std::optional<Date>& concluded_on,
                                    const std::optional<Date>& transferred_on);

inline std::optional<LoadShare> load_share(const Case& c) {
  return load_share(c.intake().department.value, c.unit(), c.status(), c.intake().difficulty,
                    c.progress().concluded_on, c.progress().transferred_on);
}

}  // namespace zeren::sql
