// The chief's watch turns each period kind's warning lead time into a last near-expiry day; the
// database's lists are only right if that day agrees with deadline_state for every due day.
#include <gtest/gtest.h>

#include "domain/watch.hpp"

namespace zeren {
namespace {

TEST(Watch, ADueDayIsNearOrOverdueExactlyWhenDeadlineStateSaysSo) {
  const auto& rules = default_deadline_rules();
  const Date today = *Date::parse("2026-11-27");
  const Watch w = watch_of(rules, ProcuratorateId{3}, today);
  EXPECT_EQ(w.procuratorate, ProcuratorateId{3});
  EXPECT_EQ(w.today, today);
  ASSERT_EQ(w.near_until.size(), terms<DeadlineKind>().size());
  for (const auto& [kind, until] : w.near_until)
    for (int d = -10; d <= 10; ++d) {
      const Date due = Date::from_days(today.days_since_epoch() + d);
      const auto state = deadline_state(rules, kind, due, today);
      EXPECT_EQ(!(due < today) && !(until < due), state == DeadlineState::near)
          << code_of(kind) << " due in " << d << " days";
      EXPECT_EQ(due < today, state == DeadlineState::overdue) << code_of(kind) << " " << d;
    }
}

}  // namespace
}  // namespace zeren
