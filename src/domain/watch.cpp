#include "domain/watch.hpp"

namespace zeren {

ZEREN_DEFINE_TERMS(WatchList, {WatchList::overdue, "overdue", "已超期"},
                   {WatchList::near_expiry, "near_expiry", "临近到期"},
                   {WatchList::awaiting_chief, "awaiting_chief", "待检察长决定"},
                   {WatchList::flagged, "flagged", "已标记"},
                   {WatchList::extended, "extended", "已延长"},
                   {WatchList::returned, "returned", "退回补充侦查"},
                   {WatchList::in_custody, "in_custody", "在押"})

Watch watch_of(const DeadlineRules& rules, ProcuratorateId procuratorate, Date today) {
  Watch w{procuratorate, today, {}};
  for (const auto& t : terms<DeadlineKind>())
    w.near_until.emplace_back(
        t.value, Date::from_days(today.days_since_epoch() + alert_days(rules, t.value)));
  return w;
}

}  // namespace zeren
