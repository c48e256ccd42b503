// What every benchmark shares: a wall-clock timer, "run until at least this long", and the
// RESULT lines that bench/run reads (one `RESULT key value` per line; the value is the rest of
// the line).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace zeren::bench {

using SteadyClock = std::chrono::steady_clock;

inline double seconds_since(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

struct Rate {
  std::uint64_t operations = 0;
  double seconds = 0.0;
  double per_second() const { return seconds > 0.0 ? static_cast<double>(operations) / seconds : 0.0; }
};

// Calls `step()` in batches of `batch` until at least `min_seconds` have passed; the clock is read
// once per batch so that reading it does not weigh on short steps.
template <class Step>
Rate run_for(double min_seconds, std::uint64_t batch, Step&& step) {
  Rate r;
  const auto start = SteadyClock::now();
  do {
    for (std::uint64_t i = 0; i < batch; ++i) step();
    r.operations += batch;
    r.seconds = seconds_since(start);
  } while (r.seconds < min_seconds);
  return r;
}

inline double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

// The q-quantile (0..1) by nearest rank.
inline double quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const auto rank = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(rank, v.size() - 1)];
}

inline void result(std::string_view key, double value) {
  std::printf("RESULT %.*s %.4f\n", static_cast<int>(key.size()), key.data(), value);
}
inline void result(std::string_view key, std::string_view value) {
  std::printf("RESULT %.*s %.*s\n", static_cast<int>(key.size()), key.data(),
              static_cast<int>(value.size()), value.data());
}

// 1234567.8 -> "1,234,568"
inline std::string grouped(double value) {
  auto n = static_cast<long long>(value + (value < 0 ? -0.5 : 0.5));
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace zeren::bench
