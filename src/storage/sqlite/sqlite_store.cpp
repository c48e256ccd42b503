#include "storage/sqlite/sqlite_store.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <filesystem>

#include "storage/sql/schema.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sqlite {

using sql::guarded;

void settle_statement(soci::statement& st) {
  auto* backend = static_cast<soci::sqlite3_statement_backend*>(st.get_backend());
  if (backend && backend->stmt_) sqlite_api::sqlite3_reset(backend->stmt_);
}

SqliteStore::SqliteStore(std::unique_ptr<soci::session> sql, audit::HashAlgorithm hash)
    : sql_(std::move(sql)),
      statements_(std::make_unique<sql::StatementCache>(*sql_, settle_statement)),
      hash_(hash) {}

SqliteStore::~SqliteStore() = default;

// SQLite has one writer at a time for the whole file: every transaction takes it first, whatever
// it is expected to do.
Status SqliteStore::transact(const std::function<Status(Transaction&)>& work, Access) {
  std::lock_guard lock(mu_);
  auto& sql = *sql_;
  ZEREN_TRY(guarded([&] {
    sql << "BEGIN IMMEDIATE";
    return ok_status();
  }));
  sql::NoChainLock chain;  // BEGIN IMMEDIATE already holds the only write lock
  sql::SqlTransaction tx(sql, *statements_, hash_, sql::Backend::sqlite, chain);
  return sql::finish(sql, *statements_, guarded([&] { return work(tx); }));
}

namespace {

sqlite_api::sqlite3* raw_connection(soci::session& sql) {
  return static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
}

void run_script(soci::session& sql, const std::string& script) {
  char* err = nullptr;
  if (sqlite_api::sqlite3_exec(raw_connection(sql), script.c_str(), nullptr, nullptr, &err) !=
      SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite_api::sqlite3_free(err);
    throw std::runtime_error(msg);
  }
}

}  // namespace

Result<OpenedStore> open(const StoreOptions& options) {
  namespace fs = std::filesystem;
  const bool exists = fs::exists(options.database);
  if (!exists && !options.create)
    return Error::not_found("db", "no database at " + options.database + " (run zeren init first)");

  OpenedStore opened;
  opened.created = !exists;
  auto session = std::make_unique<soci::session>();
  auto& sql = *session;
  ZEREN_TRY(guarded([&] {
    sql.open(soci::sqlite3, "db=\"" + options.database + "\" timeout=10");
    sql << "PRAGMA journal_mode=WAL";
    sql << "PRAGMA foreign_keys=ON";
    sql << "PRAGMA synchronous=FULL";
    return ok_status();
  }));
  const sql::SchemaAccess access{sql::Backend::sqlite,
                                 [&](const std::string& s) { run_script(sql, s); },
                                 [&] { sql << "BEGIN IMMEDIATE"; }};
  ZEREN_TRY(sql::migrate(sql, access, opened));
  ZEREN_TRY(sql::settle_chain_hash(sql, options, opened));
  opened.store = std::make_unique<SqliteStore>(std::move(session), opened.hash);
  return opened;
}

}  // namespace zeren::sqlite
