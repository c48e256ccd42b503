#include <soci/soci.h>

#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

namespace {

Status exec(soci::session& sql, const char* statement) {
  return guarded([&] {
    sql << statement;
    return ok_status();
  });
}

}  // namespace

Status finish(soci::session& sql, StatementCache& statements, Status result) {
  statements.settle();
  if (!result) {
    (void)exec(sql, "ROLLBACK");
    return result;
  }
  auto committed = exec(sql, "COMMIT");
  if (committed) return ok_status();
  (void)exec(sql, "ROLLBACK");
  if (is_retry(committed)) return committed;
  return Error::storage("the transaction could not be committed: " + committed.error().message);
}

}  // namespace zeren::sql
