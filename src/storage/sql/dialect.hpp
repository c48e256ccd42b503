// The two SQL dialects Zeren speaks. The repositories use SQL both accept (RETURNING, ON CONFLICT
// … DO UPDATE, CAST, LOWER … LIKE); what differs is kept here and in migrations.cpp, which turns
// each shared migration into either dialect:
//   - column types: SQLite's INTEGER is 64-bit, PostgreSQL's BIGINT; a row id is SQLite's
//     INTEGER PRIMARY KEY (the rowid), PostgreSQL's identity column;
//   - the triggers that make the audit log append-only;
//   - running a script of several statements;
//   - a list of ids bound as one value (id_in_list, id_list);
//   - locking: SQLite has one writer at a time for the whole file (BEGIN IMMEDIATE); PostgreSQL
//     serialises the audit chain with an advisory lock (postgres/pg_store.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace zeren::sql {

enum class Backend { sqlite, postgresql };

constexpr std::string_view name_of(Backend b) {
  return b == Backend::sqlite ? "sqlite" : "postgresql";
}

// A list of ids bound as one text value, so that a query over a page's ids has one text whatever
// their number and is prepared once per connection: `column` is one of the ids in the text that
// id_list() writes and `param` (":a") binds. SQLite reads it as a JSON array, PostgreSQL as an
// array literal.
inline std::string id_in_list(Backend b, std::string_view column, std::string_view param) {
  std::string out(column);
  if (b == Backend::sqlite)
    out.append(" IN (SELECT value FROM json_each(").append(param).append("))");
  else
    out.append(" = ANY (CAST(").append(param).append(" AS BIGINT[]))");
  return out;
}
inline std::string id_list(Backend b, const std::vector<long long>& ids) {
  std::string out(1, b == Backend::sqlite ? '[' : '{');
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out.push_back(',');
    out += std::to_string(ids[i]);
  }
  out.push_back(b == Backend::sqlite ? ']' : '}');
  return out;
}

}  // namespace zeren::sql
