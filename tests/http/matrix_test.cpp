// The role/scope matrix, generated from the route table: every route that needs a permission ×
// every demo account (at least one per role per 院) × a target in the own and in the other 院.
#include <gtest/gtest.h>

#include <set>

#include "app/permissions.hpp"
#include "http/api.hpp"
#include "support.hpp"

namespace zeren::test {
namespace {

namespace json = boost::json;

struct Place {
  std::string name;
  std::int64_t id = 0, department = 0, person = 0, unit = 0, case_id = 0, assignment = 0,
               request = 0, plan = 0, user = 0, decision = 0, notice = 0, report = 0;
};

// A case handled by `prosecutor` with a 不起诉 proposal pending for the chief; case management's
// notice and the chief's instruction to report on it, unanswered.
void prepare_handling(Place& p, unsigned short port, const std::string& manager,
                      const std::string& deputy, const std::string& prosecutor,
                      const std::string& chief) {
  const std::string cs = case_handled_by(port, p.name, manager, deputy, prosecutor);
  Browser m(port), x(port), c(port);
  EXPECT_EQ(m.log_in(manager).status, 200);
  EXPECT_EQ(x.log_in(prosecutor).status, 200);
  EXPECT_EQ(c.log_in(chief).status, 200);
  auto proposed = x.post(cs + "/decisions",
                         R"({"type": "non_prosecution_discretionary", "reasoning": "情节轻微"})");
  EXPECT_EQ(proposed.status, 201) << proposed.body;
  p.decision = proposed.json().at("decision").at("id").as_int64();
  auto notice = m.post(cs + "/notices", R"({"level": "oral", "content": "注意期限"})");
  EXPECT_EQ(notice.status, 201) << notice.body;
  p.notice = notice.json().at("notices").as_array().back().at("id").as_int64();
  auto report =
      c.post(cs + "/report-instructions", R"({"request": "报告进展", "due_on": "2030-01-01"})");
  EXPECT_EQ(report.status, 201) << report.body;
  p.report = report.json().at("reports").as_array().back().at("id").as_int64();
}

std::int64_t find_id(const json::value& list, const char* key, const char* field,
                     const std::string& value) {
  for (const auto& x : list.at(key).as_array())
    if (x.at(field).is_string() && x.at(field).as_string() == value) return x.at("id").as_int64();
  return 0;
}

Place prepare(unsigned short port, const std::string& manager, const std::string& head,
              const std::string& prosecutor, const std::string& name) {
  Place p;
  p.name = name;
  Browser m(port), h(port);
  EXPECT_EQ(m.log_in(manager).status, 200);
  EXPECT_EQ(h.log_in(head).status, 200);
  const auto procs = m.get("/api/v1/procuratorates").json();
  p.id = find_id(procs, "procuratorates", "name", name);
  const auto d_all = m.get("/api/v1/departments").json();
  for (const auto& d : d_all.at("departments").as_array())
    if (d.at("procuratorate_id").as_int64() == p.id && d.at("name") == "第一检察部")
      p.department = d.at("id").as_int64();
  const auto x_all = m.get("/api/v1/people").json();
  for (const auto& x : x_all.at("people").as_array())
    if (x.at("procuratorate_id").as_int64() == p.id &&
        x.at("department_id").as_int64() == p.department)
      p.person = x.at("id").as_int64();
  const auto u_all = m.get("/api/v1/units").json();
  for (const auto& u : u_all.at("units").as_array())
    if (u.at("department_id").as_int64() == p.department) p.unit = u.at("id").as_int64();
  auto c = m.post("/api/v1/cases", intake_body(name));
  EXPECT_EQ(c.status, 201) << c.body;
  p.case_id = c.json().at("id").as_int64();
  p.assignment = c.json().at("assignment").at("id").as_int64();
  auto r = m.post("/api/v1/cases/" + std::to_string(p.case_id) + "/handler-change-requests",
                  R"({"reason": "workload"})");
  EXPECT_EQ(r.status, 201) << r.body;
  p.request = r.json().at("id").as_int64();
  auto plan =
      h.post("/api/v1/plans", json::serialize(json::object{{"department_id", p.department}}));
  EXPECT_EQ(plan.status, 201) << plan.body;
  p.plan = plan.json().at("id").as_int64();
  Browser x(port);
  auto in = x.log_in(prosecutor);
  EXPECT_EQ(in.status, 200);
  p.user = in.json().at("user").at("id").as_int64();
  return p;
}

std::string fill(std::string_view pattern, const Place& t) {
  std::string out(pattern);
  auto put = [&](const std::string& key, std::int64_t v) {
    const auto at = out.find(key);
    if (at != std::string::npos) out.replace(at, key.size(), std::to_string(v));
  };
  if (out.starts_with("/api/v1/cases/")) put("{id}", t.case_id);
  if (out.starts_with("/api/v1/requests/")) put("{id}", t.request);
  if (out.starts_with("/api/v1/plans/")) put("{id}", t.plan);
  if (out.starts_with("/api/v1/people/")) put("{id}", t.person);
  if (out.starts_with("/api/v1/units/")) put("{id}", t.unit);
  if (out.starts_with("/api/v1/users/")) put("{id}", t.user);
  if (out.starts_with("/api/v1/decisions/")) put("{id}", t.decision);
  if (out.starts_with("/api/v1/notices/")) put("{id}", t.notice);
  if (out.starts_with("/api/v1/reports/")) put("{id}", t.report);
  if (out == "/api/v1/monitoring") out += "?procuratorate=" + std::to_string(t.id);
  if (out == "/api/v1/monitoring/cases")
    out += "?list=overdue&procuratorate=" + std::to_string(t.id);
  put("{assignment}", t.assignment);
  // Reads of one department name it in the query; it is their target like an id in the path.
  if (out == "/api/v1/statistics/workload") out += "?department_id=" + std::to_string(t.department);
  return out;
}

std::string body_for(std::string_view pattern, const Place& t, int n) {
  const std::string p(pattern);
  if (p == "/api/v1/cases") return intake_body(t.name);
  if (p == "/api/v1/units")
    return json::serialize(json::object{{"department_id", t.department},
                                        {"kind", "sole"},
                                        {"name", "矩阵单元" + std::to_string(n)},
                                        {"lead_id", t.person},
                                        {"categories", json::array{"prosecution_review"}}});
  if (p == "/api/v1/units/{id}") return R"({"position": 7})";
  if (p == "/api/v1/users/{id}/roles") return R"({"roles": ["prosecutor"]})";
  if (p == "/api/v1/people/{id}/absences")
    return R"({"from": "2026-12-01", "to": "2026-12-02", "reason": "培训"})";
  if (p == "/api/v1/users")
    return json::serialize(json::object{{"username", "matrix" + std::to_string(n)},
                                        {"password", "Matrix-2026-pass"},
                                        {"roles", json::array{"prosecutor"}},
                                        {"procuratorate_id", t.id}});
  if (p == "/api/v1/cases/{id}/designation-requests")
    return json::serialize(json::object{{"unit_id", t.unit}, {"reason", "major_complex"}});
  if (p == "/api/v1/cases/{id}/handler-change-requests") return R"({"reason": "workload"})";
  if (p == "/api/v1/decisions/{id}/decision") return R"({"outcome": "reject", "note": "矩阵测试"})";
  if (p.ends_with("/decision")) return R"({"approve": false, "note": "矩阵测试"})";
  if (p == "/api/v1/cases/{id}/transitions") return R"({"action": "start"})";
  if (p == "/api/v1/cases/{id}/decisions") return R"({"type": "prosecute", "reasoning": "矩阵"})";
  if (p == "/api/v1/cases/{id}/acts") return R"({"kind": "interrogation", "on": "2026-11-20"})";
  if (p == "/api/v1/cases/{id}/flags") return R"({"flag": "new_type"})";
  if (p == "/api/v1/cases/{id}/pre-reviews") return R"({"opinion": "矩阵意见"})";
  if (p == "/api/v1/cases/{id}/notices") return R"({"level": "oral", "content": "矩阵提示"})";
  if (p == "/api/v1/cases/{id}/report-instructions")
    return R"({"request": "矩阵报告", "due_on": "2030-01-01"})";
  if (p == "/api/v1/decisions/{id}/objections" || p == "/api/v1/notices/{id}/reply" ||
      p == "/api/v1/reports/{id}")
    return R"({"text": "矩阵"})";
  if (p == "/api/v1/plans") return json::serialize(json::object{{"department_id", t.department}});
  return "{}";
}

bool any_of_roles(const DemoUser& u, std::initializer_list<const char*> roles) {
  for (const auto& r : u.roles)
    for (const char* x : roles)
      if (r == x) return true;
  return false;
}

TEST(Matrix, EveryRouteRoleAndProcuratorateIsAllowedOrRefusedAsTheMatrixSays) {
  TestServer server;
  Place city = prepare(server.port(), "anguan", "yibu", "jianchaguan1", "嘉峪关市人民检察院");
  Place district = prepare(server.port(), "cqanguan", "cqyibu", "cqjianchaguan1",
                           demo_user("cqanguan").procuratorate);
  prepare_handling(city, server.port(), "anguan", "fujianchazhang", "jianchaguan1", "jianchazhang");
  prepare_handling(district, server.port(), "cqanguan", "cqfujianchazhang", "cqjianchaguan1",
                   "cqjianchazhang");
  ASSERT_NE(city.id, district.id);

  // Every role appears in each 院.
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& u : demo_users())
    for (const auto& r : u.roles) seen.insert({u.procuratorate, r});
  for (const char* role : {"case_manager", "prosecutor", "assistant", "clerk", "dept_head",
                           "deputy_chief", "chief", "committee_member", "discipline", "personnel",
                           "people_supervisor", "sysadmin", "secadmin", "auditor"})
    for (const auto* place : {&city, &district})
      EXPECT_TRUE(seen.contains({place->name, role})) << role << " in " << place->name;

  int checked = 0, n = 0;
  for (const auto& u : demo_users()) {
    Browser b(server.port());
    ASSERT_EQ(b.log_in(u.username, u.password).status, 200) << u.username;
    app::Actor actor;
    for (const auto& r : u.roles) actor.roles.insert(*parse_term<Role>(r, "role"));
    const bool upper = u.procuratorate == city.name;
    for (const auto& route : http::routes()) {
      if (!route.auth || !route.permission) continue;
      const auto& grant = app::grant_for(*route.permission);
      const bool allowed = app::role_allows(actor, *route.permission);
      const bool by_id = route.pattern.find('{') != std::string_view::npos ||
                         route.pattern == "/api/v1/statistics/workload" ||
                         route.pattern == "/api/v1/monitoring" ||
                         route.pattern == "/api/v1/monitoring/cases";
      const bool has_target = by_id || route.method != "GET";
      for (const Place* target : {&city, &district}) {
        if (!has_target && target != (upper ? &city : &district))
          continue;  // lists: own scope only
        const bool own = (target == &city) == upper;
        const bool supervises = upper && grant.reach_lower &&
                                any_of_roles(u, {"chief", "deputy_chief", "case_manager"});
        const bool system_wide = route.pattern.starts_with("/api/v1/audit");
        const bool in_scope = system_wide ? upper : (own || supervises);
        const std::string path = fill(route.pattern, *target);
        const Reply r = b.send(std::string(route.method), path,
                               route.method == "GET" ? "" : body_for(route.pattern, *target, ++n));
        const std::string where = u.username + " " + std::string(route.method) + " " + path;
        ++checked;
        if (!allowed) {
          EXPECT_EQ(r.status, 403) << where << " " << r.body;
          EXPECT_EQ(r.error_code(), "forbidden") << where;
        } else if (!in_scope) {
          if (route.method == "GET" && by_id)
            EXPECT_EQ(r.status, 404) << where << " " << r.body;
          else
            EXPECT_TRUE(r.status == 404 || (r.status == 403 && r.error_code() == "out_of_scope"))
                << where << " " << r.status << " " << r.body;
        } else {
          EXPECT_NE(r.status, 401) << where;
          EXPECT_NE(r.status, 404) << where << " " << r.body;
          EXPECT_FALSE(r.status == 403 &&
                       (r.error_code() == "forbidden" || r.error_code() == "out_of_scope"))
              << where << " " << r.body;
        }
      }
    }
  }
  EXPECT_GT(checked, 500);
}

}  // namespace
}  // namespace zeren::test
