// SQLite's plan for a built query, its values bound: the details of its steps, one per line, as
// `EXPLAIN QUERY PLAN` gives them. Zeren runs no ANALYZE on SQLite, so the planner decides from
// the schema alone and a database of any size gets the plans an empty one gets.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <string>
#include <variant>

#include "raw_sqlite.hpp"
#include "sqlite_factory.hpp"
#include "storage/sql/built_sql.hpp"

namespace zeren::testing {

inline std::string query_plan(Raw& raw, const sql::BuiltSql& q) {
  sqlite3_stmt* st = nullptr;
  const std::string explain = "EXPLAIN QUERY PLAN " + q.sql;
  if (sqlite3_prepare_v2(raw.db, explain.c_str(), -1, &st, nullptr) != SQLITE_OK)
    return std::string("(error) ") + sqlite3_errmsg(raw.db);
  for (std::size_t i = 0; i < q.values.size(); ++i) {
    const int at = static_cast<int>(i) + 1;
    if (const auto* n = std::get_if<long long>(&q.values[i])) {
      sqlite3_bind_int64(st, at, *n);
    } else {
      const auto& s = std::get<std::string>(q.values[i]);
      sqlite3_bind_text(st, at, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
  }
  std::string out;
  while (sqlite3_step(st) == SQLITE_ROW)
    out += reinterpret_cast<const char*>(sqlite3_column_text(st, 3)) + std::string("\n");
  sqlite3_finalize(st);
  return out;
}

// A test of plans: a fresh database with every migration applied, opened raw.
class PlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = factory_.open_fresh();
    ASSERT_TRUE(opened.ok());
    raw_ = std::make_unique<Raw>(factory_.path());
  }
  std::string plan_of(const sql::BuiltSql& q) { return query_plan(*raw_, q); }

  SqliteFactory factory_;
  std::unique_ptr<Raw> raw_;
};

}  // namespace zeren::testing
