#include "storage/sqlite/sqlite_store.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <filesystem>

#include "storage/open_store.hpp"
#include "storage/sqlite/migrations.hpp"

namespace zeren::sqlite {

namespace {
// "… UNIQUE constraint failed: unit.department_id, unit.name …" → "name": the last column of the
// breached key, which is the one a person chose. The database's own wording stays out of the error.
std::string breached_column(const std::string& what) {
  const std::string marker = "UNIQUE constraint failed: ";
  auto at = what.find(marker);
  if (at == std::string::npos) return {};
  // The columns are "table.column" joined by ", "; the last one ends at a space or the end.
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
}  // namespace

Status guarded(const std::function<Status()>& f) {
  try {
    return f();
  } catch (const soci::soci_error& e) {
    const std::string what = e.what();
    if (what.find("UNIQUE constraint failed") != std::string::npos) {
      const std::string column = breached_column(what);
      return Error::conflict(
          "already_exists",
          "已存在相同的" + column + " (a record with this " + column + " already exists)", column);
    }
    if (what.find("FOREIGN KEY constraint failed") != std::string::npos)
      return Error::conflict("reference_violation", "refers to something that does not exist");
    return Error::storage(what);
  } catch (const std::exception& e) {
    return Error::storage(e.what());
  }
}

SqliteStore::SqliteStore(std::unique_ptr<soci::session> sql, audit::HashAlgorithm hash)
    : sql_(std::move(sql)), hash_(hash) {}

SqliteStore::~SqliteStore() = default;

Status SqliteStore::transact(const std::function<Status(Transaction&)>& work) {
  std::lock_guard lock(mu_);
  auto& sql = *sql_;
  ZEREN_TRY(guarded([&] {
    sql << "BEGIN IMMEDIATE";
    return ok_status();
  }));
  SqliteTransaction tx(sql, hash_);
  Status result = guarded([&] { return work(tx); });
  if (!result) {
    (void)guarded([&] {
      sql << "ROLLBACK";
      return ok_status();
    });
    return result;
  }
  auto committed = guarded([&] {
    sql << "COMMIT";
    return ok_status();
  });
  if (!committed) {
    (void)guarded([&] {
      sql << "ROLLBACK";
      return ok_status();
    });
    return Error::storage("the transaction could not be committed: " + committed.error().message);
  }
  return ok_status();
}

namespace {

sqlite_api::sqlite3* raw(soci::session& sql) {
  return static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
}

Status exec_script(soci::session& sql, std::string_view script) {
  const std::string text(script);
  char* err = nullptr;
  if (sqlite_api::sqlite3_exec(raw(sql), text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite_api::sqlite3_free(err);
    return Error::storage(msg);
  }
  return ok_status();
}

int current_schema_version(soci::session& sql) {
  int version = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_null ? 0 : version;
}

}  // namespace

}  // namespace zeren::sqlite

namespace zeren {

Result<OpenedStore> open_store(const StoreOptions& options) {
  namespace fs = std::filesystem;
  if (options.database.empty()) return Error::invalid("db", "required", "--db is required");
  const bool exists = fs::exists(options.database);
  if (!exists && !options.create)
    return Error::not_found("db", "no database at " + options.database + " (run zeren init first)");

  OpenedStore opened;
  opened.created = !exists;
  auto session = std::make_unique<soci::session>();
  auto& sql = *session;
  ZEREN_TRY(sqlite::guarded([&] {
    sql.open(soci::sqlite3, "db=\"" + options.database + "\" timeout=10");
    sql << "PRAGMA journal_mode=WAL";
    sql << "PRAGMA foreign_keys=ON";
    sql << "PRAGMA synchronous=FULL";
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
           "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)";
    return ok_status();
  }));

  // Migrations: each in its own transaction together with its record.
  for (const auto& m : sqlite::migrations()) {
    auto applied = sqlite::guarded([&]() -> Status {
      sql << "BEGIN IMMEDIATE";
      if (sqlite::current_schema_version(sql) >= m.version) {
        sql << "ROLLBACK";
        return ok_status();
      }
      auto s = sqlite::exec_script(sql, m.sql);
      if (!s) {
        sql << "ROLLBACK";
        return Error::storage("migration " + std::to_string(m.version) + " (" +
                              std::string(m.name) + ") failed: " + s.error().message);
      }
      const std::string name(m.name);
      sql << "INSERT INTO schema_migrations (version, name) VALUES (:v, :n)", soci::use(m.version),
          soci::use(name);
      sql << "COMMIT";
      opened.applied_migrations.push_back(m.version);
      return ok_status();
    });
    if (!applied) return applied.error();
  }

  // The chain hash is chosen once, when the database is created.
  std::string stored_hash;
  ZEREN_TRY(sqlite::guarded([&] {
    soci::indicator ind = soci::i_ok;
    sql << "SELECT value FROM meta WHERE key = 'audit.hash'", soci::into(stored_hash, ind);
    if (!sql.got_data()) stored_hash.clear();
    return ok_status();
  }));
  if (stored_hash.empty()) {
    const auto chosen = options.hash.value_or(audit::HashAlgorithm::sm3);
    ZEREN_TRY(audit::check_available(chosen));
    const std::string name(audit::name_of(chosen));
    ZEREN_TRY(sqlite::guarded([&] {
      sql << "INSERT INTO meta (key, value) VALUES ('audit.hash', :v)", soci::use(name);
      return ok_status();
    }));
    opened.hash = chosen;
  } else {
    auto parsed = audit::parse_algorithm(stored_hash);
    if (!parsed)
      return Error{ErrorKind::corruption, "bad_meta", "unknown audit.hash in meta", "db"};
    if (options.hash && *options.hash != *parsed)
      return Error::invalid(
          "hash", "hash_fixed",
          "this database chains its audit log with " + stored_hash + "; the hash cannot change");
    ZEREN_TRY(audit::check_available(*parsed));
    opened.hash = *parsed;
  }
  ZEREN_TRY(sqlite::guarded([&] {
    opened.schema_version = sqlite::current_schema_version(sql);
    return ok_status();
  }));
  opened.store = std::make_unique<sqlite::SqliteStore>(std::move(session), opened.hash);
  return opened;
}

}  // namespace zeren
