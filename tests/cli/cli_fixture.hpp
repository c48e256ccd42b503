// The fixture of the CLI tests: a fresh directory and database per test, the `zeren` binary run
// as a console operator would run it, and reads of the SQLite file beside it. Shared by the test
// files of tests/cli/.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace zeren::cli_test {

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
    return run(std::string(std::getenv("ZEREN_BINARY")) + " " + args + " < " + in_file +
               " 2>/dev/null");
  }

  // Runs a shell command, capturing standard output and the exit code.
  Outcome run(const std::string& cmd) {
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

  // The first column of the first row, as text.
  std::string scalar(const std::string& query) {
    sqlite3* h = nullptr;
    sqlite3_open(db.c_str(), &h);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, query.c_str(), -1, &st, nullptr);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(h);
    return out;
  }

  json::object verify() {
    auto r = zeren("audit verify --json --db " + db);
    auto v = r.json().as_object();
    v["exit"] = r.code;
    return v;
  }

  // The organisation only; the history (a year of cases) is loaded once for the History tests.
  void load_demo() {
    auto r = zeren("demo --json --no-history --db " + db);
    ASSERT_EQ(r.code, 0) << r.out;
  }

  fs::path dir;
  std::string db;
};

}  // namespace zeren::cli_test
