#include "domain/calendar.hpp"

#include <cstdlib>
#include <optional>
#include <utility>

namespace zeren {

int weekday_of(Date d) {
  // 1970-01-01 (day 0) was a Thursday (3 when Monday is 0).
  const std::int64_t w = (d.days_since_epoch() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

bool is_weekend(Date d) {
  return weekday_of(d) >= 5;
}

namespace {

constexpr std::string_view kSpace = " \t";

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(kSpace);
  return s.substr(first, last - first + 1);
}

// Splits off the first whitespace-separated word of `rest`.
std::string_view next_word(std::string_view& rest) {
  rest = trim(rest);
  const auto end = rest.find_first_of(kSpace);
  const std::string_view word = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view{} : trim(rest.substr(end));
  return word;
}

Error line_error(int line, const std::string& zh, const std::string& en) {
  const std::string n = std::to_string(line);
  return Error::invalid("calendar", "invalid_calendar",
                        "第" + n + "行：" + zh + " (line " + n + ": " + en + ")");
}

std::optional<int> parse_year(std::string_view s) {
  if (s.size() != 4) return std::nullopt;
  int y = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    y = y * 10 + (c - '0');
  }
  if (y < 1900) return std::nullopt;
  return y;
}

Error year_missing(int year) {
  const std::string y = std::to_string(year);
  return {ErrorKind::not_found, "calendar_year_missing",
          "没有" + y + "年的节假日安排数据 (no calendar for " + y + ")", "date"};
}

}  // namespace

Status WorkCalendar::add_year(std::string_view text) {
  std::optional<int> year;
  std::map<std::int64_t, Entry> days;
  int line_no = 0;

  // Checks one date token of line `line_no` and returns it, or the line's error.
  auto date_at = [&](std::string_view token) -> Result<Date> {
    auto d = Date::parse(token);
    if (!d)
      return line_error(line_no, "日期应为YYYY-MM-DD，而不是\"" + std::string(token) + "\"",
                        "expected a date as YYYY-MM-DD, got \"" + std::string(token) + "\"");
    if (d->year() != *year)
      return line_error(line_no, d->iso() + "不在" + std::to_string(*year) + "年内",
                        d->iso() + " is outside the year " + std::to_string(*year));
    return d;
  };
  auto put = [&](Date d, Entry e) -> Status {
    if (!days.emplace(d.days_since_epoch(), std::move(e)).second)
      return line_error(line_no, d.iso() + "重复列出", d.iso() + " is listed twice");
    return ok_status();
  };

  std::string_view rest_of_text = text;
  while (!rest_of_text.empty()) {
    const auto nl = rest_of_text.find('\n');
    std::string_view line = rest_of_text.substr(0, nl);
    rest_of_text = nl == std::string_view::npos ? std::string_view{} : rest_of_text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;

    std::string_view rest = line;
    const std::string_view keyword = next_word(rest);
    if (keyword == "year") {
      if (year) return line_error(line_no, "年份只能给一次", "the year is given twice");
      const auto y = parse_year(rest);
      if (!y)
        return line_error(line_no, "年份应为四位数字，而不是\"" + std::string(rest) + "\"",
                          "expected a four-digit year, got \"" + std::string(rest) + "\"");
      year = *y;
      continue;
    }
    if (!year)
      return line_error(line_no, "第一项应为 year YYYY", "the first entry must be \"year YYYY\"");

    if (keyword == "holiday") {
      auto first = date_at(next_word(rest));
      if (!first) return first.error();
      auto last = date_at(next_word(rest));
      if (!last) return last.error();
      if (*last < *first)
        return line_error(line_no, "假期结束日早于开始日", "the range ends before it starts");
      if (rest.empty()) return line_error(line_no, "缺少假日名称", "the holiday has no name");
      for (auto day = first->days_since_epoch(); day <= last->days_since_epoch(); ++day)
        ZEREN_TRY(put(Date::from_days(day), Entry{false, std::string(rest)}));
    } else if (keyword == "workday") {
      auto day = date_at(next_word(rest));
      if (!day) return day.error();
      if (!is_weekend(*day))
        return line_error(line_no, day->iso() + "不是周六或周日，无需调休上班",
                          day->iso() +
                              " is not a Saturday or Sunday, so it cannot be a swapped "
                              "working day");
      if (rest.empty()) return line_error(line_no, "缺少调休名称", "the working day has no name");
      ZEREN_TRY(put(*day, Entry{true, std::string(rest)}));
    } else {
      return line_error(line_no, "未知的条目\"" + std::string(keyword) + "\"",
                        "unknown entry \"" + std::string(keyword) + "\" (year, holiday, workday)");
    }
  }
  if (!year)
    return Error::invalid("calendar", "invalid_calendar",
                          "没有 year 行 (the text has no \"year YYYY\" line)");
  if (years_.contains(*year)) {
    const std::string y = std::to_string(*year);
    return Error::conflict(
        "calendar_year_duplicate",
        y + "年的节假日安排已载入 (the calendar for " + y + " is already loaded)", "calendar");
  }
  years_.insert(*year);
  days_.merge(days);
  return ok_status();
}

Status WorkCalendar::require_year(Date d) const {
  if (!years_.contains(d.year())) return year_missing(d.year());
  return ok_status();
}

Result<bool> WorkCalendar::is_workday(Date d) const {
  ZEREN_TRY(require_year(d));
  if (const auto it = days_.find(d.days_since_epoch()); it != days_.end())
    return it->second.workday;
  return !is_weekend(d);
}

Result<bool> WorkCalendar::is_rest_day(Date d) const {
  auto w = is_workday(d);
  if (!w) return w.error();
  return !*w;
}

Result<Date> WorkCalendar::next_workday(Date d) const {
  // Ends: every loaded year has working days, and a missing year is an error.
  for (auto day = d.days_since_epoch();; ++day) {
    const Date at = Date::from_days(day);
    auto w = is_workday(at);
    if (!w) return w.error();
    if (*w) return at;
  }
}

Result<Date> WorkCalendar::add_workdays(Date d, int n) const {
  if (n < 0)
    return Error::invalid("n", "invalid_workday_count",
                          "工作日数不能为负数 (the number of working days must be 0 or more)");
  auto day = d.days_since_epoch();
  for (int counted = 0; counted < n;) {
    ++day;
    auto w = is_workday(Date::from_days(day));
    if (!w) return w.error();
    if (*w) ++counted;
  }
  return Date::from_days(day);
}

std::vector<int> WorkCalendar::years() const {
  return {years_.begin(), years_.end()};
}

std::string WorkCalendar::note(Date d) const {
  const auto it = days_.find(d.days_since_epoch());
  return it == days_.end() ? std::string{} : it->second.name;
}

const WorkCalendar& official_calendar() {
  static const WorkCalendar calendar = [] {
    WorkCalendar c;
    for (std::string_view text : calendar_texts())
      if (!c.add_year(text)) std::abort();  // a build defect: calendar_test parses every text
    return c;
  }();
  return calendar;
}

}  // namespace zeren
