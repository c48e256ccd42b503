// Behind a load balancer the client is the address the balancer saw, and only a balancer the
// operator named is believed (log-in throttling and the audit log depend on it).
#include <gtest/gtest.h>

#include "http/client_address.hpp"

namespace zeren::http {
namespace {

const std::vector<std::string> kBalancers{"10.0.0.2", "10.0.0.3"};

TEST(ClientAddress, ADirectClientIsItsOwnAddressWhateverItsHeaderSays) {
  EXPECT_EQ(client_address("203.0.113.7", "198.51.100.1", kBalancers), "203.0.113.7");
  EXPECT_EQ(client_address("203.0.113.7", "", {}), "203.0.113.7");
}

TEST(ClientAddress, BehindANamedBalancerTheRightmostUntrustedEntryCounts) {
  EXPECT_EQ(client_address("10.0.0.2", "198.51.100.1", kBalancers), "198.51.100.1");
  // A client cannot hide behind an entry it wrote itself on the left.
  EXPECT_EQ(client_address("10.0.0.2", "1.2.3.4, 198.51.100.1", kBalancers), "198.51.100.1");
  // Two balancers in a row are skipped.
  EXPECT_EQ(client_address("10.0.0.2", "198.51.100.1, 10.0.0.3", kBalancers), "198.51.100.1");
  EXPECT_EQ(client_address("10.0.0.2", " 2001:db8::1 ", kBalancers), "2001:db8::1");
}

TEST(ClientAddress, AnUnusableHeaderLeavesTheBalancersAddress) {
  EXPECT_EQ(client_address("10.0.0.2", "", kBalancers), "10.0.0.2");
  EXPECT_EQ(client_address("10.0.0.2", "10.0.0.3", kBalancers), "10.0.0.2");
  EXPECT_EQ(client_address("10.0.0.2", "<script>", kBalancers), "10.0.0.2");
  EXPECT_EQ(client_address("10.0.0.2", "1.2.3.4, unknown", kBalancers), "10.0.0.2");
}

}  // namespace
}  // namespace zeren::http
