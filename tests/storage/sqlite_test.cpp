// The SQLite backend: runs the conformance suite, plus what only SQLite can show (its triggers,
// its pragmas).
#include <sqlite3.h>

#include <unistd.h>

#include <filesystem>
#include <future>
#include <thread>

#include "app/use_cases.hpp"
#include "conformance.hpp"
#include "raw_sqlite.hpp"
#include "sqlite_factory.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace zeren::testing {
namespace {

// A statement that SQLite may have to undo alone keeps the original of each page it changes in a
// statement journal, which moves from memory to a temporary file once it outgrows its threshold.
// With a threshold of 4 MiB (SQLITE_CONFIG_STMTJRNL_SPILL, set by this store for a while) SQLite
// 3.40.1 failed that move with "database or disk is full", and `zeren gen` at provincial scale
// with it. Once the store is open, a statement changing several MiB inside a transaction commits.
TEST(SqliteStore, AStatementsJournalOfSeveralMibCommits) {
  SqliteFactory factory;
  auto opened = factory.open_fresh();
  ASSERT_TRUE(opened.ok());
  Raw raw(factory.path());
  ASSERT_EQ(
      raw.exec("CREATE TABLE journal_probe (id INTEGER PRIMARY KEY, v TEXT NOT NULL "
               "CHECK (length(v) > 0)); "
               "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
               "INSERT INTO journal_probe SELECT i, printf('%0200d', i) FROM n"),
      "");
  // About 1,100 pages of rows, every one changed by each of two statements that may abort on
  // their checks: the second's journal holds them all.
  EXPECT_EQ(raw.exec("BEGIN; UPDATE journal_probe SET v = v || 'x'; "
                     "UPDATE journal_probe SET v = v || 'y'; COMMIT"),
            "");
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM journal_probe WHERE v LIKE '%xy'"), "20000");
}

TEST(SqliteStore, TheDatabaseItselfRefusesToChangeTheAuditLog) {
  SqliteFactory factory;
  auto opened = factory.open_fresh();
  ASSERT_TRUE(opened.ok());
  FixedClock clock;
  const app::Context ctx{app::Actor::console_operator("test"), clock};
  ASSERT_TRUE(
      opened->store
          ->transact([&](Transaction& tx) -> Status {
            auto r = app::add_procuratorate(tx, ctx, {"嘉峪关市人民检察院", "嘉", Level::city, {}});
            return r ? ok_status() : Status(r.error());
          })
          .ok());
  Raw raw(factory.path());
  EXPECT_NE(raw.exec("UPDATE audit_log SET actor = 'x' WHERE seq = 1").find("append-only"),
            std::string::npos);
  EXPECT_NE(raw.exec("DELETE FROM audit_log WHERE seq = 1").find("append-only"), std::string::npos);
  EXPECT_EQ(raw.scalar("SELECT actor FROM audit_log WHERE seq = 1"), "cli:test");
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM audit_log"), "1");
}

TEST(SqliteStore, RunsInWalModeWithForeignKeysAndRecordsMigrations) {
  SqliteFactory factory;
  auto opened = factory.open_fresh();
  ASSERT_TRUE(opened.ok());
  Raw raw(factory.path());
  EXPECT_EQ(raw.scalar("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw.scalar("SELECT group_concat(version) FROM schema_migrations ORDER BY version"),
            "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20");
  // Foreign keys are enforced on the store's own connection.
  FixedClock clock;
  const app::Context ctx{app::Actor::console_operator("test"), clock};
  auto s = opened->store->transact([&](Transaction& tx) -> Status {
    auto r =
        app::add_procuratorate(tx, ctx, {"城区院", "城", Level::district, ProcuratorateId{42}});
    return r ? ok_status() : Status(r.error());
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "parent");
}

TEST(SqliteStore, AFailedCommitIsAnErrorAndLeavesNothing) {
  SqliteFactory factory;
  auto opened = factory.open_fresh();
  ASSERT_TRUE(opened.ok());
  {
    // A foreign key checked only at COMMIT, violated by a trigger on every new procuratorate:
    // the statements all succeed, the commit fails.
    Raw raw(factory.path());
    ASSERT_EQ(raw.exec("CREATE TABLE commit_trap (x INTEGER REFERENCES procuratorate (id) "
                       "DEFERRABLE INITIALLY DEFERRED); "
                       "CREATE TRIGGER trap AFTER INSERT ON procuratorate BEGIN "
                       "INSERT INTO commit_trap VALUES (-1); END;"),
              "");
  }
  FixedClock clock;
  const app::Context ctx{app::Actor::console_operator("test"), clock};
  const auto before = *transact_value<std::uint64_t>(
      *opened->store, [](Transaction& tx) { return tx.audit().size(); });
  bool work_succeeded = false;
  auto s = opened->store->transact([&](Transaction& tx) -> Status {
    auto r = app::add_procuratorate(tx, ctx, {"嘉峪关市人民检察院", "嘉", Level::city, {}});
    work_succeeded = r.ok();
    return r ? ok_status() : Status(r.error());
  });
  EXPECT_TRUE(work_succeeded);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::storage);
  Raw raw(factory.path());
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM procuratorate"), "0");
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM audit_log"), std::to_string(before));
  // The store is still usable afterwards.
  ASSERT_EQ(raw.exec("DROP TRIGGER trap"), "");
  EXPECT_TRUE(
      opened->store
          ->transact([&](Transaction& tx) -> Status {
            auto r = app::add_procuratorate(tx, ctx, {"嘉峪关市人民检察院", "嘉", Level::city, {}});
            return r ? ok_status() : Status(r.error());
          })
          .ok());
}

TEST(SqliteStore, AReadDoesNotWaitForTheWriterAndSeesOnlyWhatWasCommitted) {
  SqliteFactory factory(1);  // one read-only connection beside the writer
  auto opened = factory.open_fresh();
  ASSERT_TRUE(opened.ok());
  FixedClock clock;
  const app::Context ctx{app::Actor::console_operator("test"), clock};
  auto count = [&] {
    return transact_value<std::size_t>(*opened->store, [](Transaction& tx) -> Result<std::size_t> {
      auto all = tx.organisation().list_procuratorates();
      if (!all) return all.error();
      return all->size();
    });
  };
  std::promise<void> added, release;
  std::thread writer([&] {
    (void)opened->store->transact(
        [&](Transaction& tx) -> Status {
          auto r = app::add_procuratorate(tx, ctx, {"嘉峪关市人民检察院", "嘉", Level::city, {}});
          if (!r) return r.error();
          added.set_value();
          release.get_future().wait();  // holds the write lock, uncommitted
          return ok_status();
        },
        Access::changes);
  });
  added.get_future().wait();
  auto during = count();  // would wait for the write lock on the writer
  release.set_value();
  writer.join();
  ASSERT_TRUE(during.ok()) << during.error().message;
  EXPECT_EQ(*during, 0u);
  EXPECT_EQ(*count(), 1u);
}

TEST(SqliteStore, ATransactionExpectedToReadThatWritesRunsAgainOnTheWriter) {
  SqliteFactory factory(1);
  auto opened = factory.open_fresh();
  ASSERT_TRUE(opened.ok());
  FixedClock clock;
  const app::Context ctx{app::Actor::console_operator("test"), clock};
  int runs = 0;
  auto s = opened->store->transact(
      [&](Transaction& tx) -> Status {
        ++runs;
        auto r = app::add_procuratorate(tx, ctx, {"嘉峪关市人民检察院", "嘉", Level::city, {}});
        return r ? ok_status() : Status(r.error());
      },
      Access::reads);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(runs, 2);  // refused on the read-only connection, then done on the writer
  Raw raw(factory.path());
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM procuratorate"), "1");
  EXPECT_EQ(
      raw.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'organisation.procuratorate.add'"),
      "1");
}

TEST(SqliteStore, RefusesToSwitchTheChainHashOfAnExistingDatabase) {
  SqliteFactory factory;
  ASSERT_TRUE(factory.open_fresh().ok());
  auto again = open_store({factory.path(), false, audit::HashAlgorithm::sha256});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().field, "hash");
  auto missing = open_store({factory.path() + ".nope", false, std::nullopt});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
}

// The writer copies the WAL back into the database once it holds kWalCheckpointPages (4,000), not
// at SQLite's 1,000 (sqlite_store.cpp): its checkpoints come a quarter as often. The WAL file grows
// past 1,000 pages, and once past the threshold it is checkpointed and written again from its
// start, so it stays near that size.
TEST(SqliteStore, CheckpointsOnceTheWalHoldsFourThousandPages) {
  static_assert(sqlite::kWalCheckpointPages == 4000, "the test's name and first batch assume it");
  SqliteFactory factory;
  auto opened = factory.open_fresh();
  ASSERT_TRUE(opened.ok());
  // Each transaction: ten entries of about a page each, every one on a page of its own.
  auto commit = [&](int transactions) {
    for (int t = 0; t < transactions; ++t) {
      auto s = opened->store->transact([&](Transaction& tx) -> Status {
        for (int i = 0; i < 10; ++i) {
          auto e =
              tx.audit().append(AuditEvent{1,
                                           "test",
                                           "test.page",
                                           "x:1",
                                           {{"v", std::string(3500, static_cast<char>('a' + i))}}});
          if (!e) return e.error();
        }
        return ok_status();
      });
      ASSERT_TRUE(s.ok()) << s.error().message;
    }
  };
  const std::uintmax_t frame = 24 + 4096;
  const std::string wal = factory.path() + "-wal";
  commit(150);  // some 1,650 pages
  EXPECT_GT(std::filesystem::file_size(wal), 1200 * frame);
  commit(300);  // some 5,000 in all
  EXPECT_GT(std::filesystem::file_size(wal), (sqlite::kWalCheckpointPages - 100) * frame);
  EXPECT_LT(std::filesystem::file_size(wal), (sqlite::kWalCheckpointPages + 100) * frame);
  Raw raw(factory.path());
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'test.page'"), "4500");
}

}  // namespace
}  // namespace zeren::testing
