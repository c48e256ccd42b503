// The case list's query (CaseRepository::search_cases): built apart from running it, so that a
// test can ask SQLite how it plans each shape of list (tests/storage/case_search_plan_test.cpp).
#pragma once

#include "domain/ports.hpp"
#include "storage/sql/built_sql.hpp"
#include "storage/sql/dialect.hpp"

namespace zeren::sql {

// `q.within` must not be empty.
BuiltSql case_search_text(const CaseRepository::Query& q, Backend backend);

}  // namespace zeren::sql
