// Who sent a request when a load balancer or TLS proxy stands in front (SPEC §17: log-in throttling
// and the audit log name the client). Only proxies the operator named are believed.
#pragma once

#include <string>
#include <vector>

namespace zeren::http {

// The client's address: `peer` itself unless `peer` is one of `trusted_proxies`; then the
// rightmost address in X-Forwarded-For that is not a trusted proxy (entries to its left could have
// been written by the client). A header with nothing usable leaves `peer`.
std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace zeren::http
