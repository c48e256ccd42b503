// Every change made through app/ appends exactly one audit entry in the same transaction; this is
// the one place that builds it.
#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"

namespace zeren::app {

// Before appending, reveals the draw epochs of earlier days (the "first action of a later day").
// Returns the sequence number of the entry.
Result<std::uint64_t> record_change(Transaction& tx, const Context& ctx, std::string action,
                                    std::string subject, std::vector<AuditField> fields);

inline Status as_status(const Result<std::uint64_t>& r) {
  return r ? ok_status() : Status(r.error());
}

// Helpers for audit subjects and list-valued fields ("members.0", "members.1", …).
template <class Tag>
std::string subject(const char* kind, Id<Tag> id) {
  return std::string(kind) + ":" + std::to_string(id.value);
}
void add_list(std::vector<AuditField>& fields, const std::string& key,
              const std::vector<std::string>& values);

}  // namespace zeren::app
