// The working-day calendar (工作日历): which days are working days under the State Council's
// yearly holiday notices (节假日安排, with 调休 swaps). Data, not code: one text per year
// (data/calendar/), parsed by add_year. A date in a year without data is an error, never a guess.
// Thread-safety: a WorkCalendar is a value; const calls may run concurrently.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"

namespace zeren {

// Monday = 0 … Sunday = 6.
int weekday_of(Date d);
bool is_weekend(Date d);  // Saturday or Sunday

class WorkCalendar {
 public:
  // Parses one year's text (format in the header of data/calendar/*.txt) and adds it; on any
  // error nothing is added. Errors: invalid_argument "invalid_calendar" whose message names the
  // line ("第3行 (line 3): …"), field "calendar" — for a malformed line, a date outside the file's
  // year, a range ending before it starts, a date listed twice, or a 调休 working day that is not
  // a Saturday or Sunday; conflict "calendar_year_duplicate" when the year is already loaded.
  Status add_year(std::string_view text);

  // Working day = Monday–Friday and not a listed holiday, or a listed 调休 working weekend day.
  // Error not_found "calendar_year_missing" (field "date") when d's year has no data.
  Result<bool> is_workday(Date d) const;
  Result<bool> is_rest_day(Date d) const;  // = !is_workday
  // d itself when a working day, else the first working day after it.
  Result<Date> next_workday(Date d) const;
  // The n-th working day after d (d itself not counted); n = 0 returns d unchecked. Errors:
  // invalid_argument "invalid_workday_count" (field "n") for n < 0; calendar_year_missing when the
  // count runs into a year without data.
  Result<Date> add_workdays(Date d, int n) const;

  std::vector<int> years() const;  // ascending
  // The holiday or 调休 name on d as the notice gives it ("春节", "春节调休上班"); "" if none.
  std::string note(Date d) const;

 private:
  struct Entry {
    bool workday = false;  // true: 调休上班; false: holiday
    std::string name;
  };
  Status require_year(Date d) const;

  std::set<int> years_;
  std::map<std::int64_t, Entry> days_;  // key: Date::days_since_epoch()
};

// The texts of data/calendar/*.txt, built in (cmake/embed_calendar.cmake generates this).
std::span<const std::string_view> calendar_texts();

// The calendar built from calendar_texts(), made on first use. The texts are checked by the tests;
// one that does not parse is a build defect and terminates the program at first use.
const WorkCalendar& official_calendar();

}  // namespace zeren
