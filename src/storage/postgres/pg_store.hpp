// The PostgreSQL store, for several `zeren serve` instances on one database (SPEC §18). It keeps a
// few connections, each running one transaction at a time at READ COMMITTED, and makes the
// instances behave as one:
//   - the audit chain is the one serial point: a transaction takes the chain's advisory lock
//     before it reads or extends the head (ChainLock) and keeps it until it ends, so every change
//     is appended in one order with no fork;
//   - a transaction expected to change data (Access::changes) takes the lock first, waiting
//     while holding nothing;
//   - any other first runs without the lock and only tries for it when it reaches the chain;
//     if another transaction holds it, or another server committed a change since this one began
//     (so what it read may be stale), it runs again from the start with the lock taken first,
//     waiting while holding nothing, so the second run cannot lose again and cannot deadlock
//     with the lock's holder;
//   - a view (Access::views: an HTTP GET) skips even noting the chain's length as it begins; one
//     that reaches the chain after all cannot know whether it read stale data, and runs again;
//   - a serialisation failure or deadlock reported by PostgreSQL runs the transaction again too;
//     each run starts from nothing (the work closure keeps no state between runs);
//   - counters (case and document numbers) advance by one row update inside the transaction, so a
//     rolled-back transaction leaves no gap.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "audit/record.hpp"
#include "domain/ports.hpp"
#include "storage/open_store.hpp"

namespace soci {
class session;
}
namespace zeren::sql {
struct Connection;
class ConnectionPool;
}  // namespace zeren::sql

namespace zeren::postgres {

class PgStore final : public Store {
 public:
  PgStore(std::vector<std::unique_ptr<soci::session>> connections, audit::HashAlgorithm hash);
  ~PgStore() override;
  using Store::transact;
  Status transact(const std::function<Status(Transaction&)>& work, Access access) override;

 private:
  // `note_chain`: read the chain's length as it begins (all but Access::views).
  Status attempt(sql::Connection& c, const std::function<Status(Transaction&)>& work,
                 bool lock_first, bool note_chain);

  std::unique_ptr<sql::ConnectionPool> pool_;
  audit::HashAlgorithm hash_;
};

// Opens the database at options.database (a postgresql:// URL), creating it when options.create
// and it does not exist; refuses a database whose encoding is not UTF8 or whose collation is not C
// (the order of names must be the same as on SQLite).
Result<OpenedStore> open(const StoreOptions& options);

// The URL with its password replaced by ***, for messages.
std::string redacted(const std::string& url);

// The URL as libpq's key='value' pairs (SOCI reads its own options out of a connection string
// and mangles a URL), parsed by libpq itself.
Result<std::string> conninfo_of(const std::string& url);

}  // namespace zeren::postgres
