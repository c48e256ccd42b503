// The SQLite store: one writing connection (WAL, foreign keys on, busy time-out, synchronous=FULL,
// a checkpoint every kWalCheckpointPages)
// used by one transaction at a time; its transactions start with BEGIN IMMEDIATE so that two
// writers never deadlock on a read-to-write upgrade. Beside it, for `zeren serve`, a few
// read-only connections (query_only) serve the transactions expected only to read, each at its own
// snapshot and none waiting for the writer; one that tries to write is rolled back and run again
// on the writer, so the outcome never depends on where it ran.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "audit/record.hpp"
#include "domain/ports.hpp"
#include "storage/open_store.hpp"

namespace soci {
class session;
class statement;
}  // namespace soci
namespace zeren::sql {
struct Connection;
class ConnectionPool;
}  // namespace zeren::sql

namespace zeren::sqlite {

// The writer copies the WAL back into the database once it holds this many pages (SQLite's own
// default is 1,000; sqlite_store.cpp says why). The durable-intake benchmark's raw baseline uses
// it too, as it uses the store's other settings.
inline constexpr int kWalCheckpointPages = 4000;

class SqliteStore final : public Store {
 public:
  // `readers`: read-only connections for Access::reads and views (StoreOptions::readers).
  SqliteStore(std::unique_ptr<soci::session> writer,
              std::vector<std::unique_ptr<soci::session>> readers, audit::HashAlgorithm hash);
  ~SqliteStore() override;
  using Store::transact;
  Status transact(const std::function<Status(Transaction&)>& work, Access access) override;

  Status on_writer(const std::function<Status(Transaction&)>& work);

  std::mutex writer_mu_;
  std::unique_ptr<sql::Connection> writer_;
  std::unique_ptr<sql::ConnectionPool> readers_;
  audit::HashAlgorithm hash_;
};

// Ends a prepared statement's pending read: a SELECT that stopped before its last row holds its
// read until it is reset (sql::StatementCache settles each before its transaction ends).
void settle_statement(soci::statement& st);

// Opens (or, with options.create, creates) the database file options.database.
Result<OpenedStore> open(const StoreOptions& options);

}  // namespace zeren::sqlite
