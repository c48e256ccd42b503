#include "domain/date.hpp"

#include <cstdio>

namespace zeren {

namespace {
bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[month - 1];
}

Result<Date> Date::from_ymd(int year, int month, int day, std::string_view field) {
  if (year < 1900 || year > 9999)
    return Error::invalid(std::string(field), "invalid_date", "year must be 1900..9999");
  if (month < 1 || month > 12)
    return Error::invalid(std::string(field), "invalid_date", "month must be 1..12");
  if (day < 1 || day > days_in_month(year, month))
    return Error::invalid(std::string(field), "invalid_date", "no such day in that month");
  return Date(year, month, day);
}

Result<Date> Date::parse(std::string_view t, std::string_view field) {
  auto digits = [&](std::size_t from, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      out = out * 10 + (t[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !digits(0, 4, y) || !digits(5, 2, m) ||
      !digits(8, 2, d))
    return Error::invalid(std::string(field), "invalid_date",
                          "expected a date as YYYY-MM-DD, got \"" + std::string(t) + "\"");
  return from_ymd(y, m, d, field);
}

Date Date::in_china(std::int64_t utc_us) {
  constexpr std::int64_t kDayUs = 86'400'000'000LL, kCstUs = 8 * 3'600'000'000LL;
  const std::int64_t t = utc_us + kCstUs;
  return from_days(t >= 0 ? t / kDayUs : (t - kDayUs + 1) / kDayUs);
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain formulas).
std::int64_t Date::days_since_epoch() const {
  const int y = year_ - (month_ <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(month_ + (month_ > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day_) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date Date::from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date(static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d));
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
  return buf;
}

}  // namespace zeren
