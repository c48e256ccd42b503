// Numbered schema migrations, one list for both backends, applied in order and recorded in
// schema_migrations. Never edit a migration that has shipped: add the next one.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "storage/sql/dialect.hpp"

namespace zeren::sql {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;  // shared; may hold several statements; written in SQLite's spelling
  std::string_view sqlite_only = {};
  std::string_view postgresql_only = {};
};

std::span<const Migration> migrations();

// The migration's script for `backend`: on PostgreSQL a row id (INTEGER PRIMARY KEY) becomes an
// identity column and every INTEGER a BIGINT (SQLite's integers are 64-bit), then the part only
// that backend has is added.
std::string script_for(const Migration& m, Backend backend);

}  // namespace zeren::sql
