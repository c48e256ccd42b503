// The store's file layer (src/storage/sqlite/coalescing_vfs.cpp): a commit's WAL frames reach the
// kernel in one write call, and nothing about what SQLite promises changes: another connection
// sees each commit at once, and a process that dies leaves in its WAL exactly what was committed,
// as SQLite's own recovery reads it.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "raw_sqlite.hpp"
#include "storage/sqlite/coalescing_vfs.hpp"

namespace zeren::testing {
namespace {

namespace fs = std::filesystem;

// write(2) and pwrite(2) calls this process has made (the kernel's count).
long write_calls() {
  std::ifstream io("/proc/self/io");
  std::string key;
  long value = 0;
  while (io >> key >> value)
    if (key == "syscw:") return value;
  return -1;
}

class CoalescingVfs : public ::testing::Test {
 protected:
  void SetUp() override {
    sqlite::coalesce_wal_writes();
    dir_ = fs::temp_directory_path() /
           ("zeren-vfs-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // A WAL database with ten tables, each given a first row, so that one row more in each
  // changes ten pages.
  static void ten_tables(Raw& d) {
    ASSERT_EQ(d.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL"), "");
    for (int t = 0; t < 10; ++t)
      ASSERT_EQ(d.exec("CREATE TABLE t" + std::to_string(t) + "(v TEXT); INSERT INTO t" +
                       std::to_string(t) + " VALUES ('first')"),
                "");
  }
  // The write calls one commit of a row into each of the ten tables took.
  static long calls_for_a_commit_to_ten_tables(Raw& d) {
    std::string sql = "BEGIN;";
    for (int t = 0; t < 10; ++t) sql += "INSERT INTO t" + std::to_string(t) + " VALUES ('next');";
    const long before = write_calls();
    EXPECT_EQ(d.exec(sql + "COMMIT"), "");
    return write_calls() - before;
  }

  fs::path dir_;
};

TEST_F(CoalescingVfs, IsTheDefaultOnceTheStoreInstallsIt) {
  ASSERT_NE(sqlite3_vfs_find(nullptr), nullptr);
  EXPECT_STREQ(sqlite3_vfs_find(nullptr)->zName, "zeren-coalescing");
  EXPECT_NE(sqlite3_vfs_find("unix"), nullptr);  // SQLite's own, which it wraps, is still there
}

TEST_F(CoalescingVfs, ACommitOfTenPagesIsOneWriteCallWhereSqliteAloneMakesTwenty) {
  Raw ours(path("ours.db"), nullptr);
  Raw plain(path("plain.db"), "unix");
  ten_tables(ours);
  ten_tables(plain);
  EXPECT_EQ(calls_for_a_commit_to_ten_tables(ours), 1);
  EXPECT_GE(calls_for_a_commit_to_ten_tables(plain), 20);
  EXPECT_EQ(ours.scalar("SELECT count(*) FROM t9"), "2");
}

TEST_F(CoalescingVfs, AnotherConnectionSeesEveryCommitAtOnceLargeOrSmall) {
  Raw writer(path("shared.db"), nullptr);
  ASSERT_EQ(writer.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                        "CREATE TABLE r(n INTEGER, body BLOB)"),
            "");
  Raw reader(path("shared.db"), "unix");
  long long sum = 0;
  for (int i = 1; i <= 120; ++i) {
    // Every tenth commit is 3 MiB: more than the run held in memory, and than one write call.
    const int bytes = i % 10 == 0 ? 3 << 20 : 100;
    ASSERT_EQ(writer.exec("INSERT INTO r VALUES (" + std::to_string(i) + ", zeroblob(" +
                          std::to_string(bytes) + "))"),
              "");
    sum += i;
    ASSERT_EQ(reader.scalar("SELECT count(*) || ' ' || sum(n) || ' ' || sum(length(body)) FROM r"),
              std::to_string(i) + " " + std::to_string(sum) + " " +
                  std::to_string(((i / 10) * (3 << 20)) + (i - i / 10) * 100))
        << "after commit " << i;
  }
  EXPECT_EQ(reader.scalar("PRAGMA integrity_check"), "ok");
}

// Runs `body` in a child process on the database at `path` through this VFS, with
// synchronous=NORMAL (no sync at commit, so only the layer itself puts the frames in the file),
// and lets the child die without closing anything: what it held in memory is gone.
template <class Body>
void in_a_process_that_dies(const std::string& path, Body body) {
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    sqlite3* h = nullptr;
    sqlite3_open_v2(path.c_str(), &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    auto run = [&](const std::string& sql) {
      if (sqlite3_exec(h, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) _exit(2);
    };
    run("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0; "
        "PRAGMA cache_size=8");
    body(run);
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
}

// Transactions large enough to spill pages to the WAL before their commit and to change them
// again after (SQLite then writes over those frames and rewrites the checksums up to the commit
// frame), one of them rolled back, the process dying straight after the last commit; then a
// process that commits one row and dies; then one dying in the middle of a large transaction. The
// database is then opened without its shared-memory index, so SQLite rebuilds it from the WAL file
// alone.
TEST_F(CoalescingVfs, AProcessThatDiesLeavesInItsWalExactlyWhatItCommitted) {
  const std::string db = path("died.db");
  auto spilling_transaction = [](auto& run, int tx) {
    run("BEGIN");
    for (int k = 0; k < 400; ++k)  // some 120 pages through a cache of 8: they spill
      run("INSERT OR REPLACE INTO r VALUES (" + std::to_string(tx * 400 + k) +
          ", 0, zeroblob(1000))");
    run("UPDATE r SET v = v + 1");  // every page again, most already spilled to the WAL
  };
  in_a_process_that_dies(db, [&](auto& run) {
    run("CREATE TABLE r(k INTEGER PRIMARY KEY, v INTEGER, pad BLOB)");
    for (int tx = 0; tx < 6; ++tx) {
      spilling_transaction(run, tx);
      run(tx == 3 ? "ROLLBACK" : "COMMIT");
    }
  });
  in_a_process_that_dies(db, [](auto& run) { run("INSERT INTO r VALUES (5000, 7, x'00')"); });
  in_a_process_that_dies(db, [&](auto& run) { spilling_transaction(run, 6); });
  fs::remove(db + "-shm");

  Raw after(db, "unix");
  EXPECT_EQ(after.scalar("PRAGMA integrity_check"), "ok");
  // Five transactions committed, each adding 400 rows and then adding 1 to every row's v, and
  // then the one row.
  EXPECT_EQ(after.scalar("SELECT count(*) FROM r"), "2001");
  EXPECT_EQ(after.scalar("SELECT v FROM r WHERE k = 5000"), "7");
  EXPECT_EQ(after.scalar("SELECT count(*) FROM r WHERE k BETWEEN 1200 AND 1599"), "0");
  EXPECT_EQ(after.scalar("SELECT count(*) FROM r WHERE k BETWEEN 2400 AND 2799"), "0");
  // Rows of the first transaction were raised by all five commits, those of the last by one.
  EXPECT_EQ(after.scalar("SELECT group_concat(v) FROM (SELECT DISTINCT v FROM r WHERE k < 5000 "
                         "ORDER BY v)"),
            "1,2,3,4,5");
  EXPECT_EQ(after.scalar("SELECT v FROM r WHERE k = 0"), "5");
  EXPECT_EQ(after.scalar("SELECT v FROM r WHERE k = 2000"), "1");
}

}  // namespace
}  // namespace zeren::testing
