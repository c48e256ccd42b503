#include "http/client_address.hpp"

#include <algorithm>

namespace zeren::http {

namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

bool listed(const std::vector<std::string>& list, const std::string& address) {
  return std::find(list.begin(), list.end(), address) != list.end();
}

}  // namespace

std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  if (!listed(trusted_proxies, peer)) return peer;
  std::string rest = forwarded_for;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    const std::string entry = trimmed(comma == std::string::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string::npos ? std::string() : rest.substr(0, comma);
    if (entry.empty()) continue;
    if (entry.size() > 64 ||
        entry.find_first_not_of("0123456789abcdefABCDEF.:[]") != std::string::npos)
      return peer;  // not an address: nothing further left can be trusted either
    if (!listed(trusted_proxies, entry)) return entry;
  }
  return peer;
}

}  // namespace zeren::http
