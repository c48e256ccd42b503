#include "app/record_change.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

Status record_initialisation(Transaction& tx, const Context& ctx, const RecordInitialisation& cmd) {
  if (!cmd.created && cmd.applied_migrations.empty()) return ok_status();
  std::vector<std::string> versions;
  for (int v : cmd.applied_migrations) versions.push_back(std::to_string(v));
  std::vector<AuditField> fields{{"hash", cmd.hash},
                                 {"schema_version", std::to_string(cmd.schema_version)}};
  add_list(fields, "migrations", versions);
  ZEREN_TRY(record_change(tx, ctx, cmd.created ? "database.initialise" : "database.migrate",
                          "database", std::move(fields)));
  return ok_status();
}

}  // namespace zeren::app
