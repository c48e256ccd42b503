// The working-day calendar: every holiday range and every 调休 day of the State Council notices
// for 2024–2026 as built in, the days around each range, and the parser's refusals.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/calendar.hpp"

namespace zeren {
namespace {

Date d(const char* s) {
  return *Date::parse(s);
}
Date plus(Date x, int days) {
  return Date::from_days(x.days_since_epoch() + days);
}

enum Expect { rest, work, missing };

struct Holiday {
  const char* first;
  const char* last;
  const char* name;
  Expect before, after;  // the day before `first`, the day after `last`
};
struct SwapDay {
  const char* date;
  const char* name;
};

// Transcribed from domain-rules.md §2 (the notices), independently of data/calendar/*.txt.
const std::vector<Holiday> kHolidays = {
    // 2024 (国办发明电〔2023〕7号). 除夕 2-09 is a Friday and a working day.
    {"2024-01-01", "2024-01-01", "元旦", missing, work},
    {"2024-02-10", "2024-02-17", "春节", work, work},
    {"2024-04-04", "2024-04-06", "清明节", work, work},
    {"2024-05-01", "2024-05-05", "劳动节", work, work},
    {"2024-06-10", "2024-06-10", "端午节", rest, work},
    {"2024-09-15", "2024-09-17", "中秋节", work, work},
    {"2024-10-01", "2024-10-07", "国庆节", work, work},
    // 2025 (国办发明电〔2024〕12号)
    {"2025-01-01", "2025-01-01", "元旦", work, work},
    {"2025-01-28", "2025-02-04", "春节", work, work},
    {"2025-04-04", "2025-04-06", "清明节", work, work},
    {"2025-05-01", "2025-05-05", "劳动节", work, work},
    {"2025-05-31", "2025-06-02", "端午节", work, work},
    {"2025-10-01", "2025-10-08", "国庆节、中秋节", work, work},
    // 2026 (notice of 2025-11-04)
    {"2026-01-01", "2026-01-03", "元旦", work, work},
    {"2026-02-15", "2026-02-23", "春节", work, work},
    {"2026-04-04", "2026-04-06", "清明节", work, work},
    {"2026-05-01", "2026-05-05", "劳动节", work, work},
    {"2026-06-19", "2026-06-21", "端午节", work, work},
    {"2026-09-25", "2026-09-27", "中秋节", work, work},
    {"2026-10-01", "2026-10-07", "国庆节", work, work},
};

const std::vector<SwapDay> kSwapDays = {
    {"2024-02-04", "春节调休上班"},           {"2024-02-18", "春节调休上班"},
    {"2024-04-07", "清明节调休上班"},         {"2024-04-28", "劳动节调休上班"},
    {"2024-05-11", "劳动节调休上班"},         {"2024-09-14", "中秋节调休上班"},
    {"2024-09-29", "国庆节调休上班"},         {"2024-10-12", "国庆节调休上班"},
    {"2025-01-26", "春节调休上班"},           {"2025-02-08", "春节调休上班"},
    {"2025-04-27", "劳动节调休上班"},         {"2025-09-28", "国庆节、中秋节调休上班"},
    {"2025-10-11", "国庆节、中秋节调休上班"}, {"2026-01-04", "元旦调休上班"},
    {"2026-02-14", "春节调休上班"},           {"2026-02-28", "春节调休上班"},
    {"2026-05-09", "劳动节调休上班"},         {"2026-09-20", "国庆节调休上班"},
    {"2026-10-10", "国庆节调休上班"},
};

void expect_day(const WorkCalendar& cal, Date day, Expect e, const std::string& what) {
  auto w = cal.is_workday(day);
  if (e == missing) {
    ASSERT_FALSE(w.ok()) << what << " " << day.iso();
    EXPECT_EQ(w.error().code, "calendar_year_missing");
    return;
  }
  ASSERT_TRUE(w.ok()) << what << " " << day.iso() << ": " << w.error().message;
  EXPECT_EQ(*w, e == work) << what << " " << day.iso();
}

TEST(Calendar, WeekdaysCountFromAThursdayEpoch) {
  EXPECT_EQ(weekday_of(d("1970-01-01")), 3);
  EXPECT_EQ(weekday_of(d("2026-02-14")), 5);  // Saturday
  EXPECT_EQ(weekday_of(d("2026-02-15")), 6);  // Sunday
  EXPECT_EQ(weekday_of(d("2026-02-16")), 0);  // Monday
  EXPECT_EQ(weekday_of(d("1969-12-31")), 2);  // before the epoch
  EXPECT_TRUE(is_weekend(d("2024-06-09")));
  EXPECT_FALSE(is_weekend(d("2024-02-09")));
}

TEST(Calendar, EveryHolidayRangeIsRestAndItsNeighboursAreAsTheNoticeSays) {
  const WorkCalendar& cal = official_calendar();
  for (const auto& h : kHolidays) {
    const Date first = d(h.first), last = d(h.last);
    for (Date day = first; day <= last; day = plus(day, 1)) {
      expect_day(cal, day, rest, h.name);
      EXPECT_EQ(cal.note(day), h.name) << day.iso();
    }
    expect_day(cal, plus(first, -1), h.before, std::string("before ") + h.name);
    expect_day(cal, plus(last, 1), h.after, std::string("after ") + h.name);
    EXPECT_NE(cal.note(plus(first, -1)), h.name);
    EXPECT_NE(cal.note(plus(last, 1)), h.name);
  }
}

TEST(Calendar, EverySwapDayIsAWorkingWeekendDay) {
  const WorkCalendar& cal = official_calendar();
  for (const auto& s : kSwapDays) {
    EXPECT_TRUE(is_weekend(d(s.date))) << s.date;
    expect_day(cal, d(s.date), work, s.name);
    EXPECT_EQ(cal.note(d(s.date)), s.name);
  }
}

TEST(Calendar, NothingElseIsListed) {
  // Every day of 2024–2026 not in the tables above follows the week: Monday–Friday work.
  const WorkCalendar& cal = official_calendar();
  int listed = 0;
  for (Date day = d("2024-01-01"); day <= d("2026-12-31"); day = plus(day, 1)) {
    if (!cal.note(day).empty()) {
      ++listed;
      continue;
    }
    expect_day(cal, day, is_weekend(day) ? rest : work, "unlisted");
  }
  int expected = static_cast<int>(kSwapDays.size());
  for (const auto& h : kHolidays)
    expected += static_cast<int>(d(h.last).days_since_epoch() - d(h.first).days_since_epoch() + 1);
  EXPECT_EQ(listed, expected);
}

TEST(Calendar, WorkingDaysPerYear) {
  // Weekdays minus holidays on weekdays plus swap days, counted by hand from the notices.
  const WorkCalendar& cal = official_calendar();
  auto count = [&](int year) {
    int n = 0;
    for (Date day = *Date::from_ymd(year, 1, 1); day.year() == year; day = plus(day, 1))
      n += *cal.is_workday(day) ? 1 : 0;
    return n;
  };
  EXPECT_EQ(count(2024), 262 - 19 + 8);
  EXPECT_EQ(count(2025), 261 - 18 + 5);
  EXPECT_EQ(count(2026), 261 - 19 + 6);
}

TEST(Calendar, OrdinaryWeekendsAndTheEveOfTheSpringFestival2024) {
  const WorkCalendar& cal = official_calendar();
  expect_day(cal, d("2026-03-07"), rest, "Saturday");
  expect_day(cal, d("2026-03-08"), rest, "Sunday");
  expect_day(cal, d("2026-03-09"), work, "Monday");
  expect_day(cal, d("2024-02-09"), work, "除夕 2024 (only encouraged rest)");
  EXPECT_EQ(cal.note(d("2024-02-09")), "");
  EXPECT_EQ(cal.note(d("2026-03-07")), "");
  EXPECT_FALSE(*cal.is_rest_day(d("2026-02-14")));
  EXPECT_TRUE(*cal.is_rest_day(d("2026-02-15")));
}

TEST(Calendar, AYearWithoutDataIsAnErrorNotAGuess) {
  const WorkCalendar& cal = official_calendar();
  EXPECT_EQ(cal.years(), (std::vector<int>{2024, 2025, 2026}));
  for (auto day : {d("2027-01-01"), d("2027-03-03"), d("2023-12-29")}) {
    auto w = cal.is_workday(day);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().kind, ErrorKind::not_found);
    EXPECT_EQ(w.error().code, "calendar_year_missing");
    EXPECT_EQ(w.error().field, "date");
    EXPECT_FALSE(cal.is_rest_day(day).ok());
    EXPECT_FALSE(cal.next_workday(day).ok());
  }
  EXPECT_EQ(cal.is_workday(d("2027-01-01")).error().message,
            "没有2027年的节假日安排数据 (no calendar for 2027)");
  EXPECT_EQ(cal.note(d("2027-01-01")), "");
}

TEST(Calendar, AddsWorkdaysAcrossTheSpringFestival2026) {
  const WorkCalendar& cal = official_calendar();
  // 2-13 Fri, 2-14 Sat (调休), 2-24 … 2-27, 2-28 Sat (调休), 3-02, 3-03, 3-04.
  EXPECT_EQ(cal.add_workdays(d("2026-02-12"), 10)->iso(), "2026-03-04");
  EXPECT_EQ(cal.add_workdays(d("2026-02-12"), 9)->iso(), "2026-03-03");
  EXPECT_EQ(cal.add_workdays(d("2026-02-12"), 2)->iso(), "2026-02-14");
  EXPECT_EQ(cal.add_workdays(d("2026-02-12"), 3)->iso(), "2026-02-24");
  EXPECT_EQ(cal.add_workdays(d("2026-02-14"), 1)->iso(), "2026-02-24");
  EXPECT_EQ(cal.add_workdays(d("2026-02-12"), 0)->iso(), "2026-02-12");
  EXPECT_EQ(cal.add_workdays(d("2026-02-15"), 0)->iso(), "2026-02-15");  // n = 0: d itself
}

TEST(Calendar, AddsWorkdaysAcrossNationalDay) {
  const WorkCalendar& cal = official_calendar();
  EXPECT_EQ(cal.add_workdays(d("2025-09-26"), 1)->iso(), "2025-09-28");  // Sunday, 调休
  EXPECT_EQ(cal.add_workdays(d("2025-09-30"), 1)->iso(), "2025-10-09");
  EXPECT_EQ(cal.add_workdays(d("2026-09-30"), 3)->iso(), "2026-10-10");  // Saturday, 调休
  EXPECT_EQ(cal.add_workdays(d("2024-09-27"), 2)->iso(), "2024-09-30");  // via Sunday 9-29
  EXPECT_EQ(cal.add_workdays(d("2024-09-30"), 1)->iso(), "2024-10-08");
}

TEST(Calendar, AddWorkdaysRefusesNegativeCountsAndMissingYears) {
  const WorkCalendar& cal = official_calendar();
  auto neg = cal.add_workdays(d("2026-03-02"), -1);
  ASSERT_FALSE(neg.ok());
  EXPECT_EQ(neg.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(neg.error().field, "n");
  EXPECT_EQ(cal.add_workdays(d("2026-12-30"), 1)->iso(), "2026-12-31");
  auto over = cal.add_workdays(d("2026-12-30"), 2);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, "calendar_year_missing");
  EXPECT_NE(over.error().message.find("2027"), std::string::npos);
}

TEST(Calendar, NextWorkday) {
  const WorkCalendar& cal = official_calendar();
  EXPECT_EQ(cal.next_workday(d("2026-02-15"))->iso(), "2026-02-24");
  EXPECT_EQ(cal.next_workday(d("2026-02-14"))->iso(), "2026-02-14");
  EXPECT_EQ(cal.next_workday(d("2026-03-07"))->iso(), "2026-03-09");
  EXPECT_EQ(cal.next_workday(d("2025-12-31"))->iso(), "2025-12-31");
  EXPECT_EQ(cal.next_workday(d("2024-12-28"))->iso(), "2024-12-30");
  EXPECT_EQ(cal.next_workday(d("2026-12-26"))->iso(), "2026-12-28");
}

TEST(Calendar, EachBuiltInTextParsesOnItsOwn) {
  ASSERT_EQ(calendar_texts().size(), 3u);
  for (std::string_view text : calendar_texts()) {
    WorkCalendar c;
    auto s = c.add_year(text);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
    EXPECT_EQ(c.years().size(), 1u);
  }
}

// --- the parser --------------------------------------------------------------------------------

Error parse_error(std::string_view text) {
  WorkCalendar c;
  auto s = c.add_year(text);
  EXPECT_FALSE(s.ok()) << text;
  EXPECT_TRUE(c.years().empty()) << "a refused text adds nothing";
  return s.ok() ? Error{} : s.error();
}

TEST(CalendarParser, ReadsCommentsBlankLinesAndCarriageReturns) {
  WorkCalendar c;
  ASSERT_TRUE(
      c.add_year("# a comment\r\n\r\n  year 2030  \r\nholiday 2030-01-01 2030-01-01 元旦\r\n"
                 "workday 2030-01-05 调休 上班\r\n")
          .ok());
  EXPECT_EQ(c.years(), std::vector<int>{2030});
  EXPECT_FALSE(*c.is_workday(d("2030-01-01")));
  EXPECT_TRUE(*c.is_workday(d("2030-01-05")));  // Saturday
  EXPECT_EQ(c.note(d("2030-01-05")), "调休 上班");
  EXPECT_TRUE(*c.is_workday(d("2030-01-02")));
  EXPECT_FALSE(*c.is_workday(d("2030-01-06")));
}

TEST(CalendarParser, ErrorsNameTheLine) {
  struct Case {
    const char* text;
    const char* line;
  };
  const Case cases[] = {
      {"year 2030\nholiday 2030-01-01 2030-13-01 元旦\n", "line 2"},       // bad date
      {"year 2030\n\n# x\nholiday 2030-1-1 2030-01-01 元旦\n", "line 4"},  // bad format
      {"year 2030\nholiday 2029-12-31 2030-01-01 元旦\n", "line 2"},       // outside the year
      {"year 2030\nworkday 2031-01-04 调休\n", "line 2"},                  // outside the year
      {"year 2030\nholiday 2030-01-03 2030-01-01 元旦\n", "line 2"},       // reversed range
      {"year 2030\nholiday 2030-01-01 2030-01-01\n", "line 2"},            // no name
      {"year 2030\nworkday 2030-01-07 调休\n", "line 2"},                  // a Monday
      {"year 2030\nworkday 2030-01-05\n", "line 2"},                       // no name
      {"year 2030\nholiday 2030-01-01 2030-01-03 元旦\nworkday 2030-01-05 x\n"
       "holiday 2030-01-03 2030-01-04 y\n",
       "line 4"},                                                             // overlap
      {"year 2030\nworkday 2030-01-05 a\nworkday 2030-01-05 b\n", "line 3"},  // twice
      {"year 2030\nyear 2030\n", "line 2"},                                   // year twice
      {"year 30\n", "line 1"},                                                // bad year
      {"holiday 2030-01-01 2030-01-01 元旦\nyear 2030\n", "line 1"},          // year not first
      {"year 2030\nholidays 2030-01-01 2030-01-01 元旦\n", "line 2"},         // unknown entry
  };
  for (const auto& c : cases) {
    const Error e = parse_error(c.text);
    EXPECT_EQ(e.kind, ErrorKind::invalid_argument) << c.text;
    EXPECT_EQ(e.code, "invalid_calendar") << c.text;
    EXPECT_EQ(e.field, "calendar");
    EXPECT_NE(e.message.find(c.line), std::string::npos) << c.text << " → " << e.message;
  }
  EXPECT_EQ(parse_error("# only a comment\n").code, "invalid_calendar");
}

TEST(CalendarParser, AYearGivenTwiceIsAConflictAndChangesNothing) {
  WorkCalendar c;
  ASSERT_TRUE(c.add_year("year 2030\nholiday 2030-01-01 2030-01-01 元旦\n").ok());
  auto again = c.add_year("year 2030\nholiday 2030-01-02 2030-01-02 另一个\n");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().code, "calendar_year_duplicate");
  EXPECT_TRUE(*c.is_workday(d("2030-01-02")));
  EXPECT_EQ(c.note(d("2030-01-02")), "");
  // A refused text leaves the loaded years as they were.
  EXPECT_FALSE(
      c.add_year("year 2031\nholiday 2031-01-01 2031-01-01 元旦\nworkday 2031-01-06 x\n").ok());
  EXPECT_EQ(c.years(), std::vector<int>{2030});
  EXPECT_EQ(c.note(d("2031-01-01")), "");
  ASSERT_TRUE(c.add_year("year 2031\n").ok());
  EXPECT_EQ(c.years(), (std::vector<int>{2030, 2031}));
}

}  // namespace
}  // namespace zeren
