// Intake, the case page, designation and change of handler through the API; scope between the
// two procuratorates; bad input; metrics.
#include <gtest/gtest.h>

#include <vector>

#include <algorithm>

#include <cctype>
#include <map>
#include <set>

#include "support.hpp"

namespace zeren::test {
namespace {

namespace json = boost::json;
constexpr const char* kCity = "嘉峪关市人民检察院";

std::int64_t add_case(Browser& manager, const std::string& procuratorate) {
  auto r = manager.post("/api/v1/cases", intake_body(procuratorate));
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json().at("id").as_int64() : 0;
}

std::string district_name() {
  for (const auto& u : demo_users())
    if (u.username == "cqanguan") return u.procuratorate;
  return {};
}

TEST(Cases, IntakeAnswersWithTheCaseItsNumberAndItsAssignment) {
  TestServer server;
  Browser manager(server.port());
  ASSERT_EQ(manager.log_in("anguan").status, 200);
  auto r = manager.post("/api/v1/cases", intake_body(kCity, "<img src=x onerror=alert(1)>"));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto c = r.json().as_object();
  EXPECT_TRUE(std::string(c.at("number").as_string()).starts_with("嘉检刑诉受〔2026〕"));
  EXPECT_EQ(c.at("status"), "assigned");
  EXPECT_EQ(c.at("department"), "第一检察部");
  const auto& a = c.at("assignment").as_object();
  EXPECT_EQ(a.at("method"), "random");
  EXPECT_GT(a.at("pool_size").as_int64(), 0);
  EXPECT_EQ(a.at("unit"), c.at("unit"));
  EXPECT_EQ(r.headers["location"], "/api/v1/cases/" + std::to_string(c.at("id").as_int64()));

  auto page = manager.get("/api/v1/cases/" + std::to_string(c.at("id").as_int64()));
  ASSERT_EQ(page.status, 200) << page.body;
  const auto p = page.json().as_object();
  EXPECT_EQ(p.at("parties").as_array().at(0), "<img src=x onerror=alert(1)>")
      << "stored and returned as text";
  EXPECT_FALSE(p.at("timeline").as_array().empty());
  EXPECT_EQ(p.at("timeline").as_array().at(0).at("actor_name"), "冉丽华")
      << "the timeline names the case manager's person";
  const auto& explained = p.at("assignment").as_object();
  EXPECT_FALSE(explained.at("candidates").as_array().empty());
  EXPECT_EQ(explained.at("draw").at("revealed"), false);
  EXPECT_TRUE(explained.at("draw").at("secret").is_null()) << "no secret before the epoch closes";
  const auto verify =
      manager.get("/api/v1/cases/" + std::to_string(c.at("id").as_int64()) + "/assignments/" +
                  std::to_string(explained.at("id").as_int64()) + "/verify");
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_EQ(verify.json().at("revealed"), false);

  auto list = manager.get("/api/v1/cases?q=" + std::string("%3Cimg") + "&limit=5");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json().at("cases").as_array().size(), 1u);
}

TEST(Cases, TheListFiltersAndPages) {
  TestServer server;
  Browser manager(server.port());
  ASSERT_EQ(manager.log_in("anguan").status, 200);
  for (int i = 0; i < 5; ++i) add_case(manager, kCity);
  auto first = manager.get(
      "/api/v1/cases?limit=2&category=审查起诉&received_from=2026-11-01&received_to=2026-11-30");
  ASSERT_EQ(first.status, 200) << first.body;
  ASSERT_EQ(first.json().at("cases").as_array().size(), 2u);
  const auto cursor = first.json().at("next_cursor").as_int64();
  auto second = manager.get("/api/v1/cases?limit=2&cursor=" + std::to_string(cursor));
  ASSERT_EQ(second.status, 200);
  EXPECT_LT(second.json().at("cases").as_array().at(0).at("id").as_int64(), cursor);
  auto bad = manager.get("/api/v1/cases?received_from=2026-13-01");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_field(), "received_from");
  auto bad_limit = manager.get("/api/v1/cases?limit=abc");
  EXPECT_EQ(bad_limit.status, 400);
  EXPECT_EQ(bad_limit.error_field(), "limit");
}

// The server keeps what it read of the organisation to name things on every page; a change of
// the organisation shows on the very next page read, and a change that fails leaves none.
TEST(Cases, AUnitRenamedShowsItsNewNameOnTheNextPageRead) {
  TestServer server;
  Browser admin(server.port());
  const auto admin_in = admin.log_in("xitong");
  ASSERT_EQ(admin_in.status, 200);
  const auto own = admin_in.json().at("user").at("procuratorate_id");
  Browser manager(server.port());
  ASSERT_EQ(manager.log_in("anguan").status, 200);
  const auto listed = manager.get("/api/v1/cases?limit=50&status=assigned");
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto list = listed.json();
  const json::value* found = nullptr;  // a case of the administrator's own 院
  for (const auto& x : list.at("cases").as_array())
    if (!found && x.at("procuratorate_id") == own) found = &x;
  ASSERT_NE(found, nullptr) << listed.body;
  const auto& c = *found;
  const std::string page = "/api/v1/cases/" + std::to_string(c.at("id").as_int64());
  const auto unit = c.at("unit_id").as_int64();
  const std::string before(c.at("unit").as_string());
  ASSERT_FALSE(before.empty());
  ASSERT_EQ(manager.get(page).json().at("unit"), json::value(before));

  const std::string units = "/api/v1/units/" + std::to_string(unit);
  auto refused = admin.send("PUT", units, R"({"name": "改名未成", "share": -1})");
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(manager.get(page).json().at("unit"), json::value(before));

  auto renamed = admin.send("PUT", units, R"({"name": "改名后的办案组"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(manager.get(page).json().at("unit"), "改名后的办案组");
  const auto again = manager.get("/api/v1/cases?limit=50&status=assigned").json();
  for (const auto& x : again.at("cases").as_array())
    if (x.at("unit_id") == c.at("unit_id")) { EXPECT_EQ(x.at("unit"), "改名后的办案组"); }
}

// Every byte but unreserved ASCII as %XX, for a query value.
std::string percent_encoded(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

TEST(Cases, TheListFindsACaseByItsNumberTypedWithHalfWidthBracketsOr第) {
  TestServer server;
  Browser manager(server.port());
  ASSERT_EQ(manager.log_in("anguan").status, 200);
  const auto id = add_case(manager, kCity);
  const auto number = std::string(
      manager.get("/api/v1/cases/" + std::to_string(id)).json().at("number").as_string());
  // 嘉检刑诉受〔2026〕N号 → 嘉检刑诉受[2026]N号 and 嘉检刑诉受［2026］第N号
  auto respelled = [&](const std::string& open, const std::string& close, const std::string& di) {
    std::string s = number;
    s.replace(s.find("〔"), std::string("〔").size(), open);
    s.replace(s.find("〕"), std::string("〕").size(), close + di);
    return s;
  };
  for (const std::string& typed : {respelled("[", "]", ""), respelled("［", "］", "第"),
                                   " " + respelled("(", ")", "") + " "}) {
    const auto reply = manager.get("/api/v1/cases?q=" + percent_encoded(typed));
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto cases = reply.json().at("cases").as_array();
    ASSERT_EQ(cases.size(), 1u) << typed << " → " << reply.body.substr(0, 300);
    EXPECT_EQ(cases.at(0).at("id").as_int64(), id) << typed;
    EXPECT_EQ(cases.at(0).at("number").as_string(), number) << typed;
  }
}

TEST(Cases, AListOverSeveral院IsOneNewestFirstOrderPagedWithoutGapsOrRepeats) {
  TestServer server;
  Browser city(server.port()), district(server.port());
  ASSERT_EQ(city.log_in("anguan").status, 200);
  ASSERT_EQ(district.log_in("cqanguan").status, 200);
  std::set<std::int64_t> added;
  for (int i = 0; i < 3; ++i) {
    added.insert(add_case(city, kCity));
    added.insert(add_case(district, district_name()));
  }
  // The city's case management sees its own 院 and the district below it, in one order, whatever
  // the size of the pages it reads them in.
  auto read_all = [&](int limit) {
    std::vector<std::int64_t> ids;
    std::string cursor;
    for (int page = 0; page < 2000; ++page) {
      auto r = city.get("/api/v1/cases?limit=" + std::to_string(limit) + cursor);
      EXPECT_EQ(r.status, 200) << r.body;
      const auto body = r.json();
      for (const auto& c : body.at("cases").as_array()) ids.push_back(c.at("id").as_int64());
      if (body.at("next_cursor").is_null()) break;
      cursor = "&cursor=" + std::to_string(body.at("next_cursor").as_int64());
    }
    return ids;
  };
  const auto expected = read_all(200);
  for (auto id : added) EXPECT_NE(std::find(expected.begin(), expected.end(), id), expected.end());
  EXPECT_TRUE(std::adjacent_find(expected.begin(), expected.end(), std::less_equal<>()) ==
              expected.end());  // strictly newest first: no repeats
  const auto paged = read_all(7);
  EXPECT_EQ(paged, expected);
}

TEST(Cases, AnotherProcuratoratesCaseIsNotFoundButTheUpperOneSupervisesTheLower) {
  TestServer server;
  Browser city(server.port()), district(server.port());
  ASSERT_EQ(city.log_in("anguan").status, 200);
  ASSERT_EQ(district.log_in("cqanguan").status, 200);
  const auto city_case = add_case(city, kCity);
  const auto district_case = add_case(district, district_name());
  Browser lower_prosecutor(server.port());
  ASSERT_EQ(lower_prosecutor.log_in("cqjianchaguan1").status, 200);
  auto hidden = lower_prosecutor.get("/api/v1/cases/" + std::to_string(city_case));
  auto missing = lower_prosecutor.get("/api/v1/cases/999999");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.body.substr(0, 30), missing.body.substr(0, 30))
      << "the same answer as a missing case";
  EXPECT_EQ(district.get("/api/v1/cases/" + std::to_string(city_case)).status, 404);
  EXPECT_EQ(city.get("/api/v1/cases/" + std::to_string(district_case)).status, 200)
      << "the upper 院's case management supervises the lower 院";
  // Intake for another 院 is refused.
  auto other = district.post("/api/v1/cases", intake_body(kCity));
  EXPECT_EQ(other.status, 403);
}

TEST(Cases, TheThreeAdministratorsReadNoCases) {
  TestServer server;
  for (const char* admin : {"shenji", "xitong", "anquan"}) {
    Browser b(server.port());
    ASSERT_EQ(b.log_in(admin).status, 200) << admin;
    auto r = b.get("/api/v1/cases");
    EXPECT_EQ(r.status, 403) << admin;
    EXPECT_EQ(r.error_code(), "forbidden");
  }
  Browser auditor(server.port());
  ASSERT_EQ(auditor.log_in("shenji").status, 200);
  auto trail = auditor.get("/api/v1/audit?from=1&limit=5");
  ASSERT_EQ(trail.status, 200) << trail.body;
  EXPECT_EQ(trail.json().at("entries").as_array().size(), 5u);
  auto verify = auditor.get("/api/v1/audit/verify");
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_EQ(verify.json().at("ok"), true);
}

TEST(Cases, ChangeOfHandlerIsRequestedByTheHeadAndApprovedByTheSupervisingDeputyChief) {
  TestServer server;
  Browser manager(server.port()), head(server.port()), deputy(server.port());
  ASSERT_EQ(manager.log_in("anguan").status, 200);
  ASSERT_EQ(head.log_in("yibu").status, 200);
  ASSERT_EQ(deputy.log_in("fujianchazhang").status, 200);
  const auto id = add_case(manager, kCity);
  const auto before =
      manager.get("/api/v1/cases/" + std::to_string(id)).json().at("unit_id").as_int64();
  json::object ask{{"reason", "workload"}, {"reason_text", "承办人工作量过大"}};
  auto req = head.post("/api/v1/cases/" + std::to_string(id) + "/handler-change-requests",
                       json::serialize(ask));
  ASSERT_EQ(req.status, 201) << req.body;
  const auto request_id = req.json().at("id").as_int64();
  EXPECT_EQ(req.json().at("status"), "pending");
  EXPECT_EQ(manager.get("/api/v1/cases/" + std::to_string(id)).json().at("unit_id").as_int64(),
            before)
      << "nothing changes before approval";

  const std::string decide = "/api/v1/requests/" + std::to_string(request_id) + "/decision";
  auto by_head = head.post(decide, R"({"approve": true, "note": "同意"})");
  EXPECT_EQ(by_head.status, 403) << "the requester does not decide";
  EXPECT_EQ(by_head.error_code(), "self_approval");

  auto inbox = deputy.get("/api/v1/approvals");
  ASSERT_EQ(inbox.status, 200);
  bool waiting = false;
  const auto r_all = inbox.json();
  for (const auto& r : r_all.at("requests").as_array())
    waiting = waiting || r.at("id").as_int64() == request_id;
  EXPECT_TRUE(waiting) << inbox.body;

  auto approved = deputy.post(decide, R"({"approve": true, "note": "同意更换"})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json().at("status"), "approved");
  const auto after = manager.get("/api/v1/cases/" + std::to_string(id)).json();
  EXPECT_NE(after.at("unit_id").as_int64(), before);
  EXPECT_EQ(after.at("assignments").as_array().size(), 2u);
  EXPECT_EQ(deputy.post(decide, R"({"approve": true})").status, 409) << "decided once";
}

TEST(Cases, NobodyApprovesTheirOwnRequest) {
  TestServer server;
  Browser manager(server.port()), deputy(server.port());
  ASSERT_EQ(manager.log_in("anguan").status, 200);
  ASSERT_EQ(deputy.log_in("fujianchazhang").status, 200);
  const auto id = add_case(manager, kCity);
  auto req = deputy.post("/api/v1/cases/" + std::to_string(id) + "/handler-change-requests",
                         R"({"reason": "workload"})");
  ASSERT_EQ(req.status, 201) << req.body;
  auto self = deputy.post(
      "/api/v1/requests/" + std::to_string(req.json().at("id").as_int64()) + "/decision",
      R"({"approve": true, "note": "自批"})");
  EXPECT_EQ(self.status, 403);
  EXPECT_EQ(self.error_code(), "self_approval");
}

TEST(Cases, BadInputIsA400NamingTheFieldAndChangesNothing) {
  TestServer server;
  Browser manager(server.port());
  ASSERT_EQ(manager.log_in("anguan").status, 200);
  auto count = [&] {
    return manager.get("/api/v1/cases?limit=200").json().at("cases").as_array().size();
  };
  const auto before = count();
  auto malformed = manager.post("/api/v1/cases", "{\"procuratorate\": ");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.error_field(), "body");
  auto body = json::parse(intake_body(kCity)).as_object();
  body["custody"] = "yes";
  auto wrong_type = manager.post("/api/v1/cases", json::serialize(body));
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(wrong_type.error_field(), "custody");
  body["custody"] = true;
  body["received_on"] = "2026-02-30";
  auto bad_date = manager.post("/api/v1/cases", json::serialize(body));
  EXPECT_EQ(bad_date.status, 400);
  EXPECT_EQ(bad_date.error_field(), "received_on");
  body.erase("received_on");
  body["colour"] = "red";
  auto unknown = manager.post("/api/v1/cases", json::serialize(body));
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.error_field(), "colour");
  auto not_object = manager.post("/api/v1/cases", "[1, 2]");
  EXPECT_EQ(not_object.status, 400);
  EXPECT_EQ(count(), before);
  auto bad_id = manager.get("/api/v1/cases/abc");
  EXPECT_EQ(bad_id.status, 404);
}

TEST(Cases, ErrorsNameTheFieldsAsTheBodyNamesThem) {
  TestServer server;
  Browser personnel(server.port()), deputy(server.port()), manager(server.port());
  ASSERT_EQ(personnel.log_in("zhengzhi").status, 200);
  ASSERT_EQ(deputy.log_in("fujianchazhang").status, 200);
  ASSERT_EQ(manager.log_in("anguan").status, 200);
  const auto units_all = personnel.get("/api/v1/units").json();
  const auto& unit = units_all.at("units").as_array().at(0).as_object();
  json::object add{{"department_id", unit.at("department_id")},
                   {"kind", "sole"},
                   {"name", "新单元"},
                   {"lead_id", nullptr},
                   {"categories", json::array{"prosecution_review"}}};
  auto no_lead = personnel.post("/api/v1/units", json::serialize(add));
  EXPECT_EQ(no_lead.status, 400);
  EXPECT_EQ(no_lead.error_field(), "lead_id");
  add["lead_id"] = 999999;
  auto missing_lead = personnel.post("/api/v1/units", json::serialize(add));
  EXPECT_EQ(missing_lead.status, 404);
  EXPECT_EQ(missing_lead.error_field(), "lead_id");
  add["lead_id"] = unit.at("lead_id");
  add["name"] = unit.at("name");
  auto taken = personnel.post("/api/v1/units", json::serialize(add));
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.error_code(), "already_exists");
  EXPECT_EQ(taken.error_field(), "name");
  EXPECT_EQ(taken.body.find("UNIQUE"), std::string::npos) << "no database wording: " << taken.body;
  const auto id = add_case(manager, kCity);
  auto req = deputy.post("/api/v1/cases/" + std::to_string(id) + "/handler-change-requests",
                         R"({"reason": "workload"})");
  ASSERT_EQ(req.status, 201);
  auto null_approve = manager.post(
      "/api/v1/requests/" + std::to_string(req.json().at("id").as_int64()) + "/decision",
      R"({"approve": null})");
  EXPECT_EQ(null_approve.status, 403) << "case management decides nothing";
  Browser chief(server.port());
  ASSERT_EQ(chief.log_in("jianchazhang").status, 200);
  auto chief_null =
      chief.post("/api/v1/requests/" + std::to_string(req.json().at("id").as_int64()) + "/decision",
                 R"({"approve": null})");
  EXPECT_EQ(chief_null.status, 400) << "null is not a decision";
  EXPECT_EQ(chief_null.error_field(), "approve");
}

TEST(Cases, MetricsCountRequestsByRouteAndStatus) {
  TestServer server;
  Browser manager(server.port());
  ASSERT_EQ(manager.log_in("anguan").status, 200);
  add_case(manager, kCity);
  auto m = request(server.port(), "GET", "/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(m.headers["content-type"].find("text/plain"), std::string::npos);
  EXPECT_NE(m.body.find(R"(zeren_http_requests_total{route="/api/v1/cases",status="201"} 1)"),
            std::string::npos)
      << m.body;
  EXPECT_NE(m.body.find("zeren_open_sessions 1"), std::string::npos) << m.body;
  EXPECT_NE(m.body.find("zeren_http_request_duration_seconds_bucket"), std::string::npos);
}

}  // namespace
}  // namespace zeren::test

namespace zeren::test {
namespace {

TEST(Cases, MyCasesAreThoseOfTheUnitsILeadOrBelongTo) {
  TestServer server;
  Browser prosecutor(server.port());
  ASSERT_EQ(prosecutor.log_in("jianchaguan1").status, 200);
  const auto me = prosecutor.get("/api/v1/session").json().at("user").at("person_id").as_int64();
  const auto units_reply = prosecutor.get("/api/v1/units");
  const auto units = units_reply.json();
  std::set<std::string> mine;
  for (const auto& u : units.at("units").as_array()) {
    bool in = u.at("lead_id").as_int64() == me;
    for (const auto& m : u.at("members").as_array()) in = in || m.at("id").as_int64() == me;
    if (in) mine.insert(std::string(u.at("name").as_string()));
  }
  ASSERT_FALSE(mine.empty());
  const auto reply = prosecutor.get("/api/v1/cases?mine=true&limit=200");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto list = reply.json();
  ASSERT_FALSE(list.at("cases").as_array().empty());
  for (const auto& c : list.at("cases").as_array())
    EXPECT_TRUE(mine.contains(std::string(c.at("unit").as_string()))) << c.at("unit");

  Browser admin(server.port());
  ASSERT_EQ(admin.log_in("anguan").status, 200);
  EXPECT_EQ(admin.get("/api/v1/cases?mine=yes").error_field(), "mine");
}

TEST(Cases, WorkloadShowsEachUnitsLoadAsTheEngineSeesIt) {
  TestServer server;
  Browser manager(server.port());
  ASSERT_EQ(manager.log_in("anguan").status, 200);
  const auto id = add_case(manager, kCity);
  const auto page = manager.get("/api/v1/cases/" + std::to_string(id)).json();
  const auto dept = page.at("department_id").as_int64();

  const auto reply =
      manager.get("/api/v1/statistics/workload?department_id=" + std::to_string(dept));
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto w = reply.json();
  EXPECT_EQ(w.at("department"), "第一检察部");
  // Each candidate of the draw had the load the dashboard shows, plus the new case for the chosen
  // unit (its weight under the plan).
  std::map<std::int64_t, double> load;
  std::map<std::int64_t, std::int64_t> weight;
  for (const auto& u : w.at("units").as_array()) {
    load[u.at("unit_id").as_int64()] = u.at("load").to_number<double>();
    weight[u.at("unit_id").as_int64()] = u.at("weight_sum").as_int64();
  }
  const auto chosen = page.at("unit_id").as_int64();
  for (const auto& c : page.at("assignment").at("candidates").as_array()) {
    const auto unit = c.at("unit_id").as_int64();
    const auto added = unit == chosen ? w.at("weights").at("ordinary").as_int64() : 0;
    EXPECT_EQ(weight.at(unit), c.at("weight_sum").as_int64() + added) << unit;
  }
  EXPECT_GT(load.at(chosen), 0);

  Browser district(server.port());
  ASSERT_EQ(district.log_in("cqanguan").status, 200);
  const auto other =
      district.get("/api/v1/statistics/workload?department_id=" + std::to_string(dept));
  EXPECT_EQ(other.status, 404) << "another 院's department is hidden";
  EXPECT_EQ(manager.get("/api/v1/statistics/workload").error_field(), "department_id");
}

}  // namespace
}  // namespace zeren::test
