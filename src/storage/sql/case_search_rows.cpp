// CaseRepository::search_cases on SQLite: the filtered, paged case list.
#include <soci/soci.h>

#include "storage/sql/case_search.hpp"
#include "storage/sql/rows.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

namespace {

// LIKE with the user's text taken literally: % _ and the escape character itself are escaped.
std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out.push_back('\\');
    out.push_back(ch);
  }
  out.push_back('%');
  return out;
}

}  // namespace

BuiltSql case_search_text(const CaseRepository::Query& q, Backend backend) {
  // The page is the newest matching cases, so the best plan walks the cases from the newest id
  // down and stops at the page's end. SQLite's planner, without row counts per value, would
  // rather collect every case of the 院 or status through their indexes (hundreds of thousands
  // in a province) and sort them: `+ 0` and `|| ''` keep it off those two, while the selective
  // filters (department, unit, text) still use theirs. PostgreSQL weighs its statistics and
  // picks the walk down the ids itself; the same hints would hide those statistics from it
  // (it then guesses a handful of rows, scans the whole table and sorts), so it gets plain
  // columns.
  // A reach of one 院 with no selective filter walks that 院's cases alone, newest first
  // (case_newest_by_procuratorate), and SQLite is told so by the plain column.
  // A unit or a person's units hold few cases, found through the index that holds the status
  // beside them (case_by_unit): there the status is a plain column too, so that only the cases of
  // that status are read. A prosecutor's home page asks for each open status of their units in
  // turn, and their units' closed cases are most of them.
  const bool sqlite = backend == Backend::sqlite;
  const bool one_procuratorate_walk = q.within.size() == 1 && !q.department && !q.unit &&
                                      !q.received_from && !q.received_to && q.text.empty() &&
                                      !q.handled_by;
  const bool by_unit = q.unit || q.handled_by;
  BuiltSql out;
  std::string& sql = out.sql;
  sql = sqlite && !one_procuratorate_walk
            ? "SELECT c.id FROM case_file c WHERE (c.procuratorate_id + 0) IN ("
            : "SELECT c.id FROM case_file c WHERE c.procuratorate_id IN (";
  for (std::size_t i = 0; i < q.within.size(); ++i) {
    sql += i ? ", :p" + std::to_string(i) : ":p0";
    out.values.emplace_back(q.within[i].value);
  }
  sql += ")";
  auto text = [&](const std::string& clause, std::string value) {
    sql += clause;
    out.values.emplace_back(std::move(value));
  };
  auto number = [&](const std::string& clause, long long value) {
    sql += clause;
    out.values.emplace_back(value);
  };
  if (q.status)
    text(sqlite && !by_unit ? " AND (c.status || '') = :st" : " AND c.status = :st",
         std::string(code_of(*q.status)));
  if (q.category) text(" AND c.category = :ca", std::string(code_of(*q.category)));
  if (q.department) number(" AND c.department_id = :d", q.department->value);
  if (q.unit) number(" AND c.unit_id = :u", q.unit->value);
  if (q.received_from) text(" AND c.received_on >= :rf", q.received_from->iso());
  if (q.received_to) text(" AND c.received_on <= :rt", q.received_to->iso());
  if (!q.text.empty()) {
    const std::string pattern = like_pattern(q.text);
    text(" AND (LOWER(c.number) LIKE LOWER(:t1) ESCAPE '\\'", pattern);
    text(
        " OR EXISTS (SELECT 1 FROM case_party x WHERE x.case_id = c.id AND LOWER(x.name) LIKE "
        "LOWER(:t2) "
        "ESCAPE '\\'))",
        pattern);
  }
  if (q.handled_by) {
    number(" AND c.unit_id IN (SELECT u.id FROM unit u WHERE u.lead_id = :h1", q.handled_by->value);
    number(" UNION SELECT m.unit_id FROM unit_member m WHERE m.person_id = :h2)",
           q.handled_by->value);
  }
  if (q.before) number(" AND c.id < :b", q.before->value);
  number(" ORDER BY c.id DESC LIMIT :l", q.limit);
  return out;
}

Result<std::vector<Case>> SqlTransaction::search_cases(const Query& q) {
  if (q.within.empty()) return std::vector<Case>{};
  auto ids = guarded_value<std::vector<long long>>([&]() -> Result<std::vector<long long>> {
    BuiltSql search = case_search_text(q, backend_);
    // On SQLite its text depends on the filters and the number of 院 in reach, not on their
    // values, and so does its plan (Zeren keeps no statistics there): a reader's few shapes of
    // list are each prepared once per connection. PostgreSQL plans a kept statement once for any
    // values after a few runs, while the best walk depends on how many cases the values match
    // (one district's, or a whole province's): it plans each list afresh.
    if (backend_ == Backend::sqlite) return ids_of(statements_.with_values(search));
    soci::statement st(sql_);
    st.alloc();
    st.prepare(search.sql);
    search.exchange_values(st);
    return ids_of(st);
  });
  if (!ids) return ids.error();
  return cases_in_order(*ids, true);
}

}  // namespace zeren::sql
