// Numbered schema migrations for SQLite, applied in order and recorded in schema_migrations.
// Never edit a migration that has shipped: add the next one.
#pragma once

#include <span>
#include <string_view>

namespace zeren::sqlite {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;  // may hold several statements
};

std::span<const Migration> migrations();

}  // namespace zeren::sqlite
