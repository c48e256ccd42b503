// Log-in, lock-out, throttling, CSRF, time-outs, log-out and the first-log-in password change,
// against the real server on a loopback port.
#include <gtest/gtest.h>

#include "support.hpp"

namespace zeren::test {
namespace {

namespace json = boost::json;

TEST(Session, LogInSetsAStrictHttpOnlyCookieAndReturnsTheUserAndACsrfToken) {
  TestServer server;
  Browser b(server.port());
  auto r = b.log_in("anguan");
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string cookie = r.headers["set-cookie"];
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain HTTP on loopback: no Secure";
  EXPECT_EQ(r.json().at("user").at("username"), "anguan");
  EXPECT_FALSE(b.csrf().empty());
  auto who = b.get("/api/v1/session");
  ASSERT_EQ(who.status, 200) << who.body;
  EXPECT_EQ(who.json().at("user").at("username"), "anguan");
  EXPECT_EQ(std::string(who.json().at("csrf_token").as_string()), b.csrf());
  EXPECT_EQ(request(server.port(), "GET", "/api/v1/session").status, 401);
}

TEST(Session, AWrongPasswordAndAnUnknownUserGetTheSameAnswer) {
  TestServer server;
  Browser b(server.port());
  auto wrong = b.log_in("anguan", "Wrong-password-1");
  auto unknown = b.log_in("nobody-here", "Wrong-password-1");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(wrong.error_code(), "invalid_credentials");
}

TEST(Session, FiveFailuresLockTheAccountForFifteenMinutesEvenForTheRightPassword) {
  TestServer server;
  Browser b(server.port());
  for (int i = 1; i <= 5; ++i)
    EXPECT_EQ(b.log_in("jianchaguan2", "Wrong-password-1").status, 401) << i;
  auto sixth = b.log_in("jianchaguan2", "Wrong-password-1");
  EXPECT_EQ(sixth.status, 423);
  EXPECT_EQ(sixth.error_code(), "account_locked");
  EXPECT_EQ(b.log_in("jianchaguan2").status, 423) << "the right password during the lock";
  server.clock().advance_minutes(14);
  EXPECT_EQ(b.log_in("jianchaguan2").status, 423);
  server.clock().advance_minutes(1);
  EXPECT_EQ(b.log_in("jianchaguan2").status, 200) << "the lock has run out";
  // Another account was never affected.
  EXPECT_EQ(Browser(server.port()).log_in("jianchaguan1").status, 200);
}

TEST(Session, FailuresFromOneAddressAreThrottled) {
  TestServer server;
  Browser b(server.port());
  for (int i = 0; i < 20; ++i)
    ASSERT_EQ(b.log_in("user" + std::to_string(i), "Wrong-password-1").status, 401);
  auto r = b.log_in("anguan");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.error_code(), "too_many_attempts");
  server.clock().advance_minutes(16);
  EXPECT_EQ(b.log_in("anguan").status, 200);
}

TEST(Session, EveryChangeNeedsTheCsrfToken) {
  TestServer server;
  Browser b(server.port());
  ASSERT_EQ(b.log_in("anguan").status, 200);
  const std::string body = intake_body("嘉峪关市人民检察院");
  auto none = b.send("POST", "/api/v1/cases", body, false);
  EXPECT_EQ(none.status, 403);
  EXPECT_EQ(none.error_code(), "csrf_required");
  auto wrong = request(server.port(), "POST", "/api/v1/cases", body,
                       {{"Cookie", b.cookie()}, {"X-CSRF-Token", "not-the-token"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.error_code(), "csrf_required");
  EXPECT_EQ(b.get("/api/v1/cases?status=assigned").status, 200) << "reads need no token";
  EXPECT_EQ(b.post("/api/v1/cases", body).status, 201);
}

TEST(Session, IdleForThirtyMinutesEndsTheSession) {
  TestServer server;
  Browser b(server.port());
  ASSERT_EQ(b.log_in("anguan").status, 200);
  server.clock().advance_minutes(29);
  EXPECT_EQ(b.get("/api/v1/session").status, 200);
  server.clock().advance_minutes(29);
  EXPECT_EQ(b.get("/api/v1/session").status, 200) << "each request restarts the idle time";
  server.clock().advance_minutes(30);
  auto r = b.get("/api/v1/session");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.error_code(), "session_expired");
}

TEST(Session, NoSessionOutlivesTwelveHours) {
  TestServer server;
  Browser b(server.port());
  ASSERT_EQ(b.log_in("anguan").status, 200);
  for (int i = 0; i < 35; ++i) {  // 11 h 40 min of activity every 20 minutes
    server.clock().advance_minutes(20);
    ASSERT_EQ(b.get("/api/v1/session").status, 200) << i;
  }
  server.clock().advance_minutes(20);
  auto r = b.get("/api/v1/session");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.error_code(), "session_expired");
}

TEST(Session, LogOutEndsTheSessionOnTheServer) {
  TestServer server;
  Browser b(server.port());
  ASSERT_EQ(b.log_in("anguan").status, 200);
  auto out = b.send("DELETE", "/api/v1/session", "");
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_NE(out.headers["set-cookie"].find("Max-Age=0"), std::string::npos);
  auto again = b.get("/api/v1/session");  // the old cookie, replayed
  EXPECT_EQ(again.status, 401);
  EXPECT_EQ(again.error_code(), "session_ended");
}

TEST(Session, AnAccountMadeByAnAdministratorChangesItsPasswordFirst) {
  TestServer server;
  Browser admin(server.port());
  ASSERT_EQ(admin.log_in("xitong").status, 200);
  auto people = Browser(server.port());
  ASSERT_EQ(people.log_in("anguan").status, 200);
  std::int64_t proc = 0, person = 0;
  const auto p_all = people.get("/api/v1/people").json();
  for (const auto& p : p_all.at("people").as_array())
    if (p.at("name") == "冯晓琳") {
      proc = p.at("procuratorate_id").as_int64();
      person = p.at("id").as_int64();
    }
  ASSERT_GT(person, 0);
  json::object body{{"username", "fengxl"},
                    {"password", "weak"},
                    {"roles", json::array{"prosecutor"}},
                    {"procuratorate_id", proc},
                    {"person_id", person}};
  auto weak = admin.post("/api/v1/users", json::serialize(body));
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.error_field(), "password");
  body["password"] = "Initial-2026-pass";
  body["roles"] = json::array{"auditor"};
  body.erase("person_id");
  auto admin_role = admin.post("/api/v1/users", json::serialize(body));
  EXPECT_EQ(admin_role.status, 403)
      << "三员分立: administrator roles come from the security administrator";
  EXPECT_EQ(admin_role.error_code(), "admin_role_needs_secadmin");
  body["roles"] = json::array{"prosecutor"};
  body["person_id"] = person;
  // The security administrator grants roles, never their own.
  Browser security(server.port());
  auto me = security.log_in("anquan");
  ASSERT_EQ(me.status, 200);
  const auto self = me.json().at("user").at("id").as_int64();
  auto own = security.send("PUT", "/api/v1/users/" + std::to_string(self) + "/roles",
                           R"({"roles": ["secadmin"]})");
  EXPECT_EQ(own.status, 403);
  EXPECT_EQ(own.error_code(), "own_roles");
  ASSERT_EQ(admin.post("/api/v1/users", json::serialize(body)).status, 201);

  Browser user(server.port());
  auto in = user.log_in("fengxl", "Initial-2026-pass");
  ASSERT_EQ(in.status, 200);
  EXPECT_EQ(in.json().at("user").at("must_change_password"), true);
  auto blocked = user.get("/api/v1/cases");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(blocked.error_code(), "password_change_required");
  json::object change{{"current_password", "Initial-2026-pass"}, {"new_password", "alllowercase"}};
  auto rule = user.send("PUT", "/api/v1/session/password", json::serialize(change));
  EXPECT_EQ(rule.status, 400);
  EXPECT_EQ(rule.error_field(), "new_password");
  change["new_password"] = "Mine-2026-secret";
  ASSERT_EQ(user.send("PUT", "/api/v1/session/password", json::serialize(change)).status, 200);
  EXPECT_EQ(user.get("/api/v1/cases").status, 200);
  EXPECT_EQ(Browser(server.port()).log_in("fengxl", "Mine-2026-secret").status, 200);
}

}  // namespace
}  // namespace zeren::test
