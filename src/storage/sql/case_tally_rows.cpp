// The statistics' tallies and the dashboard's open cases, kept with every write of a case
// (case_tally.hpp), and the year's counts read from the tallies.
#include <soci/soci.h>

#include <map>

#include "storage/sql/case_tally.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

std::optional<TallyKey> tally_key(long long procuratorate, std::optional<UnitId> unit,
                                  CaseStatus status, Date received_on,
                                  const std::optional<Date>& concluded_on) {
  if (status == CaseStatus::withdrawn) return std::nullopt;
  return TallyKey{procuratorate, unit ? unit->value : 0, received_on.iso().substr(0, 7),
                  concluded_on ? concluded_on->iso().substr(0, 7) : std::string()};
}

// Throws like SOCI; called inside the repositories' guarded bodies.
void SqlTransaction::count_in_tally(const std::optional<TallyKey>& before,
                                    const std::optional<TallyKey>& after) {
  if (before == after) return;
  const auto add = [&](const TallyKey& k, int by) {
    long long proc = k.procuratorate, unit = k.unit;
    statements_.run(
        "INSERT INTO case_tally (procuratorate_id, received_month, concluded_month, unit_id, "
        "cases) VALUES (:p, :r, :c, :u, :n) ON CONFLICT (procuratorate_id, received_month, "
        "concluded_month, unit_id) DO UPDATE SET cases = case_tally.cases + excluded.cases",
        use(proc), use(k.received_month), use(k.concluded_month), use(unit), use(by));
  };
  if (before) add(*before, -1);
  if (after) add(*after, 1);
}

std::optional<OpenKey> open_key(long long procuratorate, std::optional<UnitId> unit,
                                CaseStatus status, bool extended, bool custody) {
  if (!is_open(status)) return std::nullopt;
  return OpenKey{procuratorate, unit ? unit->value : 0, std::string(code_of(status)), extended,
                 custody};
}

// Throws like SOCI; called inside the repositories' guarded bodies.
void SqlTransaction::count_in_open(const std::optional<OpenKey>& before,
                                   const std::optional<OpenKey>& after) {
  if (before == after) return;
  const auto add = [&](const OpenKey& k, int by) {
    long long proc = k.procuratorate, unit = k.unit;
    int extended = k.extended ? 1 : 0, custody = k.custody ? 1 : 0;
    statements_.run(
        "INSERT INTO open_tally (procuratorate_id, unit_id, status, extended, custody, cases) "
        "VALUES (:p, :u, :s, :x, :k, :n) ON CONFLICT (procuratorate_id, unit_id, status, "
        "extended, custody) DO UPDATE SET cases = open_tally.cases + excluded.cases",
        use(proc), use(unit), use(k.status), use(extended), use(custody), use(by));
  };
  if (before) add(*before, -1);
  if (after) add(*after, 1);
}

std::string tally_by_month_query(Backend b, const std::string& column) {
  // Per 院 and month, in the order their indexes hold them (case_tally_read by the month
  // received, case_tally_concluded by the month concluded): added up as read, never sorted.
  return "SELECT " + column + ", CAST(SUM(cases) AS BIGINT) FROM case_tally WHERE " +
         id_in_list(b, "procuratorate_id", ":p") + " AND " + column +
         " BETWEEN :f AND :t GROUP BY procuratorate_id, " + column;
}

std::string tally_by_unit_query(Backend b) {
  return "SELECT unit_id, CAST(SUM(cases) AS BIGINT) FROM case_tally WHERE " +
         id_in_list(b, "procuratorate_id", ":p") +
         " AND received_month BETWEEN :f AND :t AND unit_id <> 0 GROUP BY unit_id "
         "HAVING SUM(cases) > 0";
}

Result<CaseRepository::YearCounts> SqlTransaction::year_counts(
    const std::vector<ProcuratorateId>& within, int year) {
  if (within.empty()) return YearCounts{};
  return guarded_value<YearCounts>([&]() -> Result<YearCounts> {
    YearCounts out;
    // Every 院 in one statement each (their ids bound as one list): a province's statistics ask
    // three questions, not three for each of its hundred 院.
    std::vector<long long> ids;
    ids.reserve(within.size());
    for (auto p : within) ids.push_back(p.value);
    const std::string list = id_list(backend_, ids);
    const std::string from = std::to_string(year) + "-01", to = std::to_string(year) + "-12";
    const auto per_month = [&](const std::string& column,
                               std::map<std::string, std::int64_t>& to_map) {
      std::string month;
      long long count = 0;
      soci::statement& st = statements_.bind(tally_by_month_query(backend_, column), use(list),
                                             use(from), use(to), into(month), into(count));
      st.execute();
      while (st.fetch()) to_map[month] += count;
      std::erase_if(to_map, [](const auto& e) { return e.second <= 0; });
    };
    per_month("received_month", out.received_by_month);
    per_month("concluded_month", out.concluded_by_month);
    long long unit = 0, count = 0;
    soci::statement& st = statements_.bind(tally_by_unit_query(backend_), use(list), use(from),
                                           use(to), into(unit), into(count));
    st.execute();
    while (st.fetch()) out.received_by_unit[UnitId{unit}] = count;
    return out;
  });
}

}  // namespace zeren::sql
