// Opens the database named on the command line (`--db`): an SQLite file or a PostgreSQL URL.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/record.hpp"
#include "domain/ports.hpp"

namespace zeren {

struct StoreOptions {
  // An SQLite file path, or postgresql://USER[:PASSWORD]@HOST:PORT/DB (also postgres://), which
  // libpq reads as it is (query parameters such as ?sslmode=require included).
  std::string database;
  // Create the database if missing (init, demo); otherwise it must exist. A PostgreSQL database is
  // created through the server's `postgres` database with UTF8 and C collation.
  bool create = false;
  // For a new database: the chain hash to use (default SM3). For an existing one it must match
  // what the database was created with, or be empty.
  std::optional<audit::HashAlgorithm> hash;
  // PostgreSQL: connections kept open, each serving one transaction at a time.
  int connections = 4;
  // SQLite: read-only connections beside the one writer, for transactions expected only to read
  // (Access::reads, views), each reading its own snapshot while the writer commits; a read that
  // turns out to write runs again on the writer. 0: every transaction runs on the writer (the
  // tools).
  int readers = 0;
};

// Whether `database` names a PostgreSQL database rather than an SQLite file.
bool is_postgresql_url(const std::string& database);

struct OpenedStore {
  std::unique_ptr<Store> store;
  audit::HashAlgorithm hash = audit::HashAlgorithm::sm3;
  bool created = false;                 // the database was new
  std::vector<int> applied_migrations;  // migrations applied by this open, in order
  int schema_version = 0;
};

// Applies pending migrations in order, each in its own transaction with its record in
// schema_migrations. Refuses to open when the chain hash is not available in this OpenSSL.
Result<OpenedStore> open_store(const StoreOptions& options);

}  // namespace zeren
