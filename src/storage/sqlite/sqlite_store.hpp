// The SQLite store: one connection (WAL, foreign keys on, busy time-out, synchronous=FULL) used by
// one transaction at a time. Transactions start with BEGIN IMMEDIATE so that two writers never
// deadlock on a read-to-write upgrade.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "audit/record.hpp"
#include "domain/ports.hpp"
#include "storage/open_store.hpp"

namespace soci {
class session;
class statement;
}  // namespace soci
namespace zeren::sql {
class StatementCache;
}

namespace zeren::sqlite {

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<soci::session> sql, audit::HashAlgorithm hash);
  ~SqliteStore() override;
  using Store::transact;
  Status transact(const std::function<Status(Transaction&)>& work, Access access) override;

 private:
  std::mutex mu_;
  std::unique_ptr<soci::session> sql_;
  std::unique_ptr<sql::StatementCache> statements_;  // of sql_, so gone before it
  audit::HashAlgorithm hash_;
};

// Ends a prepared statement's pending read: a SELECT that stopped before its last row holds its
// read until it is reset (sql::StatementCache settles each before its transaction ends).
void settle_statement(soci::statement& st);

// Opens (or, with options.create, creates) the database file options.database.
Result<OpenedStore> open(const StoreOptions& options);

}  // namespace zeren::sqlite
