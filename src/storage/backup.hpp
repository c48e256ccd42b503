// Backups, one format for both backends: an SQLite database file with Zeren's schema, beside it
// the checkpoint key files (FILE.audit-key, FILE.audit-key.pub). So a backup is also the way to
// move a database between SQLite and PostgreSQL, and `zeren audit verify --db FILE` checks one.
//   - from SQLite: the online backup API, a consistent copy while servers keep writing;
//   - from PostgreSQL: one REPEATABLE READ READ ONLY transaction (a consistent snapshot), its rows
//     copied into a fresh file made by the same migrations;
//   - restore: into a database that does not exist yet or is empty (no audit entries, no
//     organisation), nothing else; the restored database has the same audit head, and no audit
//     entry is added (restoring changes nothing that happened).
#pragma once

#include <cstdint>
#include <string>

#include "storage/open_store.hpp"

namespace zeren {

struct BackupReport {
  std::uint64_t audit_entries = 0;
  std::string audit_head;   // hex; empty for an empty log
  std::uint64_t rows = 0;   // in every table
  std::uint64_t bytes = 0;  // of the backup file
  int schema_version = 0;
  bool key_copied = false;  // the checkpoint key files went with it
};

// Writes a backup of `database` to `out`, which must not exist. Partial output is never left
// under `out`: the file is written under another name and renamed when complete.
Result<BackupReport> backup_database(const std::string& database, const std::string& out);

// Restores the backup `in` into `target.database` (created if missing). Refuses a database that
// already holds data, a backup made by a newer schema, and a key file at the target that differs
// from the backup's.
Result<BackupReport> restore_database(const std::string& in, const StoreOptions& target);

}  // namespace zeren
