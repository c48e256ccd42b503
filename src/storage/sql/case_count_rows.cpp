// What the year's statistics count of the cases, counted by the database (GROUP BY over the
// indexes of migration 9) instead of every case of the scope read into memory.
#include <soci/soci.h>

#include "storage/sql/rows.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

Result<CaseRepository::YearCounts> SqlTransaction::year_counts(ProcuratorateId p, int year) {
  return guarded_value<YearCounts>([&]() -> Result<YearCounts> {
    YearCounts out;
    long long proc = p.value, count = 0;
    const std::string from = std::to_string(year) + "-01-01", to = std::to_string(year) + "-12-31";
    std::string month;
    const auto per_month = [&](const std::string& column,
                               std::map<std::string, std::int64_t>& to_map) {
      soci::statement& st =
          statements_.bind("SELECT substr(" + column +
                               ", 1, 7), COUNT(*) FROM case_file WHERE procuratorate_id = :p "
                               "AND " +
                               column +
                               " BETWEEN :f AND :t AND status <> 'withdrawn' "
                               "GROUP BY substr(" +
                               column + ", 1, 7)",
                           use(proc), use(from), use(to), into(month), into(count));
      st.execute();
      while (st.fetch()) to_map[month] = count;
    };
    per_month("received_on", out.received_by_month);
    per_month("concluded_on", out.concluded_by_month);
    long long unit = 0;
    soci::statement& st = statements_.bind(
        "SELECT unit_id, COUNT(*) FROM case_file WHERE procuratorate_id = :p "
        "AND received_on BETWEEN :f AND :t AND status <> 'withdrawn' AND unit_id IS NOT NULL "
        "GROUP BY unit_id",
        use(proc), use(from), use(to), into(unit), into(count));
    st.execute();
    while (st.fetch()) out.received_by_unit[UnitId{unit}] = count;
    return out;
  });
}

Result<std::map<CaseId, DepartmentId>> SqlTransaction::case_departments(
    const std::set<CaseId>& ids) {
  return guarded_value<std::map<CaseId, DepartmentId>>(
      [&]() -> Result<std::map<CaseId, DepartmentId>> {
        std::map<CaseId, DepartmentId> out;
        // In slices of a fixed size, so that only a few query texts are ever prepared.
        constexpr std::size_t kSlice = 64;
        std::string q = "SELECT id, department_id FROM case_file WHERE id IN (";
        for (std::size_t i = 0; i < kSlice; ++i) q += i ? ", :i" + std::to_string(i) : ":i0";
        q += ")";
        std::vector<long long> slice;
        const auto read = [&] {
          if (slice.empty()) return;
          slice.resize(kSlice, slice.front());  // repeats of an id change nothing
          long long id = 0, dept = 0;
          soci::statement& st = statements_.unbound(q);
          for (auto& v : slice) st.exchange(use(v));
          st.exchange(into(id));
          st.exchange(into(dept));
          st.define_and_bind();
          st.execute();
          while (st.fetch()) out[CaseId{id}] = DepartmentId{dept};
          slice.clear();
        };
        for (auto id : ids) {
          slice.push_back(id.value);
          if (slice.size() == kSlice) read();
        }
        read();
        return out;
      });
}

}  // namespace zeren::sql
