#include "raw_sqlite_baseline.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <string>

#include "storage/sqlite/sqlite_store.hpp"

namespace zeren::bench {

namespace {

class Database {
 public:
  explicit Database(const std::string& path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE;
    // SQLite's own file layer, as any program using SQLite gets it: not the one the store
    // installs as the process's default (src/storage/sqlite/coalescing_vfs.cpp).
    if (sqlite3_open_v2(path.c_str(), &db_, flags, "unix") != SQLITE_OK) fail("open " + path);
    sqlite3_busy_timeout(db_, 10'000);  // as the store's session
  }
  ~Database() { sqlite3_close_v2(db_); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
  }
  // A single-value query, such as a PRAGMA that answers.
  std::string text(const char* sql) {
    Statement st(*this, sql);
    if (sqlite3_step(st.get()) != SQLITE_ROW) fail(sql);
    const auto* v = sqlite3_column_text(st.get(), 0);
    return v ? reinterpret_cast<const char*>(v) : "";
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("sqlite: " + what + ": " + sqlite3_errmsg(db_));
  }
  sqlite3* get() const { return db_; }

  class Statement {
   public:
    Statement(Database& db, const char* sql) : db_(db) {
      if (sqlite3_prepare_v2(db.get(), sql, -1, &st_, nullptr) != SQLITE_OK) db.fail(sql);
    }
    ~Statement() { sqlite3_finalize(st_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    sqlite3_stmt* get() const { return st_; }
    // Runs a statement that returns no rows, then resets it for the next use.
    void run() {
      const int rc = sqlite3_step(st_);
      sqlite3_reset(st_);
      if (rc != SQLITE_DONE) db_.fail(sqlite3_sql(st_));
    }
    void bind(int index, const std::string& value) {
      if (sqlite3_bind_text(st_, index, value.data(), static_cast<int>(value.size()),
                            SQLITE_TRANSIENT) != SQLITE_OK)
        db_.fail("bind");
    }
    void bind(int index, long long value) {
      if (sqlite3_bind_int64(st_, index, value) != SQLITE_OK) db_.fail("bind");
    }

   private:
    Database& db_;
    sqlite3_stmt* st_ = nullptr;
  };

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace

TimedTransactions raw_insert_baseline(const std::string& path, int count) {
  Database db(path);
  if (db.text("PRAGMA journal_mode=WAL") != "wal") db.fail("journal_mode=WAL refused");
  db.exec("PRAGMA foreign_keys=ON");
  db.exec("PRAGMA synchronous=FULL");
  const std::string checkpoint =
      "PRAGMA wal_autocheckpoint=" + std::to_string(sqlite::kWalCheckpointPages);
  db.exec(checkpoint.c_str());
  db.exec(
      "CREATE TABLE intake_row (id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, "
      "received_on TEXT NOT NULL, party TEXT NOT NULL, source_org TEXT NOT NULL, "
      "source_doc_no TEXT NOT NULL, created_at_us INTEGER NOT NULL)");

  Database::Statement begin(db, "BEGIN IMMEDIATE");
  Database::Statement insert(db,
                             "INSERT INTO intake_row (number, received_on, party, source_org, "
                             "source_doc_no, created_at_us) VALUES (?, ?, ?, ?, ?, ?)");
  Database::Statement commit(db, "COMMIT");
  const std::string received_on = "2026-11-26";
  const std::string party = "测试当事人";
  const std::string source_org = "嘉峪关市公安局";

  TimedTransactions out;
  out.latencies_ms.reserve(static_cast<std::size_t>(count));
  const auto start = SteadyClock::now();
  for (int i = 1; i <= count; ++i) {
    const auto t0 = SteadyClock::now();
    begin.run();
    insert.bind(1, "嘉检刑诉受〔2026〕" + std::to_string(i) + "号");
    insert.bind(2, received_on);
    insert.bind(3, party);
    insert.bind(4, source_org);
    insert.bind(5, "嘉公诉字〔2026〕" + std::to_string(i) + "号");
    insert.bind(6, static_cast<long long>(i));
    insert.run();
    commit.run();
    out.latencies_ms.push_back(seconds_since(t0) * 1000.0);
  }
  out.rate.operations = static_cast<std::uint64_t>(count);
  out.rate.seconds = seconds_since(start);
  return out;
}

std::string sqlite_version() { return sqlite3_libversion(); }

}  // namespace zeren::bench
