#include "storage/sql/handling_queries.hpp"

#include <string>
#include <vector>

namespace zeren::sql {

namespace {

// Which of x's columns dates a record, for a scope's year: an ISO date, or microseconds.
struct Dated {
  const char* column;
  bool micros = false;
};
constexpr Dated kDecided{"decided_at_us", true}, kNoted{"on_date"}, kRequested{"requested_on"};

// Appends the WHERE clause of scope `s` over table alias x joined to its case c.
void append_scope(BuiltSql& q, Backend b, const HandlingScope& s, Dated dated) {
  if (s.case_id) {
    q.sql += " WHERE x.case_id = " + q.bind(s.case_id->value);
  } else if (s.within.empty()) {
    q.sql += " WHERE 1 = 0";
    return;
  } else {
    std::vector<long long> ids;
    ids.reserve(s.within.size());
    for (auto p : s.within) ids.push_back(p.value);
    const std::string list = q.bind(id_list(b, ids));
    // With a year the date's index finds the records: `+` keeps SQLite's planner from walking
    // every case of the 院 instead, a number that grows every year (PostgreSQL plans by its
    // statistics and takes the `+` as written).
    q.sql += " WHERE " + id_in_list(b, s.year ? "+c.procuratorate_id" : "c.procuratorate_id", list);
  }
  if (!s.year) return;
  const Date first = *Date::from_ymd(*s.year, 1, 1), next = *Date::from_ymd(*s.year + 1, 1, 1);
  const std::string column = std::string(" AND x.") + dated.column;
  if (dated.micros) {
    // China time (UTC+8): the year starts at 16:00 UTC on the last day of the year before.
    const auto us = [](Date d) -> long long {
      return (d.days_since_epoch() * 86'400LL - 8 * 3'600) * 1'000'000;
    };
    q.sql += column + " >= " + q.bind(us(first));
    q.sql += column + " < " + q.bind(us(next));
  } else {
    q.sql += column + " BETWEEN " + q.bind(first.iso());
    q.sql += " AND " + q.bind(Date::from_days(next.days_since_epoch() - 1).iso());
  }
}

// `select_from` (x joined to its case c), the scope's WHERE clause, then `tail`.
BuiltSql scoped(const char* select_from, Backend b, const HandlingScope& s, Dated dated,
                const char* tail) {
  BuiltSql q;
  q.sql = select_from;
  append_scope(q, b, s, dated);
  q.sql += tail;
  return q;
}

}  // namespace

BuiltSql objection_rows_query(Backend b, const HandlingScope& s) {
  return scoped(
      "SELECT o.decision_id, o.person_id, o.text, o.at_us FROM decision_objection o "
      "JOIN decision x ON x.id = o.decision_id JOIN case_file c ON c.id = x.case_id",
      b, s, kDecided, " ORDER BY o.decision_id, o.position");
}

BuiltSql decision_rows_query(Backend b, const HandlingScope& s) {
  return scoped(
      "SELECT x.id, x.case_id, x.type, x.proposed_type, x.holder, x.power_list_version, "
      "x.status, x.reasoning, x.proposed_by, x.proposed_actor, x.proposed_at_us, x.decided_by, "
      "x.decided_actor, x.decided_at_us, x.note, x.document_number FROM decision x "
      "JOIN case_file c ON c.id = x.case_id",
      b, s, kDecided, " ORDER BY x.id");
}

BuiltSql note_rows_query(Backend b, const HandlingScope& s) {
  return scoped(
      "SELECT x.id, x.case_id, x.kind, x.code, x.on_date, x.text, x.person_id, x.actor, x.at_us "
      "FROM case_note x JOIN case_file c ON c.id = x.case_id",
      b, s, kNoted, " ORDER BY x.id");
}

BuiltSql follow_up_rows_query(Backend b, const HandlingScope& s, bool unanswered_only) {
  return scoped(
      "SELECT x.id, x.case_id, x.kind, x.code, x.flag, x.request, x.requested_by, "
      "x.requested_actor, x.requested_on, x.due_on, x.answer, x.answered_by, x.answered_actor, "
      "x.answered_on FROM follow_up x JOIN case_file c ON c.id = x.case_id",
      b, s, kRequested,
      unanswered_only ? " AND x.answered_on IS NULL ORDER BY x.id" : " ORDER BY x.id");
}

}  // namespace zeren::sql
