#include "app/record_change.hpp"

#include "app/draws.hpp"

namespace zeren::app {

Result<std::uint64_t> record_change(Transaction& tx, const Context& ctx, std::string action,
                                    std::string subject, std::vector<AuditField> fields) {
  ZEREN_TRY(close_past_epochs(tx, ctx));
  AuditEvent e{ctx.clock.now_us(), ctx.actor.id, std::move(action), std::move(subject),
               std::move(fields)};
  auto appended = tx.audit().append(std::move(e));
  if (!appended) return appended.error();
  return appended->seq;
}

void add_list(std::vector<AuditField>& fields, const std::string& key,
              const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < values.size(); ++i)
    fields.push_back({key + "." + std::to_string(i), values[i]});
}

}  // namespace zeren::app
