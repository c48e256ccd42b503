// A calendar date (proleptic Gregorian, no time zone): the unit of every period in the domain.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace zeren {

class Date {
 public:
  // Validates year 1900..9999, month and day (leap years included).
  static Result<Date> from_ymd(int year, int month, int day, std::string_view field = "date");
  // Parses exactly "YYYY-MM-DD"; the error names `field`.
  static Result<Date> parse(std::string_view text, std::string_view field = "date");
  static Date from_days(std::int64_t days_since_epoch);  // 1970-01-01 is day 0
  // The calendar date in China Standard Time (UTC+8, no daylight saving) of a UTC timestamp in
  // microseconds since the Unix epoch.
  static Date in_china(std::int64_t utc_us);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  std::int64_t days_since_epoch() const;
  std::string iso() const;  // "YYYY-MM-DD"

  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  Date(int y, int m, int d) : year_(y), month_(m), day_(d) {}
  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

int days_in_month(int year, int month);

}  // namespace zeren
