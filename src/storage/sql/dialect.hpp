// The two SQL dialects Zeren speaks. The repositories use SQL both accept (RETURNING, ON CONFLICT
// … DO UPDATE, CAST, LOWER … LIKE); what differs is kept here and in migrations.cpp, which turns
// each shared migration into either dialect:
//   - column types: SQLite's INTEGER is 64-bit, PostgreSQL's BIGINT; a row id is SQLite's
//     INTEGER PRIMARY KEY (the rowid), PostgreSQL's identity column;
//   - the triggers that make the audit log append-only;
//   - running a script of several statements;
//   - locking: SQLite has one writer at a time for the whole file (BEGIN IMMEDIATE); PostgreSQL
//     serialises the audit chain with an advisory lock (postgres/pg_store.cpp).
#pragma once

#include <string_view>

namespace zeren::sql {

enum class Backend { sqlite, postgresql };

constexpr std::string_view name_of(Backend b) {
  return b == Backend::sqlite ? "sqlite" : "postgresql";
}

}  // namespace zeren::sql
