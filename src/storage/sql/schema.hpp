// Opening a database, shared by both stores: bring it to the current schema (each migration in its
// own transaction with its record) and settle the hash its audit chain uses.
#pragma once

#include <functional>
#include <string>

#include "storage/open_store.hpp"
#include "storage/sql/dialect.hpp"

namespace soci {
class session;
}

namespace zeren::sql {

struct SchemaAccess {
  Backend backend;
  // Runs a script of several statements; throws like SOCI.
  std::function<void(const std::string&)> run_script;
  // Starts a migration's transaction so that two servers starting at once apply it once; throws
  // like SOCI.
  std::function<void()> begin;
};

// Applies the pending migrations; fills opened.applied_migrations and opened.schema_version.
Status migrate(soci::session& sql, const SchemaAccess& access, OpenedStore& opened);

// Reads the chain hash a database was created with, or records options.hash (default SM3) for a
// new one; refuses a different hash or one this OpenSSL lacks. Fills opened.hash.
Status settle_chain_hash(soci::session& sql, const StoreOptions& options, OpenedStore& opened);

}  // namespace zeren::sql
