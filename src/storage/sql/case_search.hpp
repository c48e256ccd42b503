// The case list's query (CaseRepository::search_cases) as text, with the values of its
// placeholders in the order they appear: built apart from running it, so that a test can ask
// SQLite how it plans each shape of list (tests/storage/case_search_plan_test.cpp).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "domain/ports.hpp"
#include "storage/sql/dialect.hpp"

namespace zeren::sql {

struct CaseSearchText {
  std::string sql;  // SELECT c.id … ORDER BY c.id DESC LIMIT :l
  std::vector<std::variant<long long, std::string>> values;  // one per placeholder, in order
};

// `q.within` must not be empty.
CaseSearchText case_search_text(const CaseRepository::Query& q, Backend backend);

}  // namespace zeren::sql
