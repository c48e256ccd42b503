// The demo's random passwords (src/security): what the password rule asks, nothing a reader could
// misread, never the same twice. In this suite because it links zeren_security.
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "domain/user.hpp"
#include "security/random_password.hpp"

namespace zeren::testing {
namespace {

TEST(RandomPassword, SatisfiesThePasswordRuleWithoutLookAlikes) {
  std::set<std::string> seen;
  std::set<char> used;
  for (int i = 0; i < 2000; ++i) {
    const std::string p = random_password();
    ASSERT_EQ(p.size(), 14u);
    ASSERT_TRUE(check_password_rule(p)) << p;
    EXPECT_EQ(p.find_first_of("0Oo1lI"), std::string::npos) << p;
    for (char c : p) {
      ASSERT_NE(random_password_alphabet().find(c), std::string_view::npos) << p;
      used.insert(c);
    }
    seen.insert(p);
  }
  EXPECT_EQ(seen.size(), 2000u);                              // about 81 bits each: no repeats
  EXPECT_EQ(used.size(), random_password_alphabet().size());  // every symbol turns up
}

TEST(RandomPassword, TakesALengthOfAtLeastTheRulesMinimum) {
  EXPECT_EQ(random_password(10).size(), 10u);
  EXPECT_TRUE(check_password_rule(random_password(10)));
  EXPECT_EQ(random_password(32).size(), 32u);
  EXPECT_THROW(random_password(9), std::invalid_argument);
}

}  // namespace
}  // namespace zeren::testing
