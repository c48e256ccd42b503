#include "storage/sqlite/sqlite_store.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <malloc.h>

#include <filesystem>
#include <mutex>

#include "storage/sql/connection_pool.hpp"
#include "storage/sql/schema.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sqlite/coalescing_vfs.hpp"

namespace zeren::sqlite {

using sql::guarded;

void settle_statement(soci::statement& st) {
  auto* backend = static_cast<soci::sqlite3_statement_backend*>(st.get_backend());
  if (backend && backend->stmt_) sqlite_api::sqlite3_reset(backend->stmt_);
}

SqliteStore::SqliteStore(std::unique_ptr<soci::session> writer,
                         std::vector<std::unique_ptr<soci::session>> readers,
                         audit::HashAlgorithm hash)
    : writer_(std::make_unique<sql::Connection>(std::move(writer), settle_statement)),
      readers_(std::make_unique<sql::ConnectionPool>(std::move(readers), settle_statement)),
      hash_(hash) {}

SqliteStore::~SqliteStore() = default;

// SQLite has one writer at a time for the whole file: a transaction on the writer takes it first,
// whatever it is expected to do.
Status SqliteStore::on_writer(const std::function<Status(Transaction&)>& work) {
  std::lock_guard lock(writer_mu_);
  auto& sql = *writer_->sql;
  ZEREN_TRY(guarded([&] {
    sql << "BEGIN IMMEDIATE";
    return ok_status();
  }));
  sql::NoChainLock chain;  // BEGIN IMMEDIATE already holds the only write lock
  sql::SqlTransaction tx(sql, *writer_->statements, hash_, sql::Backend::sqlite, chain);
  return sql::finish(sql, *writer_->statements, guarded([&] { return work(tx); }));
}

Status SqliteStore::transact(const std::function<Status(Transaction&)>& work, Access access) {
  if (access == Access::changes || readers_->size() == 0) return on_writer(work);
  auto reader = readers_->take();
  auto& sql = *reader->sql;
  Status result = guarded([&] {
    sql << "BEGIN";  // deferred: the snapshot is taken at the first read
    return ok_status();
  });
  if (result) {
    sql::NoChainLock chain;  // nothing it runs can write
    sql::SqlTransaction tx(sql, *reader->statements, hash_, sql::Backend::sqlite, chain);
    result = sql::finish(sql, *reader->statements, guarded([&] { return work(tx); }));
  }
  readers_->give(std::move(reader));
  // It tried to write and was rolled back: the writer runs it from the start.
  if (sql::is_read_only(result)) return on_writer(work);
  return result;
}

namespace {

sqlite_api::sqlite3* raw_connection(soci::session& sql) {
  return static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
}

void run_script(soci::session& sql, const std::string& script) {
  char* err = nullptr;
  if (sqlite_api::sqlite3_exec(raw_connection(sql), script.c_str(), nullptr, nullptr, &err) !=
      SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite_api::sqlite3_free(err);
    throw std::runtime_error(msg);
  }
}

// SQLite keeps a statement's journal (what it undoes should the statement fail halfway) in memory
// in chunks of 64 KiB, taken from the heap as the statement starts writing and given back as it
// ends. An intake runs several such statements. With glibc's defaults the heap then grows past its
// top and is trimmed back at each of them: two system calls and a page fault for every page of the
// chunk as it is touched again, a tenth of an intake's CPU time (docs/BENCHMARKS.md, row 2). A
// process that opens a database keeps up to 4 MiB freed at the heap's top for the next statement,
// and takes blocks under 1 MiB from its heap rather than mapping each on its own.
void keep_freed_memory_for_reuse() {
  static std::once_flag once;
  std::call_once(once, [] {
    mallopt(M_TRIM_THRESHOLD, 4 << 20);
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
  });
}

// The library's own locks and counters, set once per process before its first connection: a
// connection here is only ever used by one thread at a time (the writer under writer_mu_, a reader
// while taken from the pool), so SQLite need not lock one for each call into it (MULTITHREAD, not
// SERIALIZED), and nothing reads its memory statistics, so it need not count each allocation under
// a process-wide lock (MEMSTATUS off). An intake took some 780 of SQLite's locks, now 40, and ran
// a tenth fewer instructions (callgrind, zeren_bench_intake). Should the library already be
// initialised by the time this runs, both calls fail and SQLite keeps its defaults: safe, slower.
void configure_library() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

}  // namespace

Result<OpenedStore> open(const StoreOptions& options) {
  keep_freed_memory_for_reuse();
  configure_library();
  coalesce_wal_writes();
  namespace fs = std::filesystem;
  const bool exists = fs::exists(options.database);
  if (!exists && !options.create)
    return Error::not_found("db", "no database at " + options.database + " (run zeren init first)");

  OpenedStore opened;
  opened.created = !exists;
  auto session = std::make_unique<soci::session>();
  auto& sql = *session;
  ZEREN_TRY(guarded([&] {
    sql.open(soci::sqlite3, "db=\"" + options.database + "\" timeout=10");
    sql << "PRAGMA journal_mode=WAL";
    sql << "PRAGMA foreign_keys=ON";
    sql << "PRAGMA synchronous=FULL";
    // The writer copies the WAL back into the database once it holds 4,000 pages (16 MiB), not
    // SQLite's 1,000. A checkpoint costs a read and a write call per distinct page and two fsyncs,
    // and an intake's 25 pages are mostly the same few leaves again, so checkpoints four times as
    // far apart cost little more each: at 1,000 the commits that ran one took 12 % of an intake
    // run's time, at 4,000 5 % (docs/architecture.md). After each checkpoint the WAL is written
    // again from its start, so the file stays about that size.
    sql << "PRAGMA wal_autocheckpoint=" + std::to_string(kWalCheckpointPages);
    return ok_status();
  }));
  const sql::SchemaAccess access{sql::Backend::sqlite,
                                 [&](const std::string& s) { run_script(sql, s); },
                                 [&] { sql << "BEGIN IMMEDIATE"; }};
  ZEREN_TRY(sql::migrate(sql, access, opened));
  ZEREN_TRY(sql::settle_chain_hash(sql, options, opened));
  std::vector<std::unique_ptr<soci::session>> readers;
  for (int i = 0; i < options.readers; ++i) {
    auto reader = std::make_unique<soci::session>();
    ZEREN_TRY(guarded([&] {
      reader->open(soci::sqlite3, "db=\"" + options.database + "\" timeout=10");
      *reader << "PRAGMA query_only=ON";  // a write fails with SQLITE_READONLY
      return ok_status();
    }));
    readers.push_back(std::move(reader));
  }
  opened.store = std::make_unique<SqliteStore>(std::move(session), std::move(readers), opened.hash);
  return opened;
}

}  // namespace zeren::sqlite
