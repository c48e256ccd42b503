// The zeren binary end to end, as an operator at the console would use it.
#include <fcntl.h>
#include <gtest/gtest.h>

#include <sqlite3.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cmath>

#include <boost/json.hpp>

#include <cstdio>
#include <functional>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include "audit/record.hpp"
#include "cli_fixture.hpp"
#include "domain/user.hpp"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

using zeren::cli_test::Cli;
using zeren::cli_test::Outcome;

TEST_F(Cli, PrintsItsVersion) {
  auto r = zeren("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("zeren ", 0), 0u);
}

TEST_F(Cli, InitIsIdempotent) {
  auto first = zeren("init --json --db " + db);
  ASSERT_EQ(first.code, 0) << first.out;
  EXPECT_EQ(first.json().at("created"), true);
  EXPECT_EQ(first.json().at("hash"), "sm3");
  EXPECT_EQ(first.json().at("schema_version"), 20);
  auto second = zeren("init --json --db " + db);
  ASSERT_EQ(second.code, 0);
  EXPECT_EQ(second.json().at("created"), false);
  EXPECT_TRUE(second.json().at("applied_migrations").as_array().empty());
  EXPECT_TRUE(fs::exists(db + ".audit-key"));
  EXPECT_TRUE(fs::exists(db + ".audit-key.pub"));
  EXPECT_EQ(fs::status(db + ".audit-key").permissions() & fs::perms::others_read, fs::perms::none);
  auto v = verify();
  EXPECT_EQ(v.at("ok"), true);
  EXPECT_EQ(v.at("entries"), 1);  // database.initialise, once
}

// Each unit's load is kept with every write of a case (migration 8); a database from before it
// gets the table filled from its cases. Over the demo's year of history (cases assigned,
// reassigned, concluded, archived, withdrawn) what the writes kept must be exactly what the
// cases add up to.
TEST_F(Cli, TheLoadsAndTalliesKeptWithEachCaseAreWhatAnUpgradeCountsFromTheCases) {
  auto demo = zeren("demo --json --db " + db);
  ASSERT_EQ(demo.code, 0) << demo.out;
  // Runs `sql` on the database, handing each row to `row`.
  const auto each_row = [&](const char* sql, const std::function<void(sqlite3_stmt*)>& row) {
    sqlite3* h = nullptr;
    sqlite3_open(db.c_str(), &h);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, sql, -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) row(st);
    sqlite3_finalize(st);
    sqlite3_close(h);
  };
  // Integer rows as "a,b,c\n" lines.
  const auto rows = [&](const char* sql) {
    std::string out;
    each_row(sql, [&](sqlite3_stmt* st) {
      for (int i = 0; i < sqlite3_column_count(st); ++i)
        out += std::to_string(sqlite3_column_int64(st, i)) + (i + 1 < sqlite3_column_count(st) ? "," : "\n");
    });
    return out;
  };
  const char* const loads =
      "SELECT department_id, unit_id, counted_year, difficult, ordinary FROM unit_load "
      "WHERE difficult + ordinary > 0 ORDER BY 1, 2, 3";
  const std::string kept = rows(loads);
  EXPECT_GT(std::count(kept.begin(), kept.end(), '\n'), 20) << kept;
  // Concluded cases count in the year they were concluded, open ones in every year (0).
  EXPECT_NE(rows("SELECT COUNT(*) FROM unit_load WHERE counted_year = 2026 AND ordinary > 0"),
            "0\n");
  EXPECT_NE(rows("SELECT COUNT(*) FROM unit_load WHERE counted_year = 0 AND ordinary > 0"),
            "0\n");
  // The statistics' tallies (migration 10), by 院, month received and concluded, and unit.
  const char* const tallies =
      "SELECT procuratorate_id, CAST(replace(received_month, '-', '') AS INTEGER), "
      "CAST(replace(concluded_month, '-', '') AS INTEGER), unit_id, cases FROM case_tally "
      "WHERE cases <> 0 ORDER BY 1, 2, 3, 4";
  const std::string tallied = rows(tallies);
  EXPECT_GT(std::count(tallied.begin(), tallied.end(), '\n'), 20) << tallied;
  EXPECT_NE(rows("SELECT COUNT(*) FROM case_tally WHERE concluded_month <> '' AND cases > 0"),
            "0\n");
  EXPECT_EQ(rows("SELECT SUM(cases) FROM case_tally"),
            rows("SELECT COUNT(*) FROM case_file WHERE status <> 'withdrawn'"));
  // The dashboard's open cases (migration 12), by 院, unit, status, extension and custody.
  const char* const open =
      "SELECT procuratorate_id, unit_id, instr('assigned in_progress awaiting_decision returned', "
      "status), extended, custody, cases FROM open_tally WHERE cases <> 0 ORDER BY 1, 2, 3, 4, 5";
  const std::string opened = rows(open);
  EXPECT_GT(std::count(opened.begin(), opened.end(), '\n'), 10) << opened;
  EXPECT_EQ(rows("SELECT SUM(cases) FROM open_tally"),
            rows("SELECT COUNT(*) FROM case_file WHERE status IN ('assigned', 'in_progress', "
                 "'awaiting_decision', 'returned')"));
  // The demo's extended cases are all decided by its last day; its open ones in custody are not.
  EXPECT_NE(rows("SELECT COUNT(*) FROM open_tally WHERE custody = 1 AND cases > 0"), "0\n");
  // A case's parties and people (the demo names none) and an assignment's candidates (kept in
  // their key's order since migration 18), as integers: texts by their length and first character.
  const char* const parties =
      "SELECT case_id, position, length(name), unicode(name) FROM case_party ORDER BY 1, 2";
  const char* const people =
      "SELECT case_id, unicode(role), person_id FROM case_person ORDER BY 1, 2, 3";
  const char* const candidates =
      "SELECT assignment_id, ordinal, unit_id, position, weight_sum, share_bp, eligible, "
      "length(exclusion), unicode(exclusion), in_band FROM assignment_candidate ORDER BY 1, 2";
  const std::string named = rows(parties), involved = rows(people), drawn = rows(candidates);
  EXPECT_GT(std::count(named.begin(), named.end(), '\n'), 100) << named;
  EXPECT_GT(std::count(drawn.begin(), drawn.end(), '\n'), 100) << drawn;
  const char* const key_ordered =
      "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID' "
      "AND name IN ('case_party', 'case_person', 'assignment_candidate')";
  EXPECT_EQ(rows(key_ordered), "3\n");
  // As a database from before migration 8 (and the ones after it): migration 13's version of
  // the organisation and the triggers that move it go first.
  const auto text_rows = [&](const char* sql) {  // the first column's texts
    std::vector<std::string> out;
    each_row(sql, [&](sqlite3_stmt* st) {
      out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    });
    return out;
  };
  const char* const bumps =
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_bumps'";
  const auto triggers = text_rows(bumps);
  EXPECT_EQ(triggers.size(), 33u) << "insert, update and delete of 11 tables";
  for (const auto& t : triggers) EXPECT_EQ(rows(("DROP TRIGGER " + t).c_str()), "") << t;
  const auto organisation_version = [&] {
    return rows("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'organisation.version'");
  };
  EXPECT_NE(organisation_version(), "1\n") << "the demo's organisation moved it";
  EXPECT_EQ(rows("DELETE FROM meta WHERE key = 'organisation.version'"), "");
  for (const char* undo :
       {"DROP TABLE unit_load", "DROP TABLE case_tally",
        "DROP INDEX case_received_by_procuratorate", "DROP INDEX case_concluded_by_procuratorate",
        "DROP INDEX case_watch", "DROP INDEX decision_by_decided_at",
        "DROP INDEX case_note_by_date", "DROP INDEX follow_up_by_requested",
        "DROP TABLE open_tally", "DROP INDEX decision_held", "DROP INDEX case_note_by_kind",
        "DROP INDEX case_open_by_due", "DROP INDEX case_open_in_custody",
        "DROP INDEX case_open_extended", "DROP INDEX assignment_request_by_case",
        "DROP INDEX case_newest_by_procuratorate",
        "CREATE INDEX case_by_due ON case_file (procuratorate_id, status, due_on)",
        "DELETE FROM schema_migrations WHERE version >= 8"})
    EXPECT_EQ(rows(undo), "") << undo;
  EXPECT_EQ(rows("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('unit_load', 'case_tally', "
                 "'case_watch', 'case_tally_read', 'open_tally')"),
            "0\n");
  auto upgraded = zeren("init --json --db " + db);
  ASSERT_EQ(upgraded.code, 0) << upgraded.out;
  EXPECT_EQ(upgraded.json().at("applied_migrations"),
            json::array({8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}));
  EXPECT_EQ(text_rows(bumps).size(), 33u);
  EXPECT_EQ(organisation_version(), "1\n");
  EXPECT_EQ(rows(loads), kept);
  EXPECT_EQ(rows(tallies), tallied);
  EXPECT_EQ(rows(open), opened);
  EXPECT_EQ(rows(key_ordered), "3\n");
  EXPECT_EQ(rows(parties), named);
  EXPECT_EQ(rows(people), involved);
  EXPECT_EQ(rows(candidates), drawn);
}

TEST_F(Cli, Sha256CanBeChosenAtInit) {
  ASSERT_EQ(zeren("init --hash sha256 --db " + db).code, 0);
  auto v = verify();
  EXPECT_EQ(v.at("hash"), "sha256");
  EXPECT_EQ(v.at("ok"), true);
  EXPECT_EQ(zeren("init --hash sm3 --db " + db).code, 3);  // cannot change later
  EXPECT_EQ(zeren("init --hash md5 --db " + dir.string() + "/other.db").code, 3);
}

TEST_F(Cli, TheDemoOrganisationHasTheSeedsFigures) {
  load_demo();
  auto r = zeren("org show --json --db " + db);
  ASSERT_EQ(r.code, 0) << r.out;
  auto o = r.json().as_object();
  EXPECT_EQ(o.at("procuratorates"), 2);
  EXPECT_EQ(o.at("departments"), 18);
  EXPECT_EQ(o.at("persons").at("prosecutor"), 26);
  EXPECT_EQ(o.at("persons").at("assistant"), 10);
  EXPECT_EQ(o.at("persons").at("clerk"), 40);
  EXPECT_EQ(o.at("clerks").at("established"), 13);
  EXPECT_EQ(o.at("clerks").at("contract"), 27);
  EXPECT_EQ(o.at("units").at("team"), 14);
  EXPECT_EQ(o.at("units").at("sole"), 25);
  EXPECT_EQ(o.at("ratio"), "1 : 0.38 : 1.54");
  EXPECT_EQ(o.at("levels").as_array().size(), 2u);
  auto v = verify();
  EXPECT_EQ(v.at("ok"), true);
  EXPECT_GE(v.at("checkpoints").as_int64(), 1);

  auto text = zeren("org show --db " + db);
  EXPECT_NE(text.out.find("员额检察官 26"), std::string::npos) << text.out;
}

TEST_F(Cli, TheDemoRefusesToLoadTwice) {
  load_demo();
  const auto entries = verify().at("entries");
  auto again = zeren("demo --json --no-history --db " + db);
  EXPECT_EQ(again.code, 5);
  EXPECT_EQ(again.json().at("error").at("code"), "demo_already_loaded");
  EXPECT_EQ(verify().at("entries"), entries);  // nothing changed
}

TEST_F(Cli, ABadDemoFileIsRefusedNamingTheField) {
  const auto bad = (dir / "bad.json").string();
  FILE* f = std::fopen(bad.c_str(), "w");
  std::fputs(R"({"format":"zeren-demo-organisation/1","procuratorates":[{"key":"c","name":"市院",)"
             R"("short_code":"嘉","level":"town","parent":null,"departments":[]}],)"
             R"("persons":[],"units":[],"users":[]})",
             f);
  std::fclose(f);
  auto r = zeren("demo --json --no-history --data " + bad + " --db " + db);
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.json().at("error").at("field"), "procuratorates[0].level");

  // Demo passwords are drawn at loading; a file that carries one is refused.
  f = std::fopen(bad.c_str(), "w");
  std::fputs(R"({"format":"zeren-demo-organisation/1","procuratorates":[{"key":"c","name":"市院",)"
             R"("short_code":"嘉","level":"city","parent":null,"departments":[]}],)"
             R"("persons":[],"units":[],"users":[{"username":"shi","password":"Shi-Yuan-2026",)"
             R"("roles":["chief"],"procuratorate":"c"}]})",
             f);
  std::fclose(f);
  auto with_password = zeren("demo --json --no-history --data " + bad + " --db " + db);
  EXPECT_EQ(with_password.code, 3);
  EXPECT_EQ(with_password.json().at("error").at("field"), "users[0].password");
}

// Every role has a log-in in each 院; each demo database draws its own passwords, prints them
// (JSON or text) and keeps only their Argon2id hashes.
TEST_F(Cli, TheDemoDrawsAPasswordForALogInOfEveryRoleInEachProcuratorate) {
  auto r = zeren("demo --json --no-history --db " + db);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto printed = r.json();
  const auto& users = printed.at("users").as_array();

  // A second demo database, printed as text: "  username password   院 roles".
  const std::string other_db = (dir / "other.db").string();
  auto text = zeren("demo --no-history --db " + other_db);
  ASSERT_EQ(text.code, 0) << text.out;
  std::map<std::string, std::string> other_password, other_line;
  std::istringstream lines(text.out.substr(text.out.find("演示账号")));
  std::string line;
  std::getline(lines, line);  // the heading
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string username, password;
    words >> username >> password;
    other_password[username] = password;
    other_line[username] = line;
  }
  EXPECT_EQ(other_password.size(), users.size()) << text.out;

  std::string stored;  // the database's bytes, as someone holding the file would grep them
  for (const auto& f : fs::directory_iterator(dir))
    if (f.path().filename().string().rfind("zeren.db", 0) == 0) {
      std::ifstream in(f.path(), std::ios::binary);
      stored += std::string(std::istreambuf_iterator<char>(in), {});
    }
  ASSERT_GT(stored.size(), 0u);

  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& v : users) {
    const auto& u = v.as_object();
    const std::string username(u.at("username").as_string());
    const std::string password(u.at("password").as_string());
    const std::string place(u.at("procuratorate").as_string());
    EXPECT_TRUE(zeren::check_password_rule(password)) << username << " " << password;
    EXPECT_EQ(stored.find(password), std::string::npos) << username << "'s password is in the file";
    ASSERT_TRUE(other_password.contains(username)) << username;
    EXPECT_NE(other_password[username], password) << username;
    EXPECT_TRUE(zeren::check_password_rule(other_password[username])) << other_line[username];
    std::string zh;
    for (const auto& role : u.at("roles").as_array()) {
      seen.insert({place, std::string(role.as_string())});
      zh += (zh.empty() ? "" : "、") +
            std::string(zeren::zh_of(*zeren::parse_term<zeren::Role>(role.as_string(), "role")));
    }
    EXPECT_NE(other_line[username].find("   " + place + " " + zh), std::string::npos)
        << other_line[username];
  }
  for (const auto& t : zeren::terms<zeren::Role>())
    for (const char* place : {"嘉峪关市人民检察院", "嘉峪关市城区人民检察院"})
      EXPECT_TRUE(seen.contains({place, std::string(t.code)})) << t.code << " in " << place;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM user_account WHERE password_hash LIKE '$argon2id$%' "
                   "AND must_change_password = 0"),
            std::to_string(users.size()));
}

TEST_F(Cli, UserAddMakesAnAccountThatMustChangeItsPassword) {
  load_demo();
  auto r = zeren("user add --json --db " + db +
                     " --username xinzhanghao --procuratorate 嘉城 "
                     "--role case_manager --password-stdin",
                 "Xin-Zhanghao-2026\n");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.json().at("must_change_password"), true);
  auto dup = zeren("user add --json --db " + db +
                       " --username xinzhanghao --procuratorate 嘉 "
                       "--role prosecutor",
                   "Xin-Zhanghao-2026\n");
  EXPECT_EQ(dup.code, 5);
  auto weak = zeren("user add --json --db " + db +
                        " --username weak --procuratorate 嘉 "
                        "--role prosecutor",
                    "password\n");
  EXPECT_EQ(weak.code, 3);
  EXPECT_EQ(weak.json().at("error").at("field"), "password");
  auto mixed = zeren("user add --json --db " + db +
                         " --username mixed --procuratorate 嘉 "
                         "--role sysadmin --role auditor",
                     "Xin-Zhanghao-2026\n");
  EXPECT_EQ(mixed.code, 3);
  EXPECT_EQ(mixed.json().at("error").at("field"), "roles");
  auto nowhere = zeren("user add --json --db " + db +
                           " --username nowhere --procuratorate 兰 "
                           "--role prosecutor",
                       "Xin-Zhanghao-2026\n");
  EXPECT_EQ(nowhere.code, 4);
  EXPECT_EQ(verify().at("ok"), true);
}

TEST_F(Cli, MissingDatabaseAndBadUsageAreClearErrors) {
  auto r = zeren("org show --json --db " + dir.string() + "/none.db");
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(r.json().at("error").at("field"), "db");
  EXPECT_EQ(zeren("org show").code, 2);
  EXPECT_EQ(zeren("frobnicate").code, 2);
}

TEST_F(Cli, SimulateKeepsTheSpreadWithinTheLargestWeight) {
  auto even = zeren(
      "simulate --units 25 --cases 10000 --difficult-share 0 --mode balanced_random "
      "--tolerance 0 --seed 7 --json");
  ASSERT_EQ(even.code, 0) << even.out;
  EXPECT_LE(even.json().at("spread").to_number<double>(), 1);
  EXPECT_EQ(even.json().at("per_unit").as_array().size(), 25u);
  auto mixed = zeren(
      "simulate --units 25 --cases 10000 --difficult-share 0.3 --mode balanced_random "
      "--tolerance 0 --seed 7 --json");
  EXPECT_LE(mixed.json().at("spread").to_number<double>(), 2);
  EXPECT_GT(mixed.json().at("spread").to_number<double>(), 0);  // weights 1 and 2 cannot all tie
  auto rotation = zeren("simulate --units 7 --cases 700 --mode rotation --seed 1 --json");
  EXPECT_EQ(rotation.json().at("spread").to_number<double>(), 0);
  EXPECT_EQ(zeren("simulate --units 0 --json").code, 3);
  EXPECT_EQ(zeren("simulate --mode lottery --json").code, 3);
}

// Tampering, as someone holding the file would do it.

TEST_F(Cli, TheDatabaseRefusesUpdateAndDeleteOnTheAuditLog) {
  load_demo();
  EXPECT_NE(sql("UPDATE audit_log SET actor = 'x' WHERE seq = 3"), "");
  EXPECT_NE(sql("DELETE FROM audit_log WHERE seq = 3"), "");
  EXPECT_NE(sql("DELETE FROM audit_checkpoint"), "");
  EXPECT_EQ(verify().at("ok"), true);
}

class Tampered : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    load_demo();
    ASSERT_EQ(
        sql("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; "
            "DROP TRIGGER audit_checkpoint_no_update; DROP TRIGGER audit_checkpoint_no_delete;"),
        "");
  }
  void expect_bad_at(std::int64_t seq) {
    auto v = verify();
    EXPECT_EQ(v.at("ok"), false);
    EXPECT_EQ(v.at("exit"), 1);
    EXPECT_EQ(v.at("first_bad_seq"), seq) << json::serialize(v);
    EXPECT_LE(v.at("verified").as_int64(), seq - 1);
  }
};

TEST_F(Tampered, OneFlippedByteIsNamed) {
  // 周 → 用 would be a different character; flip the last byte of a name in entry 40's fields.
  ASSERT_EQ(sql("UPDATE audit_log SET fields = replace(fields, '\"city\"', '\"citz\"') "
                "WHERE seq = 2"),
            "");
  expect_bad_at(2);
}

TEST_F(Tampered, AnAlteredActorIsNamed) {
  const auto entries = verify().at("entries");
  ASSERT_EQ(sql("UPDATE audit_log SET actor = 'cli:someone' WHERE seq = 40"), "");
  expect_bad_at(40);
  EXPECT_EQ(verify().at("entries"), entries);
  EXPECT_EQ(verify().at("verified"), 39);
}

TEST_F(Tampered, ADeletedRowIsNamed) {
  ASSERT_EQ(sql("DELETE FROM audit_log WHERE seq = 17"), "");
  expect_bad_at(17);
}

TEST_F(Tampered, ADeletedTailIsCaughtByTheCheckpoint) {
  ASSERT_EQ(sql("DELETE FROM audit_log WHERE seq > 100"), "");
  expect_bad_at(101);
}

TEST_F(Tampered, TwoSwappedRowsAreNamed) {
  ASSERT_EQ(sql("UPDATE audit_log SET seq = -1 WHERE seq = 20; "
                "UPDATE audit_log SET seq = 20 WHERE seq = 21; "
                "UPDATE audit_log SET seq = 21 WHERE seq = -1;"),
            "");
  expect_bad_at(20);
}

TEST_F(Tampered, AForgedCheckpointIsNamed) {
  ASSERT_EQ(sql("UPDATE audit_checkpoint SET size = 50, "
                "head = (SELECT hash FROM audit_log WHERE seq = 50) "
                "WHERE id = (SELECT MAX(id) FROM audit_checkpoint)"),
            "");
  expect_bad_at(50);
}

TEST_F(Tampered, ACheckpointSignedWithAnotherKeyIsRefused) {
  // Replace the key files: checkpoints signed with the original key no longer verify.
  fs::remove(db + ".audit-key");
  fs::remove(db + ".audit-key.pub");
  ASSERT_EQ(zeren("init --db " + dir.string() + "/other.db").code, 0);
  fs::copy_file(dir / "other.db.audit-key.pub", db + ".audit-key.pub");
  auto v = verify();
  EXPECT_EQ(v.at("ok"), false);
}

// ---- with a year of demo history (loaded once, copied for each test) ----

class History : public Cli {
 protected:
  // One demo database per build of the binary, made by whichever test process comes first (CTest
  // runs each test in its own process) and copied by every test.
  static fs::path shared_dir() {
    const fs::path binary = std::getenv("ZEREN_BINARY");
    const auto stamp = fs::last_write_time(binary).time_since_epoch().count();
    return binary.parent_path() / "test-fixtures" / ("history-" + std::to_string(stamp));
  }
  static void SetUpTestSuite() {
    fs::create_directories(shared_dir().parent_path());
    const std::string lock = shared_dir().string() + ".lock";
    const int fd = ::open(lock.c_str(), O_CREAT | O_RDWR, 0644);
    ASSERT_GE(fd, 0);
    ::flock(fd, LOCK_EX);
    if (!fs::exists(shared_dir() / "zeren.db")) {
      const fs::path tmp = shared_dir().string() + ".tmp";
      fs::remove_all(tmp);
      fs::create_directories(tmp);
      const std::string cmd = std::string(std::getenv("ZEREN_BINARY")) + " demo --db " +
                              (tmp / "zeren.db").string() + " >/dev/null 2>&1";
      const int rc = std::system(cmd.c_str());
      if (rc == 0) fs::rename(tmp, shared_dir());
      EXPECT_EQ(rc, 0);
    }
    ::flock(fd, LOCK_UN);
    ::close(fd);
  }
  void SetUp() override {
    Cli::SetUp();
    for (const char* suffix : {"", ".audit-key", ".audit-key.pub"})
      fs::copy_file(shared_dir() / (std::string("zeren.db") + suffix), db + suffix);
  }
  // Recomputes every entry's hash from `from` on, as a forger holding the file would.
  void rehash_from(std::int64_t from) {
    sqlite3* h = nullptr;
    sqlite3_open(db.c_str(), &h);
    auto text = [](sqlite3_stmt* st, int i) {
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i)),
                         sqlite3_column_bytes(st, i));
    };
    zeren::Digest previous{};
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, "SELECT hash FROM audit_log WHERE seq = ?", -1, &st, nullptr);
    sqlite3_bind_int64(st, 1, from - 1);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    ASSERT_TRUE(zeren::audit::from_hex(text(st, 0), previous));
    sqlite3_finalize(st);
    std::vector<std::pair<std::int64_t, std::string>> updates;
    sqlite3_prepare_v2(h,
                       "SELECT seq, time_us, actor, action, subject, fields FROM audit_log "
                       "WHERE seq >= ? ORDER BY seq",
                       -1, &st, nullptr);
    sqlite3_bind_int64(st, 1, from);
    while (sqlite3_step(st) == SQLITE_ROW) {
      const auto record =
          zeren::audit::canonical_record(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                                         text(st, 2), text(st, 3), text(st, 4), text(st, 5));
      previous = zeren::audit::chain_hash(zeren::audit::HashAlgorithm::sm3, 1, previous, record);
      updates.emplace_back(sqlite3_column_int64(st, 0), zeren::audit::to_hex(previous));
    }
    sqlite3_finalize(st);
    sqlite3_exec(h, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_prepare_v2(h, "UPDATE audit_log SET hash = ? WHERE seq = ?", -1, &st, nullptr);
    for (const auto& [seq, hash] : updates) {
      sqlite3_bind_text(st, 1, hash.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(st, 2, seq);
      ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
      sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(h);
  }

  static constexpr const char* kCase =
      R"({"procuratorate": "嘉峪关市人民检察院", "department": "第一检察部",
    "category": "审查起诉", "received_on": "2026-11-20", "difficulty": "普通", "custody": true,
    "parties": ["<img src=x onerror=alert(1)>", "李四"], "source_org": "嘉峪关市公安局",
    "source_doc_no": "嘉公（刑）移诉字〔2026〕9999号"})";
};

TEST_F(History, AuditVerifyRecomputesEveryRandomDraw) {
  auto v = verify();
  EXPECT_EQ(v.at("ok"), true) << json::serialize(v);
  const auto random = std::stoll(scalar("SELECT COUNT(*) FROM assignment WHERE method = 'random'"));
  EXPECT_GT(random, 1000);
  EXPECT_EQ(v.at("draws_verified").as_int64(), random);
  EXPECT_EQ(v.at("draws_pending"), 0);
  const auto cases = std::stoll(scalar("SELECT COUNT(*) FROM case_file"));
  EXPECT_GT(cases, 1200);
  EXPECT_LT(cases, 1700);
  for (const char* method : {"follow_on", "designated", "rotation"})
    EXPECT_GT(std::stoll(scalar(std::string("SELECT COUNT(*) FROM assignment WHERE method = '") +
                                method + "'")),
              0)
        << method;
  EXPECT_GT(
      std::stoll(scalar("SELECT COUNT(*) FROM assignment_request WHERE kind = 'change_of_handler' "
                        "AND status = 'approved'")),
      0);
}

TEST_F(History, CaseAddNumbersTheCaseAndAssignsItInItsDepartment) {
  auto r = zeren("case add --json --as anguan --db " + db, kCase);
  ASSERT_EQ(r.code, 0) << r.out;
  auto o = r.json().as_object();
  const std::string number(o.at("case_number").as_string());
  EXPECT_EQ(number.rfind("嘉检刑诉受〔2026〕", 0), 0u) << number;
  EXPECT_EQ(number.substr(number.size() - 3), "号");
  EXPECT_EQ(o.at("status"), "assigned");
  const auto& a = o.at("assignment").as_object();
  EXPECT_EQ(
      scalar("SELECT d.name FROM unit u JOIN department d ON d.id = u.department_id WHERE u.id = " +
             std::to_string(a.at("unit_id").as_int64())),
      "第一检察部");
  EXPECT_EQ(scalar("SELECT p.short_code FROM unit u JOIN department d ON d.id = u.department_id "
                   "JOIN procuratorate p ON p.id = d.procuratorate_id WHERE u.id = " +
                   std::to_string(a.at("unit_id").as_int64())),
            "嘉");
  EXPECT_GE(a.at("pool_size").as_int64(), a.at("band_size").as_int64());
  // The next number follows without a gap.
  std::string second = std::string(kCase);
  second.replace(second.find("9999"), 4, "9998");
  auto r2 = zeren("case add --json --as anguan --db " + db, second);
  const std::string n2(r2.json().at("case_number").as_string());
  const auto serial = [](const std::string& n) {
    const auto a = n.find("〕") + std::string("〕").size();
    return std::stoi(n.substr(a, n.find("号") - a));
  };
  EXPECT_EQ(serial(n2), serial(number) + 1);
  // Its timeline and explanation, with the party shown as the text it is.
  auto show = zeren("case show --json --db " + db + " --number " + number);
  ASSERT_EQ(show.code, 0);
  EXPECT_EQ(show.json().at("parties").at(0), "<img src=x onerror=alert(1)>");
  EXPECT_EQ(show.json().at("timeline").at(0).at("action"), "case.register");
  EXPECT_EQ(
      show.json().at("assignments").at(0).at("candidates").as_array().size(),
      std::stoull(scalar("SELECT COUNT(*) FROM unit u JOIN department d ON d.id = u.department_id "
                         "JOIN procuratorate p ON p.id = d.procuratorate_id "
                         "WHERE d.name = '第一检察部' AND p.short_code = '嘉'")));
  EXPECT_EQ(verify().at("ok"), true);
}

TEST_F(History, CaseAddRefusesBadInputNamingTheFieldAndWritesNothing) {
  const auto entries = verify().at("entries");
  const auto cases = scalar("SELECT COUNT(*) FROM case_file");
  auto expect_field = [&](std::string body, const char* field) {
    auto r = zeren("case add --json --as anguan --db " + db, body);
    EXPECT_NE(r.code, 0) << field;
    EXPECT_EQ(r.json().at("error").at("field"), field) << r.out;
  };
  std::string no_parties = kCase;
  no_parties.replace(no_parties.find("\"parties\""), 9, "\"partiez\"");
  expect_field(no_parties, "partiez");  // unknown keys are refused, not ignored
  std::string bad_date = kCase;
  bad_date.replace(bad_date.find("2026-11-20"), 10, "2026-02-30");
  expect_field(bad_date, "received_on");
  std::string bad_category = kCase;
  bad_category.replace(bad_category.find("审查起诉"), std::string("审查起诉").size(), "盗窃");
  expect_field(bad_category, "category");
  std::string wrong_department = kCase;
  wrong_department.replace(wrong_department.find("审查起诉"), std::string("审查起诉").size(),
                           "公益诉讼");
  expect_field(wrong_department, "category");
  expect_field("{not json", "body");
  EXPECT_EQ(verify().at("entries"), entries);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_file"), cases);
}

TEST_F(History, OnlyCaseManagementTakesInCases) {
  auto r = zeren("case add --json --as jianchaguan1 --db " + db, kCase);
  EXPECT_EQ(r.code, 6);
  EXPECT_EQ(r.json().at("error").at("code"), "forbidden");
  auto other = zeren("case add --json --as cqanguan --db " + db, kCase);  // the district's
  EXPECT_EQ(other.code, 6);
  auto nobody = zeren("case add --json --as nobody --db " + db, kCase);
  EXPECT_EQ(nobody.code, 4);
  EXPECT_EQ(nobody.json().at("error").at("field"), "as");
}

TEST_F(History, OrgPeopleListsEveryoneWithTheirAccount) {
  auto r = zeren("org people --json --db " + db);
  ASSERT_EQ(r.code, 0);
  const auto v = r.json();
  const auto& people = v.as_array();
  EXPECT_EQ(people.size(), 83u);
  bool found = false;
  for (const auto& p : people)
    if (p.at("username") == "anguan") {
      found = true;
      EXPECT_EQ(p.at("department"), "案件管理部");
      EXPECT_EQ(p.at("procuratorate"), "嘉峪关市人民检察院");
    }
  EXPECT_TRUE(found);
  for (const char* key :
       {"id", "name", "username", "procuratorate", "department", "category", "posts"})
    EXPECT_TRUE(people[0].as_object().contains(key)) << key;
}

TEST_F(History, TheAnomalyReportFindsTheRefiledCases) {
  auto r = zeren("report anomalies --json --db " + db);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto v = r.json();
  const auto& o = v.as_object();
  EXPECT_GE(o.at("refiled").as_array().size(), 1u);
  EXPECT_EQ(o.at("refiled").at(0).at("match"), "source_doc_no");
  EXPECT_EQ(o.at("designations").as_array().size(), 10u);  // every business department
  for (const char* key : {"requesters", "small_pools", "absence_clusters"})
    EXPECT_TRUE(o.at(key).is_array());
}

TEST_F(History, ReportStatsGivesTheYearsFiguresAsTheDatabaseHoldsThem) {
  const std::string year = scalar("SELECT strftime('%Y', 'now', '+8 hours')");
  auto r = zeren("report stats --json --year " + year + " --db " + db);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto v = r.json();
  const auto& overall = v.at("self_decided_ratio").at("overall");
  const auto self = overall.at("self").as_int64(), total = overall.at("total").as_int64();
  const std::string issued_this_year =
      "SELECT COUNT(*) FROM decision WHERE status = 'issued' AND strftime('%Y', decided_at_us / "
      "1000000, 'unixepoch', '+8 hours') = '" +
      year + "'";
  EXPECT_EQ(total, std::stoll(scalar(issued_this_year)));
  EXPECT_EQ(self, std::stoll(scalar(issued_this_year + " AND decided_by = proposed_by")));
  EXPECT_GT(self, 0);
  EXPECT_LT(self, total);  // the chief decided some
  EXPECT_DOUBLE_EQ(overall.at("ratio").as_double(), double(self) / double(total));
  EXPECT_EQ(v.at("pre_reviews").as_int64(),
            std::stoll(scalar("SELECT COUNT(*) FROM case_note WHERE kind = 'pre_review' AND "
                              "on_date LIKE '" +
                              year + "-%'")));
  EXPECT_EQ(v.at("monitoring_notices").at("total").as_int64(),
            std::stoll(scalar("SELECT COUNT(*) FROM follow_up WHERE kind = 'notice' AND "
                              "requested_on LIKE '" +
                              year + "-%'")));
  const auto& staff = v.at("staff");
  EXPECT_EQ(staff.at("prosecutors").as_int64(),
            std::stoll(scalar("SELECT COUNT(*) FROM person WHERE category = 'prosecutor'")));
  EXPECT_EQ(staff.at("clerks").as_int64(),
            std::stoll(scalar("SELECT COUNT(*) FROM person WHERE category = 'clerk'")));
  const auto& kinds = v.at("cases_by_unit_kind");
  EXPECT_EQ(kinds.at("team").as_int64() + kinds.at("sole").as_int64(),
            std::stoll(scalar("SELECT COUNT(*) FROM case_file WHERE unit_id IS NOT NULL AND "
                              "status <> 'withdrawn' AND received_on LIKE '" +
                              year + "-%'")));
  EXPECT_GT(v.at("leader_direct_cases").as_int64(), 0);
  EXPECT_EQ(zeren("report stats --json --year 1999 --db " + db).code, 2);
}

TEST_F(History, ReportLeadersSetsEachLeadersCasesAgainstTheQuotaOfTheirPost) {
  const std::string year = scalar("SELECT strftime('%Y', 'now', '+8 hours')");
  auto r = zeren("report leaders --json --year " + year + " --db " + db);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto v = r.json();
  const auto& leaders = v.at("leaders").as_array();
  // Every chief and deputy chief of both 院, and nobody else.
  EXPECT_EQ(leaders.size(),
            std::stoull(scalar("SELECT COUNT(DISTINCT person_id) FROM person_post WHERE post IN "
                               "('chief', 'deputy_chief')")));
  for (const auto& l : leaders) {
    const double ratio = l.at("post") == "chief" ? 0.05 : 0.20;
    const auto quota = l.at("quota").as_int64();
    EXPECT_EQ(quota, static_cast<std::int64_t>(
                         std::ceil(ratio * l.at("average_caseload").as_double() - 1e-9)))
        << l.at("person");
    EXPECT_EQ(l.at("met").as_bool(), l.at("cases_led").as_int64() >= quota) << l.at("person");
    EXPECT_LE(l.at("cases_with_acts").as_int64(), l.at("cases_led").as_int64());
  }
}

TEST_F(History, EpochCloseRevealsTodaysSecretOnRequest) {
  ASSERT_EQ(zeren("case add --json --as anguan --db " + db, kCase).code, 0);
  auto v = verify();
  EXPECT_EQ(v.at("draws_pending"), 1);
  auto closed = zeren("epoch close --json --now --db " + db);
  ASSERT_EQ(closed.code, 0);
  EXPECT_EQ(closed.json().at("closed"), 1);
  auto after = verify();
  EXPECT_EQ(after.at("ok"), true);
  EXPECT_EQ(after.at("draws_pending"), 0);
  EXPECT_EQ(after.at("draws_verified").as_int64(), v.at("draws_verified").as_int64() + 1);
}

TEST_F(History, AFaultPastTheFirstBatchOfEntriesIsNamed) {
  // Verification reads the log 5,000 entries at a time, and reads, hashes and recomputes the
  // draws on three threads, batches queued between them: a fault at either side of the first seam,
  // and at the very end, is named exactly, and only the draws before it are recomputed.
  const auto whole = verify();
  const std::int64_t entries = whole.at("entries").as_int64();
  ASSERT_GT(entries, 5001);
  ASSERT_EQ(sql("DROP TRIGGER audit_log_no_update"), "");
  // Each fault is earlier than the one before it, which stays.
  for (const std::int64_t seq : {entries, std::int64_t{5001}, std::int64_t{5000}}) {
    ASSERT_EQ(sql("UPDATE audit_log SET actor = 'cli:someone' WHERE seq = " + std::to_string(seq)),
              "");
    const auto v = verify();
    EXPECT_EQ(v.at("ok"), false);
    EXPECT_EQ(v.at("first_bad_seq"), seq) << json::serialize(v);
    EXPECT_EQ(v.at("verified"), seq - 1);
    EXPECT_EQ(v.at("entries"), entries);
    const auto draws = v.at("draws_verified").as_int64() + v.at("draws_pending").as_int64();
    EXPECT_EQ(draws, std::stoll(scalar("SELECT count(*) FROM audit_log WHERE action = "
                                       "'case.assign' AND fields LIKE '%\"method\":\"random\"%' "
                                       "AND seq < " + std::to_string(seq))));
  }
}

TEST_F(History, ADrawWhoseInputsWereChangedIsNamedEvenWithTheChainRewritten) {
  // Someone with the file changes one candidate's load in a drawn assignment, then re-hashes the
  // whole chain after it and removes the checkpoints so that the chain itself verifies again.
  const auto seq =
      std::stoll(scalar("SELECT a.audit_seq FROM assignment a WHERE a.method = 'random' ORDER BY "
                        "a.id LIMIT 1 OFFSET 500"));
  const std::string number = scalar(
      "SELECT c.number FROM assignment a JOIN case_file c ON c.id = a.case_id "
      "WHERE a.audit_seq = " +
      std::to_string(seq));
  ASSERT_EQ(sql("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_checkpoint_no_delete; "
                "DELETE FROM audit_checkpoint;"),
            "");
  const std::string fields =
      scalar("SELECT fields FROM audit_log WHERE seq = " + std::to_string(seq));
  const auto at = fields.find("\"candidates.0.weight_sum\":\"");
  ASSERT_NE(at, std::string::npos);
  std::string forged = fields;
  forged.insert(at + std::string("\"candidates.0.weight_sum\":\"").size(), "1");  // 12 -> 112
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h, "UPDATE audit_log SET fields = ? WHERE seq = ?", -1, &st, nullptr);
  sqlite3_bind_text(st, 1, forged.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 2, seq);
  ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
  sqlite3_close(h);
  rehash_from(seq);
  auto v = verify();
  EXPECT_EQ(v.at("ok"), false);
  EXPECT_EQ(v.at("first_bad_seq"), seq);
  EXPECT_EQ(std::string(v.at("bad_case").as_string()), number);
}

}  // namespace

// The working-day calendar and the statutory deadlines: built in, no database needed.
namespace {

// zeren backup / restore: the copy comes back with the same audit head, verified; nothing is ever
// overwritten; a backup altered after it was written restores but does not verify.
TEST_F(History, ABackupRestoresWithTheSameHeadAndNeverOverwrites) {
  const std::string backup = (dir / "backup.zbk").string(),
                    restored = (dir / "restored.db").string();
  const auto head = verify().at("head");
  auto b = zeren("backup --json --db " + db + " --out " + backup);
  ASSERT_EQ(b.code, 0) << b.out;
  EXPECT_EQ(b.json().at("audit_head"), head);
  EXPECT_EQ(b.json().at("key_copied"), true);
  EXPECT_TRUE(fs::exists(backup + ".audit-key.pub"));
  auto r = zeren("restore --json --in " + backup + " --db " + restored);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.json().at("verified"), true);
  EXPECT_EQ(r.json().at("restored_head"), head);
  EXPECT_EQ(r.json().at("rows"), b.json().at("rows"));
  auto again = zeren("audit verify --json --db " + restored);
  EXPECT_EQ(again.code, 0);
  EXPECT_EQ(again.json().at("head"), head);

  auto over_backup = zeren("backup --json --db " + db + " --out " + backup);
  EXPECT_EQ(over_backup.code, 5);
  EXPECT_EQ(over_backup.json().at("error").at("field"), "out");
  auto over_db = zeren("restore --json --in " + backup + " --db " + restored);
  EXPECT_EQ(over_db.code, 5);
  EXPECT_EQ(over_db.json().at("error").at("field"), "db");
  EXPECT_EQ(zeren("restore --json --in " + (dir / "none.zbk").string() + " --db x.db").code, 4);

  const std::string original = db;
  db = backup;  // alter the backup file as someone holding it would
  ASSERT_EQ(sql("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'user:1' "
                "WHERE seq = 100"),
            "");
  db = original;
  auto bad = zeren("restore --json --in " + backup + " --db " + (dir / "bad.db").string());
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(bad.json().at("verified"), false);
}

// The backup format is the same for both backends, so a database moves from SQLite to PostgreSQL
// and back, keeping its head; restore refuses a PostgreSQL database that holds data.
TEST_F(History, ABackupMovesTheDatabaseToPostgresqlAndBack) {
  const char* url_file = std::getenv("ZEREN_PG_URL_FILE");
  if (!url_file) GTEST_SKIP() << "no PostgreSQL cluster (run through ctest, which starts one)";
  std::string admin;
  std::getline(std::ifstream(url_file), admin);
  const std::string pg =
      admin.substr(0, admin.rfind('/') + 1) + "cli_" + std::to_string(::getpid());
  const auto head = verify().at("head");
  const std::string first = (dir / "first.zbk").string(), second = (dir / "second.zbk").string();
  ASSERT_EQ(zeren("backup --json --db " + db + " --out " + first).code, 0);
  // A PostgreSQL database keeps its checkpoint key where ZEREN_AUDIT_KEY says.
  ::setenv("ZEREN_AUDIT_KEY", (dir / "pg.audit-key").c_str(), 1);
  auto to_pg = zeren("restore --json --in " + first + " --db " + pg);
  ASSERT_EQ(to_pg.code, 0) << to_pg.out;
  EXPECT_EQ(to_pg.json().at("restored_head"), head);
  EXPECT_EQ(zeren("restore --json --in " + first + " --db " + pg).code, 5);  // not empty
  // The restore vacuumed and analysed every table itself, as a DBA sees it in pg_stat. (Not how
  // many pages VACUUM could mark all-visible: an autovacuum worker that began while the rows were
  // copied holds that back, and under the sanitizers one sometimes did.)
  const char* pg_bin = std::getenv("PG_BIN");
  const std::string psql = std::string(pg_bin ? pg_bin : "/usr/lib/postgresql/15/bin") + "/psql";
  const auto vacuumed = run(psql + " '" + pg +
                            "' -Atc \"SELECT COUNT(*) > 0 AND bool_and("
                            "last_vacuum IS NOT NULL AND last_analyze IS NOT NULL) FROM "
                            "pg_stat_user_tables WHERE schemaname = 'public'\"");
  EXPECT_EQ(vacuumed.code, 0);
  EXPECT_EQ(vacuumed.out, "t\n");
  auto from_pg = zeren("backup --json --db " + pg + " --out " + second);
  ASSERT_EQ(from_pg.code, 0) << from_pg.out;
  EXPECT_EQ(from_pg.json().at("audit_head"), head);
  ::unsetenv("ZEREN_AUDIT_KEY");
  auto back = zeren("restore --json --in " + second + " --db " + (dir / "back.db").string());
  ASSERT_EQ(back.code, 0) << back.out;
  EXPECT_EQ(back.json().at("restored_head"), head);
  EXPECT_EQ(back.json().at("rows"), to_pg.json().at("rows"));
}

TEST_F(Cli, DeadlineOfProsecutionReviewEndsOnASwappedSaturday) {
  auto r = zeren("deadline --category 审查起诉 --received 2026-01-30 --json");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.json().at("due"), "2026-02-28");
  const std::string basis(r.json().at("basis").as_string());
  EXPECT_NE(basis.find("刑事诉讼法第一百七十二条"), std::string::npos) << basis;
  auto text = zeren("deadline --category prosecution_review --received 2026-01-30");
  EXPECT_EQ(text.code, 0);
  EXPECT_NE(text.out.find("2026-02-28"), std::string::npos) << text.out;
}

TEST_F(Cli, DeadlineRollsPastAHolidayUnlessInCustody) {
  auto free = zeren("deadline --category 审查逮捕 --received 2026-09-16 --json");
  ASSERT_EQ(free.code, 0) << free.out;
  EXPECT_EQ(free.json().at("due"), "2026-10-08");
  auto held = zeren("deadline --category 退回补充侦查 --received 2026-09-01 --custody --json");
  ASSERT_EQ(held.code, 0) << held.out;
  EXPECT_EQ(held.json().at("due"), "2026-10-01");
  auto fast = zeren(
      "deadline --category 审查起诉 --received 2026-03-02 --fast-track --sentence-over-one-year "
      "--json");
  ASSERT_EQ(fast.code, 0) << fast.out;
  EXPECT_EQ(fast.json().at("due"), "2026-03-17");
}

TEST_F(Cli, DeadlineRefusesABadDateOrCategoryNamingTheField) {
  auto date = zeren("deadline --category 审查起诉 --received 2026-02-30 --json");
  EXPECT_EQ(date.code, 3) << date.out;
  EXPECT_EQ(date.json().at("error").at("field"), "received");
  auto category = zeren("deadline --category 审查 --received 2026-01-30 --json");
  EXPECT_EQ(category.code, 3) << category.out;
  EXPECT_EQ(category.json().at("error").at("field"), "category");
  EXPECT_EQ(zeren("deadline --received 2026-01-30").code, 2);  // usage: no category
}

TEST_F(Cli, DeadlineInAYearWithoutACalendarExitsFour) {
  auto r = zeren("deadline --category 审查起诉 --received 2026-12-15 --json");
  EXPECT_EQ(r.code, 4) << r.out;
  EXPECT_EQ(r.json().at("error").at("code"), "calendar_year_missing");
  auto held = zeren("deadline --category 审查起诉 --received 2026-12-15 --custody --json");
  ASSERT_EQ(held.code, 0) << held.out;
  EXPECT_EQ(held.json().at("due"), "2027-01-15");
}

TEST_F(Cli, CalendarAddsWorkdaysAcrossTheSpringFestival) {
  auto r = zeren("calendar add-workdays 2026-02-12 10 --json");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.json().at("date"), "2026-03-04");
  auto text = zeren("calendar add-workdays 2026-02-12 10");
  EXPECT_EQ(text.code, 0);
  EXPECT_NE(text.out.find("2026-03-04"), std::string::npos) << text.out;
}

TEST_F(Cli, CalendarKnowsSwappedWorkingDaysAndHolidays) {
  auto sat = zeren("calendar is-workday 2026-02-14 --json");
  ASSERT_EQ(sat.code, 0) << sat.out;
  EXPECT_EQ(sat.json().at("workday"), true);
  EXPECT_EQ(sat.json().at("note"), "春节调休上班");
  auto holiday = zeren("calendar is-workday 2026-02-16 --json");
  ASSERT_EQ(holiday.code, 0) << holiday.out;
  EXPECT_EQ(holiday.json().at("workday"), false);
  EXPECT_EQ(holiday.json().at("note"), "春节");
  auto sunday = zeren("calendar is-workday 2026-03-08 --json");
  ASSERT_EQ(sunday.code, 0);
  EXPECT_EQ(sunday.json().at("workday"), false);
  EXPECT_FALSE(sunday.json().as_object().contains("note"));
}

TEST_F(Cli, CalendarRefusesBadDatesAndUnknownYears) {
  auto bad = zeren("calendar is-workday 2026-13-01 --json");
  EXPECT_EQ(bad.code, 3) << bad.out;
  EXPECT_EQ(bad.json().at("error").at("field"), "date");
  auto missing = zeren("calendar is-workday 2027-01-04 --json");
  EXPECT_EQ(missing.code, 4) << missing.out;
  EXPECT_EQ(missing.json().at("error").at("code"), "calendar_year_missing");
  auto beyond = zeren("calendar add-workdays 2026-12-30 2 --json");
  EXPECT_EQ(beyond.code, 4) << beyond.out;
  EXPECT_EQ(zeren("calendar add-workdays 2026-02-12 ten").code, 2);  // usage
}

}  // namespace
