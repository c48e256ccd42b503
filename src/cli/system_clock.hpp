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
  Date today() const override { return Date::in_china(now_us()); }
};

}  // namespace zeren::cli
