// Counters for /metrics (Prometheus text format): requests by route and status, a latency
// histogram, assignments by method. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace zeren::http {

class Metrics {
 public:
  void request(const std::string& route, int status, double seconds);
  void assignment(const std::string& method);
  // The exposition text; `open_sessions` is read from the database by the caller.
  std::string render(std::int64_t open_sessions) const;

  static constexpr std::array<double, 10> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,  0.1,    0.25,  0.5,  1.0};

 private:
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::array<std::uint64_t, kBuckets.size()> buckets_{};
  std::uint64_t count_ = 0;
  double sum_ = 0;
  std::map<std::string, std::uint64_t> assignments_;
};

}  // namespace zeren::http
