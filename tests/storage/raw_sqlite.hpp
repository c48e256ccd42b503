// A database file opened with the SQLite C API alone, to act as someone with the sqlite3 shell
// (or, with a VFS named, as a program on that file layer).
#pragma once

#include <sqlite3.h>

#include <string>

namespace zeren::testing {

struct Raw {
  sqlite3* db = nullptr;
  // `vfs`: nullptr for the process's default.
  explicit Raw(const std::string& path, const char* vfs = nullptr) {
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs);
  }
  ~Raw() { sqlite3_close_v2(db); }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;

  // "" when it ran, else SQLite's message.
  std::string exec(const std::string& sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string msg = rc == SQLITE_OK ? "" : (err ? err : "error");
    sqlite3_free(err);
    return msg;
  }
  // The first column of the first row; "(error)" when there is none.
  std::string scalar(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    std::string out = "(error)";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      const auto* t = sqlite3_column_text(st, 0);
      out = t ? reinterpret_cast<const char*>(t) : "";
    }
    sqlite3_finalize(st);
    return out;
  }
};

}  // namespace zeren::testing
