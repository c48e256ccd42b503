// The real clock. China Standard Time has no daylight saving: the date is UTC+8.
#pragma once

#include <chrono>

#include "domain/ports.hpp"

namespace zeren::cli {

class SystemClock final : public Clock {
 public:
  std::int64_t now_us() const override {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  Date today() const override {
    constexpr std::int64_t kDayUs = 86'400'000'000LL, kCstUs = 8 * 3'600'000'000LL;
    const std::int64_t t = now_us() + kCstUs;
    return Date::from_days(t >= 0 ? t / kDayUs : (t - kDayUs + 1) / kDayUs);
  }
};

}  // namespace zeren::cli
