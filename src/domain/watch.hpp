// The chief's watch over one 院's open cases (检察长监控, SPEC §7): the lists the dashboard keeps,
// and the due days that put a running statutory period on the near-expiry list. The database
// counts and lists the cases (CaseRepository::watch_counts, watch_list) from these dates, so the
// dashboard never reads every open case of a 院.
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/deadline.hpp"
#include "domain/ids.hpp"
#include "domain/vocabulary.hpp"

namespace zeren {

// An open case is on a list when: overdue — its period's last day has passed; near_expiry — the
// last day is today or within the kind's warning lead time (deadline_state); awaiting_chief — a
// decision the chief holds is pending; flagged — a flag was set on it; extended — its period was
// extended; returned — it came back from supplementary investigation; in_custody — 在押.
enum class WatchList {
  overdue,
  near_expiry,
  awaiting_chief,
  flagged,
  extended,
  returned,
  in_custody
};
template <>
std::span<const Term<WatchList>> terms<WatchList>();

struct Watch {
  ProcuratorateId procuratorate;
  Date today;
  // For each period kind, the last due day that is still near expiry on `today` (today + the
  // kind's alert days): a due day in [today, near_until] is near, one before today overdue.
  std::vector<std::pair<DeadlineKind, Date>> near_until;
};

// The watch of one 院 on `today` under `rules`; agrees with deadline_state for every due day.
Watch watch_of(const DeadlineRules& rules, ProcuratorateId procuratorate, Date today);

}  // namespace zeren
