// Database exceptions as errors, for both backends. The database's own wording stays out of what a
// person sees; the column they chose is named.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "storage/sql/sql_transaction.hpp"

namespace zeren::sql {

namespace {

// SQLite: "… UNIQUE constraint failed: unit.department_id, unit.name …" → "name", the last
// column of the breached key.
std::string sqlite_breached_column(const std::string& what) {
  const std::string marker = "UNIQUE constraint failed: ";
  auto at = what.find(marker);
  if (at == std::string::npos) return {};
  std::string rest = what.substr(at + marker.size());
  std::string last;
  std::size_t i = 0;
  while (i < rest.size()) {
    const std::size_t end = rest.find_first_of(", \n\r", i);
    last = rest.substr(i, end == std::string::npos ? std::string::npos : end - i);
    if (end == std::string::npos || rest.compare(end, 2, ", ") != 0) break;
    i = end + 2;
  }
  return last.substr(last.find('.') + 1);
}

// PostgreSQL: "… DETAIL:  Key (department_id, name)=(3, 一组) already exists." → "name".
std::string postgres_breached_column(const std::string& what) {
  const std::string marker = "Key (";
  auto at = what.find(marker);
  if (at == std::string::npos) return {};
  auto close = what.find(")=", at);
  if (close == std::string::npos) return {};
  std::string columns = what.substr(at + marker.size(), close - at - marker.size());
  auto comma = columns.rfind(", ");
  return comma == std::string::npos ? columns : columns.substr(comma + 2);
}

Error duplicate(const std::string& column) {
  return Error::conflict(
      "already_exists",
      "已存在相同的" + column + " (a record with this " + column + " already exists)", column);
}

Error dangling() {
  return Error::conflict("reference_violation", "refers to something that does not exist");
}

Error sqlite_error(const std::string& what) {
  if (what.find("UNIQUE constraint failed") != std::string::npos)
    return duplicate(sqlite_breached_column(what));
  if (what.find("FOREIGN KEY constraint failed") != std::string::npos) return dangling();
  return Error::storage(what);
}

}  // namespace

Error transaction_retry(const std::string& why) {
  return Error{
      ErrorKind::unavailable, std::string(kRetryCode),
      "数据正被其他请求修改，请重试 (the data changed under this request; try again): " + why, ""};
}

Status guarded(const std::function<Status()>& f) {
  try {
    return f();
  } catch (const soci::postgresql_soci_error& e) {
    const std::string state = e.sqlstate(), what = e.what();
    if (state == "23505") return duplicate(postgres_breached_column(what));
    if (state == "23503") return dangling();
    // serialization_failure, deadlock_detected: run the whole transaction again.
    if (state == "40001" || state == "40P01") return transaction_retry(what);
    return Error::storage(what);
  } catch (const soci::sqlite3_soci_error& e) {
    // A read-only connection asked to write: SqliteStore runs the transaction on the writer.
    if ((e.result() & 0xff) == SQLITE_READONLY)
      return Error{ErrorKind::storage, std::string(kReadOnlyCode), e.what(), ""};
    return sqlite_error(e.what());
  } catch (const soci::soci_error& e) {
    return sqlite_error(e.what());
  } catch (const std::exception& e) {
    return Error::storage(e.what());
  }
}

}  // namespace zeren::sql
