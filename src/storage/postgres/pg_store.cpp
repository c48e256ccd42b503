#include "storage/postgres/pg_store.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <random>
#include <thread>

#include "storage/sql/connection_pool.hpp"
#include "storage/sql/schema.hpp"
#include "storage/sql/sql_transaction.hpp"

namespace zeren::postgres {

using sql::guarded;

namespace {

// Advisory lock keys (one 64-bit space per database): the audit chain, and schema migrations.
constexpr long long kChainLockKey = 0x7a6572656e01;  // "zeren" 01
constexpr long long kMigrationLockKey = 0x7a6572656e02;

// A transaction runs at most this many times; the runs after the first take the chain lock first,
// so only deadlocks and serialisation failures can make them fail again.
constexpr int kAttempts = 8;

long long chain_length(soci::session& sql) {
  long long n = 0;
  sql << "SELECT COALESCE(MAX(seq), 0) FROM audit_log", soci::into(n);
  return n;
}

void lock_chain(soci::session& sql) {
  sql << "SELECT pg_advisory_xact_lock(" + std::to_string(kChainLockKey) + ")";
}

// ChainLock for one run of a transaction: `seen` is the chain's length when the run began.
class PgChainLock final : public sql::ChainLock {
 public:
  PgChainLock(soci::session& sql, long long seen, bool held)
      : sql_(sql), seen_(seen), held_(held) {}
  Status hold() override {
    if (held_) return ok_status();
    // Not waiting: this run may hold row locks (a number counter) that the chain's holder needs
    // next, and waiting for it here would deadlock. A busy chain sends the run round again with the
    // lock taken first, holding nothing while it waits.
    int got = 0;
    long long now = 0;
    ZEREN_TRY(guarded([&] {
      sql_ << "SELECT CASE WHEN pg_try_advisory_xact_lock(" + std::to_string(kChainLockKey) +
                  ") THEN 1 ELSE 0 END",
          soci::into(got);
      if (got) now = chain_length(sql_);
      return ok_status();
    }));
    if (!got) return sql::transaction_retry("another transaction is extending the audit chain");
    held_ = true;
    if (now != seen_)
      return sql::transaction_retry("the audit chain grew from " + std::to_string(seen_) + " to " +
                                    std::to_string(now) + " while this transaction read");
    return ok_status();
  }

 private:
  soci::session& sql_;
  long long seen_;
  bool held_;
};

// A short random pause before running again after a deadlock, so the two do not meet again.
void back_off(int attempt) {
  thread_local std::minstd_rand rng{std::random_device{}()};
  std::uniform_int_distribution<int> ms(1, 5 * attempt);
  std::this_thread::sleep_for(std::chrono::milliseconds(ms(rng)));
}

}  // namespace

PgStore::PgStore(std::vector<std::unique_ptr<soci::session>> connections, audit::HashAlgorithm hash)
    : pool_(std::make_unique<sql::ConnectionPool>(std::move(connections))), hash_(hash) {}

PgStore::~PgStore() = default;

Status PgStore::attempt(sql::Connection& c, const std::function<Status(Transaction&)>& work,
                        bool lock_first, bool note_chain) {
  soci::session& sql = *c.sql;
  // A view (Access::views) does not read the chain's length, a round trip on every page: if it
  // reaches the chain after all, an unknown length sends it round again with the lock first.
  long long seen = -1;
  auto begin = [&] {
    sql << "BEGIN";
    if (lock_first) lock_chain(sql);
    if (lock_first || note_chain) seen = chain_length(sql);
    return ok_status();
  };
  if (!guarded(begin)) {
    // A connection the server dropped (restart, fail-over) is opened again once.
    // Its prepared statements went with it.
    c.statements->clear();
    ZEREN_TRY(guarded([&] {
      sql.reconnect();
      return begin();
    }));
  }
  PgChainLock chain(sql, seen, lock_first);
  sql::SqlTransaction tx(sql, *c.statements, hash_, sql::Backend::postgresql, chain);
  return sql::finish(sql, *c.statements, guarded([&] { return work(tx); }));
}

Status PgStore::transact(const std::function<Status(Transaction&)>& work, Access access) {
  auto connection = pool_->take();
  Status result = ok_status();
  for (int run = 1; run <= kAttempts; ++run) {
    result =
        attempt(*connection, work, run > 1 || access == Access::changes, access != Access::views);
    if (!sql::is_retry(result)) break;
    if (run > 1) back_off(run);
  }
  pool_->give(std::move(connection));
  if (sql::is_retry(result))
    return Error{
        ErrorKind::unavailable, "busy",
        "服务器繁忙，请稍后重试 (the database stayed busy; try again): " + result.error().message,
        ""};
  return result;
}

std::string redacted(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto at = url.find('@', scheme + 3);
  if (at == std::string::npos) return url;
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

// SOCI reads its own options out of a connection string and mangles a URL, so the URL is handed
// over as libpq's key='value' pairs, parsed by libpq itself.
Result<std::string> conninfo_of(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    std::string why = error ? error : "unreadable";
    PQfreemem(error);
    return Error::invalid("db", "bad_url",
                          "cannot read PostgreSQL URL " + redacted(url) + ": " + why);
  }
  std::string out;
  for (auto* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    std::string quoted;
    for (char c : std::string(o->val)) {
      if (c == '\\' || c == '\'') quoted.push_back('\\');
      quoted.push_back(c);
    }
    out += std::string(out.empty() ? "" : " ") + o->keyword + "='" + quoted + "'";
  }
  PQconninfoFree(options);
  return out;
}

namespace {

struct UrlParts {
  std::string database;     // the name after the last '/' and before '?'
  std::string maintenance;  // the same URL naming the `postgres` database
};

Result<UrlParts> split_url(const std::string& url) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme + 3);
  if (slash == std::string::npos)
    return Error::invalid("db", "bad_url",
                          "PostgreSQL URL must name a database: postgresql://USER@HOST:PORT/DB");
  const auto query = url.find('?', slash);
  UrlParts p;
  p.database =
      url.substr(slash + 1, query == std::string::npos ? std::string::npos : query - slash - 1);
  if (p.database.empty())
    return Error::invalid("db", "bad_url",
                          "PostgreSQL URL must name a database: postgresql://USER@HOST:PORT/DB");
  for (char c : p.database)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
      return Error::invalid("db", "bad_database_name",
                            "database name may hold only letters, digits, _ and -: " + p.database);
  p.maintenance = url.substr(0, slash + 1) + "postgres" +
                  (query == std::string::npos ? std::string() : url.substr(query));
  return p;
}

Result<std::unique_ptr<soci::session>> connect(const std::string& url) {
  auto conninfo = conninfo_of(url);
  if (!conninfo) return conninfo.error();
  auto s = std::make_unique<soci::session>();
  try {
    s->open(soci::postgresql, *conninfo);
    *s << "SET client_min_messages = warning";  // no NOTICE lines on a terminal
    *s << "SET application_name = 'zeren'";
  } catch (const std::exception& e) {
    std::string what = e.what();
    if (what.find("does not exist") != std::string::npos)
      return Error::not_found("db", "no database at " + redacted(url) + " (run zeren init first)");
    return Error{ErrorKind::unavailable, "db_unreachable",
                 "cannot connect to " + redacted(url) + ": " + what, "db"};
  }
  return s;
}

// Creates the database when it is missing; true when it did.
Result<bool> create_if_missing(const UrlParts& parts) {
  auto admin = connect(parts.maintenance);
  if (!admin) return admin.error();
  bool created = false;
  ZEREN_TRY(guarded([&] {
    int n = 0;
    *admin.value() << "SELECT COUNT(*) FROM pg_database WHERE datname = :n",
        soci::use(parts.database), soci::into(n);
    if (n > 0) return ok_status();
    try {
      *admin.value() << "CREATE DATABASE \"" + parts.database +
                            "\" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0";
      created = true;
    } catch (const soci::postgresql_soci_error& e) {
      if (e.sqlstate() != "42P04") throw;  // duplicate_database: another server made it first
    }
    return ok_status();
  }));
  return created;
}

Status check_encoding(soci::session& sql, const std::string& url) {
  std::string encoding, collation;
  ZEREN_TRY(guarded([&] {
    sql << "SELECT pg_encoding_to_char(encoding), datcollate FROM pg_database "
           "WHERE datname = current_database()",
        soci::into(encoding), soci::into(collation);
    return ok_status();
  }));
  if (encoding != "UTF8" || (collation != "C" && collation != "POSIX"))
    return Error::invalid(
        "db", "bad_collation",
        "database at " + redacted(url) + " has encoding " + encoding + " and collation " +
            collation +
            "; Zeren needs UTF8 and C: CREATE DATABASE … ENCODING 'UTF8' "
            "LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0 (or let zeren init create it)");
  return ok_status();
}

void run_script(soci::session& sql, const std::string& script) {
  PGconn* conn = static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_;
  PGresult* r = PQexec(conn, script.c_str());
  const auto status = PQresultStatus(r);
  std::string error = PQresultErrorMessage(r);
  PQclear(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error(error);
}

}  // namespace

Result<OpenedStore> open(const StoreOptions& options) {
  auto parts = split_url(options.database);
  if (!parts) return parts.error();
  OpenedStore opened;
  auto first = connect(options.database);
  // Only a missing database sends `init` to the server's `postgres` database to create it.
  if (!first && first.error().kind == ErrorKind::not_found && options.create) {
    auto created = create_if_missing(*parts);
    if (!created) return created.error();
    opened.created = *created;
    first = connect(options.database);
  }
  if (!first) return first.error();
  auto& sql = **first;
  ZEREN_TRY(check_encoding(sql, options.database));
  const sql::SchemaAccess access{
      sql::Backend::postgresql, [&](const std::string& s) { run_script(sql, s); },
      [&] {
        sql << "BEGIN";
        sql << "SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")";
      }};
  ZEREN_TRY(sql::migrate(sql, access, opened));
  // A database made by hand and migrated here for the first time is new too.
  if (!opened.applied_migrations.empty() && opened.applied_migrations.front() == 1)
    opened.created = true;
  ZEREN_TRY(sql::settle_chain_hash(sql, options, opened));

  std::vector<std::unique_ptr<soci::session>> pool;
  pool.push_back(std::move(*first));
  for (int i = 1; i < std::max(1, options.connections); ++i) {
    auto c = connect(options.database);
    if (!c) return c.error();
    pool.push_back(std::move(*c));
  }
  opened.store = std::make_unique<PgStore>(std::move(pool), opened.hash);
  return opened;
}

}  // namespace zeren::postgres
