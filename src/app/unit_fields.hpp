// Shared by add_unit and update_unit: checks a unit against its department and people and gives
// the audit fields that describe it.
#pragma once

#include <vector>

#include "app/context.hpp"

namespace zeren::app {

Result<std::vector<AuditField>> checked_unit_fields(Transaction& tx, const Unit& unit,
                                                    const Department& dept);

}  // namespace zeren::app
