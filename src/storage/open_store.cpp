#include "storage/open_store.hpp"

#include "storage/postgres/pg_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace zeren {

bool is_postgresql_url(const std::string& database) {
  return database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0;
}

Result<OpenedStore> open_store(const StoreOptions& options) {
  if (options.database.empty()) return Error::invalid("db", "required", "--db is required");
  return is_postgresql_url(options.database) ? postgres::open(options) : sqlite::open(options);
}

}  // namespace zeren
