// The connection's prepared statements: one statement per query text, run again with new values,
// a failed run not poisoning the next, and a stopped read settled before the transaction ends.
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "storage/sql/statement_cache.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace zeren {
namespace {

using soci::into;
using soci::use;

class StatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("zeren-statements-" + std::to_string(::getpid()) + ".db"))
                .string();
    std::filesystem::remove(path_);
    sql_.open(soci::sqlite3, "db=\"" + path_ + "\"");
    sql_ << "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)";
  }
  void TearDown() override {
    sql_.close();
    std::filesystem::remove(path_);
  }
  std::string path_;
  soci::session sql_;
};

TEST_F(StatementCacheTest, OneQueryTextIsPreparedOnceAndRunWithEachCallsValues) {
  sql::StatementCache cache(sql_, sqlite::settle_statement);
  for (int k = 1; k <= 3; ++k) {
    const std::string v = "v" + std::to_string(k);
    cache.run("INSERT INTO t (k, v) VALUES (:k, :v)", use(k), use(v));
  }
  EXPECT_EQ(cache.size(), 1u);
  std::string v;
  for (int k = 3; k >= 1; --k) {
    EXPECT_TRUE(cache.run("SELECT v FROM t WHERE k = :k", use(k), into(v)));
    EXPECT_EQ(v, "v" + std::to_string(k));
  }
  int missing = 9;
  EXPECT_FALSE(cache.run("SELECT v FROM t WHERE k = :k", use(missing), into(v)));
  EXPECT_EQ(cache.size(), 2u);

  // A loop over rows through a cached statement.
  int k = 0;
  soci::statement& st = cache.bind("SELECT k FROM t ORDER BY k", into(k));
  st.execute();
  std::string seen;
  while (st.fetch()) seen += std::to_string(k);
  EXPECT_EQ(seen, "123");
}

TEST_F(StatementCacheTest, AFailedRunLeavesTheNextOneWorking) {
  sql::StatementCache cache(sql_, sqlite::settle_statement);
  int k = 1;
  std::string v = "same";
  cache.run("INSERT INTO t (k, v) VALUES (:k, :v)", use(k), use(v));
  k = 2;
  EXPECT_THROW(cache.run("INSERT INTO t (k, v) VALUES (:k, :v)", use(k), use(v)), soci::soci_error);
  v = "other";
  cache.run("INSERT INTO t (k, v) VALUES (:k, :v)", use(k), use(v));
  long long n = 0;
  sql_ << "SELECT COUNT(*) FROM t", into(n);
  EXPECT_EQ(n, 2);
}

// A kept statement is bound once to values the cache holds: each run takes the values as they are
// set then; one that fails is dropped and bound afresh, and the next run works.
TEST_F(StatementCacheTest, AKeptStatementRunsWithTheValuesSetBeforeEachRun) {
  sql::StatementCache cache(sql_, sqlite::settle_statement);
  struct Row {
    int k = 0;
    std::string v;
  };
  const std::string insert = "INSERT INTO t (k, v) VALUES (:k, :v)";
  int binds = 0;
  const auto bind = [&binds](soci::statement& st, Row& row) {
    ++binds;
    st.exchange(use(row.k));
    st.exchange(use(row.v));
  };
  for (int k = 1; k <= 3; ++k) {
    auto kept = cache.kept<Row>(insert, bind);
    kept.values = {k, "v" + std::to_string(k)};
    cache.execute_kept(insert, kept.statement);
  }
  EXPECT_EQ(binds, 1);
  EXPECT_EQ(cache.size(), 1u);

  auto again = cache.kept<Row>(insert, bind);
  EXPECT_EQ(again.values.k, 3);  // the values stay as the last run set them
  again.values.k = 4;            // "v3" again: the UNIQUE constraint refuses it
  EXPECT_THROW(cache.execute_kept(insert, again.statement), soci::soci_error);
  EXPECT_EQ(cache.size(), 0u);
  auto fresh = cache.kept<Row>(insert, bind);
  EXPECT_EQ(binds, 2);
  fresh.values = {4, "v4"};
  cache.execute_kept(insert, fresh.statement);

  std::string seen;
  soci::rowset<soci::row> rows = (sql_.prepare << "SELECT k, v FROM t ORDER BY k");
  for (const auto& row : rows)
    seen += std::to_string(row.get<int>(0)) + "=" + row.get<std::string>(1) + " ";
  EXPECT_EQ(seen, "1=v1 2=v2 3=v3 4=v4 ");
}

bool any_busy(soci::session& sql) {
  auto* raw = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
  bool busy = false;
  for (auto* s = sqlite_api::sqlite3_next_stmt(raw, nullptr); s;
       s = sqlite_api::sqlite3_next_stmt(raw, s))
    busy = busy || sqlite_api::sqlite3_stmt_busy(s);
  return busy;
}

TEST_F(StatementCacheTest, AReadStoppedAtItsFirstRowIsSettledBeforeTheTransactionEnds) {
  sql::StatementCache cache(sql_, sqlite::settle_statement);
  for (int k = 1; k <= 3; ++k) {
    const std::string v = "v" + std::to_string(k);
    sql_ << "INSERT INTO t (k, v) VALUES (:k, :v)", use(k), use(v);
  }
  int k = 0;
  sql_ << "BEGIN";
  soci::statement& st = cache.bind("SELECT k FROM t ORDER BY k", into(k));
  st.execute();
  ASSERT_TRUE(st.fetch());  // two rows left unread
  EXPECT_TRUE(any_busy(sql_));
  cache.settle();
  EXPECT_FALSE(any_busy(sql_));
  sql_ << "COMMIT";
}

// A write that returns a row (an upsert's RETURNING, as a case number's counter) is finished when
// run() returns, its write kept: unfinished, SQLite would keep its statement journal open to the
// end of the transaction and copy there every page written after it (an intake's 160 KiB).
TEST_F(StatementCacheTest, ARunFinishesItsStatementAndKeepsWhatItWrote) {
  sql::StatementCache cache(sql_, sqlite::settle_statement);
  sql_ << "BEGIN";
  int k = 1, serial = 0;
  const std::string v = "counter";
  for (int i = 1; i <= 2; ++i) {
    ASSERT_TRUE(
        cache.run("INSERT INTO t (k, v) VALUES (:k, :v) ON CONFLICT (k) DO UPDATE "
                  "SET v = t.v || '+' RETURNING length(v)",
                  use(k), use(v), into(serial)));
    EXPECT_FALSE(any_busy(sql_));
  }
  EXPECT_EQ(serial, 8);  // "counter+"
  sql_ << "COMMIT";
  std::string stored;
  sql_ << "SELECT v FROM t WHERE k = 1", into(stored);
  EXPECT_EQ(stored, "counter+");
}

}  // namespace
}  // namespace zeren
