// A year of history for the demo: cases entered through the real intake and assignment path, one
// transaction each, with designations, changes of handler, absences, follow-on stages and a few
// withdrawals and re-filings; then handled through the real use cases: started, decided under the
// power list (by the handler or the chief), returned for 补充侦查, extended, concluded, archived,
// with leaders' personal acts, flags, notices, pre-reviews and reports. A few cases run late, so
// the dashboard has near-expiry and overdue cases. All from a fixed seed.
#pragma once

#include <cstdint>

#include "app/context.hpp"

namespace zeren::app {

// A clock the demo moves forward, day by day and case by case.
class SteppingClock final : public Clock {
 public:
  void set(Date day, int minute_of_day) {
    day_ = day;
    // China Standard Time is UTC+8.
    now_us_ = (day.days_since_epoch() * 1440 + minute_of_day - 8 * 60) * 60'000'000LL;
  }
  std::int64_t now_us() const override { return now_us_; }
  Date today() const override { return day_; }

 private:
  Date day_ = *Date::from_ymd(2026, 1, 1);
  std::int64_t now_us_ = 0;
};

struct DemoHistoryOptions {
  Date from = *Date::from_ymd(2026, 1, 1);
  Date to = *Date::from_ymd(2026, 11, 25);  // inclusive: the day before the demo's date
  std::uint64_t seed = 20260101;
};

struct DemoHistory {
  int cases = 0, follow_on = 0, random = 0, rotation = 0, designated = 0, changes = 0,
      withdrawn = 0, refiled = 0, absences = 0, unassigned = 0, plans = 0;
  // Handling: decisions (issued at once / by the holder), returns, extensions, concluded and
  // archived cases, leaders' acts, flags, notices, pre-reviews, instructions to report.
  int decisions = 0, self_decided = 0, returns = 0, extensions = 0, concluded = 0, archived = 0,
      acts = 0, flags = 0, notices = 0, pre_reviews = 0, report_instructions = 0, objections = 0;
};

// Runs as the people of the demo organisation (its case managers, department heads, deputy
// chiefs and chiefs). Needs the demo organisation loaded.
Result<DemoHistory> load_demo_history(Store& store, SteppingClock& clock, const DrawCrypto& crypto,
                                      const DemoHistoryOptions& options);

}  // namespace zeren::app
