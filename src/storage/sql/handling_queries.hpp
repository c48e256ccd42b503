// The queries that read decisions (with their objections), case notes and follow-ups for a
// HandlingRepository::Scope: built apart from running them, so that a test can ask SQLite how it
// plans each (tests/storage/handling_plan_test.cpp). Their texts depend on which of the scope's
// parts are set, never on their values, which are bound: each shape is prepared once per
// connection.
#pragma once

#include "domain/ports.hpp"
#include "storage/sql/built_sql.hpp"
#include "storage/sql/dialect.hpp"

namespace zeren::sql {

using HandlingScope = HandlingRepository::Scope;

// decision_id, person_id, text, at_us of the objections to the scope's decisions, in order.
BuiltSql objection_rows_query(Backend b, const HandlingScope& s);
// Every column of the scope's decisions (x), by id.
BuiltSql decision_rows_query(Backend b, const HandlingScope& s);
// Every column of the scope's case notes (x), by id.
BuiltSql note_rows_query(Backend b, const HandlingScope& s);
// Every column of the scope's follow-ups (x), by id; only those not yet answered when asked.
BuiltSql follow_up_rows_query(Backend b, const HandlingScope& s, bool unanswered_only);

}  // namespace zeren::sql
