// Opens the database named on the command line (`--db`): today an SQLite file path.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/record.hpp"
#include "domain/ports.hpp"

namespace zeren {

struct StoreOptions {
  std::string database;  // SQLite file path
  bool create = false;   // create the file if missing (init); otherwise it must exist
  // For a new database: the chain hash to use (default SM3). For an existing one it must match
  // what the database was created with, or be empty.
  std::optional<audit::HashAlgorithm> hash;
};

struct OpenedStore {
  std::unique_ptr<Store> store;
  audit::HashAlgorithm hash = audit::HashAlgorithm::sm3;
  bool created = false;                  // the database was new
  std::vector<int> applied_migrations;   // migrations applied by this open, in order
  int schema_version = 0;
};

// Applies pending migrations in order, each in its own transaction with its record in
// schema_migrations. Refuses to open when the chain hash is not available in this OpenSSL.
Result<OpenedStore> open_store(const StoreOptions& options);

}  // namespace zeren
