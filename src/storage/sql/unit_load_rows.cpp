// Each unit's load, kept with every write of a case (unit_load.hpp) so that an intake reads a few
// rows instead of summing its department's cases: the sum grew with every case the department
// ever took in.
#include <soci/soci.h>

#include "storage/sql/rows.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"
#include "storage/sql/unit_load.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

std::optional<LoadShare> load_share(long long department, std::optional<UnitId> unit,
                                    CaseStatus status, Difficulty difficulty,
                                    const std::optional<Date>& concluded_on,
                                    const std::optional<Date>& transferred_on) {
  if (!unit) return std::nullopt;
  LoadShare s{department, unit->value, 0, difficulty == Difficulty::difficult};
  switch (status) {
    case CaseStatus::assigned:
    case CaseStatus::in_progress:
    case CaseStatus::awaiting_decision:
    case CaseStatus::returned: return s;
    case CaseStatus::concluded:
    case CaseStatus::archived:
      if (!concluded_on) return std::nullopt;
      s.counted_year = concluded_on->year();
      return s;
    case CaseStatus::transferred:
      if (!transferred_on) return std::nullopt;
      s.counted_year = transferred_on->year();
      return s;
    case CaseStatus::registered:
    case CaseStatus::withdrawn: return std::nullopt;
  }
  return std::nullopt;
}

// Throws like SOCI; called inside the repositories' guarded bodies.
void SqlTransaction::count_in_load(const std::optional<LoadShare>& before,
                                   const std::optional<LoadShare>& after) {
  if (before == after) return;
  const auto add = [&](const LoadShare& s, int by) {
    long long dept = s.department, unit = s.unit;
    int year = s.counted_year, difficult = s.difficult ? by : 0, ordinary = s.difficult ? 0 : by;
    statements_.run(
        "INSERT INTO unit_load (department_id, unit_id, counted_year, difficult, ordinary) "
        "VALUES (:d, :u, :y, :df, :o) ON CONFLICT (department_id, unit_id, counted_year) "
        "DO UPDATE SET difficult = unit_load.difficult + excluded.difficult, "
        "ordinary = unit_load.ordinary + excluded.ordinary",
        use(dept), use(unit), use(year), use(difficult), use(ordinary));
  };
  if (before) add(*before, -1);
  if (after) add(*after, 1);
}

SqlTransaction::StoredShares SqlTransaction::stored_shares(long long case_id) {
  long long proc = 0, dept = 0, unit = 0;
  int extended = 0, custody = 0;
  std::string status, difficulty, received, concluded, transferred;
  soci::indicator unit_ind = soci::i_null, concluded_ind = soci::i_null,
                  transferred_ind = soci::i_null;
  statements_.run(
      "SELECT procuratorate_id, department_id, unit_id, status, difficulty, received_on, "
      "concluded_on, transferred_on, extended, custody FROM case_file WHERE id = :id",
      use(case_id), into(proc), into(dept), into(unit, unit_ind), into(status), into(difficulty),
      into(received), into(concluded, concluded_ind), into(transferred, transferred_ind),
      into(extended), into(custody));
  if (!sql_.got_data()) return {};
  const auto u = unit_ind == soci::i_null ? std::nullopt : std::optional{UnitId{unit}};
  const auto st = term_or_throw<CaseStatus>(status);
  const auto concluded_on = date_or_null(concluded_ind, concluded);
  return {load_share(dept, u, st, term_or_throw<Difficulty>(difficulty), concluded_on,
                     date_or_null(transferred_ind, transferred)),
          tally_key(proc, u, st, date_or_throw(received), concluded_on),
          open_key(proc, u, st, extended == 1, custody == 1)};
}

Result<std::map<UnitId, std::int64_t>> SqlTransaction::unit_weight_sums(DepartmentId d,
                                                                        const PlanRules& rules,
                                                                        int window_year) {
  return guarded_value<std::map<UnitId, std::int64_t>>(
      [&]() -> Result<std::map<UnitId, std::int64_t>> {
        std::map<UnitId, std::int64_t> out;
        long long dept = d.value, unit = 0, difficult = 0, ordinary = 0;
        soci::statement& st = statements_.bind(
            "SELECT unit_id, CAST(SUM(difficult) AS BIGINT), CAST(SUM(ordinary) AS BIGINT) "
            "FROM unit_load WHERE department_id = :d AND counted_year IN (0, :y) "
            "GROUP BY unit_id HAVING SUM(difficult) + SUM(ordinary) > 0",
            use(dept), use(window_year), into(unit), into(difficult), into(ordinary));
        st.execute();
        while (st.fetch())
          out[UnitId{unit}] = difficult * rules.weight_difficult + ordinary * rules.weight_ordinary;
        return out;
      });
}

}  // namespace zeren::sql
