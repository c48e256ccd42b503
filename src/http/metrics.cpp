#include "http/metrics.hpp"

#include <sstream>

namespace zeren::http {

void Metrics::request(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{route, status}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++buckets_[i];
  ++count_;
  sum_ += seconds;
}

void Metrics::assignment(const std::string& method) {
  std::lock_guard lock(mu_);
  ++assignments_[method];
}

namespace {
std::string label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}
}  // namespace

std::string Metrics::render(std::int64_t open_sessions) const {
  std::lock_guard lock(mu_);
  std::ostringstream out;
  out << "# HELP zeren_http_requests_total HTTP requests by route and status.\n"
         "# TYPE zeren_http_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out << "zeren_http_requests_total{route=\"" << label(key.first) << "\",status=\"" << key.second
        << "\"} " << n << '\n';
  out << "# HELP zeren_http_request_duration_seconds Time from a request's last byte to its "
         "response.\n"
         "# TYPE zeren_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    out << "zeren_http_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} "
        << buckets_[i] << '\n';
  out << "zeren_http_request_duration_seconds_bucket{le=\"+Inf\"} " << count_ << '\n'
      << "zeren_http_request_duration_seconds_sum " << sum_ << '\n'
      << "zeren_http_request_duration_seconds_count " << count_ << '\n';
  out << "# HELP zeren_assignments_total Cases assigned through this server, by method.\n"
         "# TYPE zeren_assignments_total counter\n";
  for (const char* m : {"random", "rotation", "follow_on", "designated"}) {
    auto it = assignments_.find(m);
    out << "zeren_assignments_total{method=\"" << m << "\"} "
        << (it == assignments_.end() ? 0 : it->second) << '\n';
  }
  out << "# HELP zeren_open_sessions Log-in sessions neither ended nor expired.\n"
         "# TYPE zeren_open_sessions gauge\n"
         "zeren_open_sessions "
      << open_sessions << '\n';
  return out.str();
}

}  // namespace zeren::http
