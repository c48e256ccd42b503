// Typed identifiers: a department id cannot be passed where a person id is wanted.
#pragma once

#include <compare>
#include <cstdint>

namespace zeren {

template <class Tag>
struct Id {
  std::int64_t value = 0;  // 0: not stored yet
  bool valid() const { return value > 0; }
  friend auto operator<=>(const Id&, const Id&) = default;
};

using ProcuratorateId = Id<struct ProcuratorateTag>;
using DepartmentId = Id<struct DepartmentTag>;
using PersonId = Id<struct PersonTag>;
using UnitId = Id<struct UnitTag>;
using UserId = Id<struct UserTag>;

}  // namespace zeren
