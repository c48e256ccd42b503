// Where a case counts in the year's statistics (CaseRepository::year_counts): in its 院 and unit
// (0 without one), in the month it was received and the month it was concluded ('' while not).
// A withdrawn case counts nowhere. The kept table case_tally (migration 10) holds how many cases
// count under each such key, moved with every write of a case like the unit loads
// (unit_load.hpp), so the statistics read a few hundred rows per 院 instead of counting its
// cases: at provincial scale, hundreds of thousands in the reader's scope.
#pragma once

#include <optional>
#include <string>

#include "domain/case.hpp"
#include "storage/sql/dialect.hpp"

namespace zeren::sql {

struct TallyKey {
  long long procuratorate = 0;
  long long unit = 0;           // 0: no unit
  std::string received_month;   // "2026-03"
  std::string concluded_month;  // "" while not concluded
  bool operator==(const TallyKey&) const = default;
};

std::optional<TallyKey> tally_key(long long procuratorate, std::optional<UnitId> unit,
                                  CaseStatus status, Date received_on,
                                  const std::optional<Date>& concluded_on);

inline std::optional<TallyKey> tally_key(const Case& c) {
  return tally_key(c.intake().procuratorate.value, c.unit(), c.status(), c.intake().received_on,
                   c.progress().concluded_on);
}

// The year's counts read from case_tally for the 院 bound as one list to :p (id_list), between
// the months :f and :t ("2026-01", "2026-12"): per 院 and the month `column` names
// (received_month or concluded_month), and per unit by the month received.
std::string tally_by_month_query(Backend b, const std::string& column);
std::string tally_by_unit_query(Backend b);

// Where an open case counts on the chief's dashboard (CaseRepository::watch_counts): in its 院 and
// unit (0 without one), under its status, whether its period was extended and whether a suspect
// is in custody. A case not open counts nowhere. The kept table open_tally (migration 12) holds
// how many open cases count under each such key, moved with every write of a case like the
// tallies above, so the dashboard reads a few rows per unit for its open, extended, returned and
// in-custody counts instead of walking every open case of the 院.
struct OpenKey {
  long long procuratorate = 0;
  long long unit = 0;  // 0: no unit
  std::string status;
  bool extended = false;
  bool custody = false;
  bool operator==(const OpenKey&) const = default;
};

std::optional<OpenKey> open_key(long long procuratorate, std::optional<UnitId> unit,
                                CaseStatus status, bool extended, bool custody);

inline std::optional<OpenKey> open_key(const Case& c) {
  return open_key(c.intake().procuratorate.value, c.unit(), c.status(), c.progress().extended,
                  c.intake().custody);
}

}  // namespace zeren::sql
