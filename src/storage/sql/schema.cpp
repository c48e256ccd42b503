#include "storage/sql/schema.hpp"

#include <soci/soci.h>

#include "storage/sql/migrations.hpp"
#include "storage/sql/sql_transaction.hpp"

namespace zeren::sql {

namespace {

int current_schema_version(soci::session& sql) {
  int version = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_null ? 0 : version;
}

}  // namespace

Status migrate(soci::session& sql, const SchemaAccess& access, OpenedStore& opened) {
  ZEREN_TRY(guarded([&] {
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
           "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)";
    return ok_status();
  }));
  for (const auto& m : migrations()) {
    auto applied = guarded([&]() -> Status {
      access.begin();
      if (current_schema_version(sql) >= m.version) {
        sql << "ROLLBACK";
        return ok_status();
      }
      try {
        // A migration may have nothing to do on one backend; it is still recorded there.
        const std::string script = script_for(m, access.backend);
        if (!script.empty()) access.run_script(script);
      } catch (const std::exception& e) {
        sql << "ROLLBACK";
        return Error::storage("migration " + std::to_string(m.version) + " (" +
                              std::string(m.name) + ") failed: " + e.what());
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
  return guarded([&] {
    opened.schema_version = current_schema_version(sql);
    return ok_status();
  });
}

Status settle_chain_hash(soci::session& sql, const StoreOptions& options, OpenedStore& opened) {
  std::string stored;
  auto read = [&] {
    return guarded([&] {
      soci::indicator ind = soci::i_ok;
      sql << "SELECT value FROM meta WHERE key = 'audit.hash'", soci::into(stored, ind);
      if (!sql.got_data()) stored.clear();
      return ok_status();
    });
  };
  ZEREN_TRY(read());
  if (stored.empty()) {
    const auto chosen = options.hash.value_or(audit::HashAlgorithm::sm3);
    ZEREN_TRY(audit::check_available(chosen));
    const std::string name(audit::name_of(chosen));
    // Two servers creating one database at once: the first one's choice stands.
    ZEREN_TRY(guarded([&] {
      sql << "INSERT INTO meta (key, value) VALUES ('audit.hash', :v) ON CONFLICT (key) DO NOTHING",
          soci::use(name);
      return ok_status();
    }));
    ZEREN_TRY(read());
  }
  auto parsed = audit::parse_algorithm(stored);
  if (!parsed) return Error{ErrorKind::corruption, "bad_meta", "unknown audit.hash in meta", "db"};
  if (options.hash && *options.hash != *parsed)
    return Error::invalid(
        "hash", "hash_fixed",
        "this database chains its audit log with " + stored + "; the hash cannot change");
  ZEREN_TRY(audit::check_available(*parsed));
  opened.hash = *parsed;
  return ok_status();
}

}  // namespace zeren::sql
