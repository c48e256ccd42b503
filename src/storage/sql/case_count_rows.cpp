// The departments of the cases the year's statistics count decisions of, read a slice at a time.
// (The year's case counts come from the kept tallies: case_tally_rows.cpp.)
#include <soci/soci.h>

#include "storage/sql/rows.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

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
