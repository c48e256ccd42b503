// GET /healthz: 200 while the database answers, 503 naming it when it does not, and at most one
// probe a second reaching the database however often load balancers ask.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "audit/draw_crypto.hpp"
#include "http/api.hpp"
#include "http/metrics.hpp"
#include "security/argon2_password_hasher.hpp"
#include "security/sodium_session_secrets.hpp"
#include "support.hpp"

namespace zeren {
namespace {

// A store that runs nothing: it counts the transactions asked of it and answers as told.
class ProbedStore final : public Store {
 public:
  using Store::transact;
  Status transact(const std::function<Status(Transaction&)>&, Access) override {
    ++asked;
    if (down) return Error{ErrorKind::storage, "io", "disk gone", ""};
    return ok_status();
  }
  std::atomic<int> asked{0};
  std::atomic<bool> down{false};
};

struct Fixture {
  ProbedStore store;
  test::ManualClock clock;
  Argon2PasswordHasher hasher;
  SodiumSessionSecrets secrets;
  audit::SystemDrawCrypto crypto{audit::HashAlgorithm::sm3};
  http::Metrics metrics;
  http::Api api{http::ApiDeps{store, clock, hasher, secrets, crypto, metrics}, http::ApiOptions{}};
  http::Response healthz() {
    http::Request r;
    r.method = "GET";
    r.path = "/healthz";
    return api.handle(r);
  }
};

TEST(Healthz, AnswersOkWhileTheDatabaseAnswersAndProbesItAtMostOnceASecond) {
  Fixture f;
  for (int i = 0; i < 100; ++i) {
    auto r = f.healthz();
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body, R"({"status":"ok"})");
  }
  EXPECT_EQ(f.store.asked.load(), 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(f.healthz().status, 200);
  EXPECT_EQ(f.store.asked.load(), 2);
}

TEST(Healthz, AnswersUnavailableNamingTheDatabaseWhenItDoesNotAnswer) {
  Fixture f;
  f.store.down = true;
  auto r = f.healthz();
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("database_unavailable"), std::string::npos) << r.body;
  // A database that fails is asked again at the next check, not a second later.
  f.store.down = false;
  EXPECT_EQ(f.healthz().status, 200);
  EXPECT_EQ(f.store.asked.load(), 2);
}

}  // namespace
}  // namespace zeren
