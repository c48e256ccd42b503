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

TEST_F(StatementCacheTest, AReadStoppedAtItsFirstRowIsSettledBeforeTheTransactionEnds) {
  sql::StatementCache cache(sql_, sqlite::settle_statement);
  for (int k = 1; k <= 3; ++k) {
    const std::string v = "v" + std::to_string(k);
    sql_ << "INSERT INTO t (k, v) VALUES (:k, :v)", use(k), use(v);
  }
  int k = 0;
  sql_ << "BEGIN";
  ASSERT_TRUE(cache.run("SELECT k FROM t ORDER BY k", into(k)));  // two rows left unread
  auto* raw = static_cast<soci::sqlite3_session_backend*>(sql_.get_backend())->conn_;
  EXPECT_NE(sqlite_api::sqlite3_next_stmt(raw, nullptr), nullptr);
  bool busy = false;
  for (auto* s = sqlite_api::sqlite3_next_stmt(raw, nullptr); s;
       s = sqlite_api::sqlite3_next_stmt(raw, s))
    busy = busy || sqlite_api::sqlite3_stmt_busy(s);
  EXPECT_TRUE(busy);
  cache.settle();
  busy = false;
  for (auto* s = sqlite_api::sqlite3_next_stmt(raw, nullptr); s;
       s = sqlite_api::sqlite3_next_stmt(raw, s))
    busy = busy || sqlite_api::sqlite3_stmt_busy(s);
  EXPECT_FALSE(busy);
  sql_ << "COMMIT";
}

}  // namespace
}  // namespace zeren
