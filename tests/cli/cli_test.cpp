// The zeren binary end to end, as an operator at the console would use it.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

struct Outcome {
  int code = -1;
  std::string out;
  json::value json() const { return json::parse(out); }
};

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("zeren-cli-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    db = (dir / "zeren.db").string();
  }
  void TearDown() override { fs::remove_all(dir); }

  // Runs `zeren ARGS` (stdin from `input`), capturing standard output and the exit code.
  Outcome zeren(const std::string& args, const std::string& input = "") {
    const std::string in_file = (dir / "stdin").string();
    FILE* in = std::fopen(in_file.c_str(), "w");
    std::fputs(input.c_str(), in);
    std::fclose(in);
    const std::string cmd =
        std::string(std::getenv("ZEREN_BINARY")) + " " + args + " < " + in_file + " 2>/dev/null";
    Outcome r;
    FILE* p = ::popen(cmd.c_str(), "r");
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    const int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
  }

  // Acts on the file as someone with the sqlite3 shell would.
  std::string sql(const std::string& statement) {
    sqlite3* h = nullptr;
    sqlite3_open(db.c_str(), &h);
    char* err = nullptr;
    const int rc = sqlite3_exec(h, statement.c_str(), nullptr, nullptr, &err);
    std::string msg = rc == SQLITE_OK ? "" : (err ? err : "error");
    sqlite3_free(err);
    sqlite3_close(h);
    return msg;
  }

  json::object verify() {
    auto r = zeren("audit verify --json --db " + db);
    auto v = r.json().as_object();
    v["exit"] = r.code;
    return v;
  }

  void load_demo() {
    auto r = zeren("demo --json --db " + db);
    ASSERT_EQ(r.code, 0) << r.out;
  }

  fs::path dir;
  std::string db;
};

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
  EXPECT_EQ(first.json().at("schema_version"), 3);
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
  auto again = zeren("demo --json --db " + db);
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
  auto r = zeren("demo --json --data " + bad + " --db " + db);
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.json().at("error").at("field"), "procuratorates[0].level");
}

TEST_F(Cli, UserAddMakesAnAccountThatMustChangeItsPassword) {
  load_demo();
  auto r = zeren("user add --json --db " + db + " --username xinzhanghao --procuratorate 嘉城 "
                 "--role case_manager --password-stdin",
                 "Xin-Zhanghao-2026\n");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.json().at("must_change_password"), true);
  auto dup = zeren("user add --json --db " + db + " --username xinzhanghao --procuratorate 嘉 "
                   "--role prosecutor",
                   "Xin-Zhanghao-2026\n");
  EXPECT_EQ(dup.code, 5);
  auto weak = zeren("user add --json --db " + db + " --username weak --procuratorate 嘉 "
                    "--role prosecutor",
                    "password\n");
  EXPECT_EQ(weak.code, 3);
  EXPECT_EQ(weak.json().at("error").at("field"), "password");
  auto mixed = zeren("user add --json --db " + db + " --username mixed --procuratorate 嘉 "
                     "--role system_admin --role security_auditor",
                     "Xin-Zhanghao-2026\n");
  EXPECT_EQ(mixed.code, 3);
  EXPECT_EQ(mixed.json().at("error").at("field"), "roles");
  auto nowhere = zeren("user add --json --db " + db + " --username nowhere --procuratorate 兰 "
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
    ASSERT_EQ(sql("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; "
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

}  // namespace
