// Every route of the HTTP API that takes a body (POST, PUT, PATCH in http::routes()), through the
// transport-free zeren::http::Api::handle over a real SQLite database holding the demo
// organisation, as logged-in users (session cookie and CSRF token) whose roles the route needs.
//
// Input: byte 0 picks the route (among those with a body, in routes() order), byte 1 the caller
// and the path id (low nibble: the caller among the users whose roles allow the route, the one
// the route's fixture is made for first; high nibble: the id, the fixture's first, then the other
// 院's, then one that does not exist), the rest is the body.
//
// Properties: no crash or sanitizer report; never a 5xx (a bad body is a 4xx); a 400 names the
// field at fault; every answer's body is JSON.
//
// State: the fixtures (log-ins, cases in each stage, a pending decision, notice, report, request
// and plan) are made once, committed, in LLVMFuzzerInitialize. Each input then runs inside one
// outer SQLite transaction that is rolled back after it; the API's own transactions become
// savepoints inside it (SandboxStore). So every input meets the same database, and a run does not
// slow down as it goes.
//
// ZEREN_FUZZ_WRITE_SEEDS=DIR: write one seed per route and example body into DIR and exit
// (fuzz/corpus/fuzz_api_bodies was made so).
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/permissions.hpp"
#include "app/use_cases.hpp"
#include "audit/draw_crypto.hpp"
#include "cli/demo_file.hpp"
#include "http/api.hpp"
#include "security/sodium_session_secrets.hpp"
#include "storage/open_store.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace {

using namespace zeren;
namespace json = boost::json;
namespace fs = std::filesystem;

[[noreturn]] void fail_setup(const std::string& why) {
  std::fprintf(stderr, "fuzz_api_bodies: set-up failed: %s\n", why.c_str());
  std::exit(2);
}

// 2026-11-24 10:00 in China: the demo year, after the fixtures' received dates.
class FixedClock final : public Clock {
 public:
  std::int64_t now_us() const override { return 1'795'485'600'000'000LL; }
  Date today() const override { return Date::in_china(now_us()); }
};

// Argon2id costs tens of milliseconds a check; the log-in and password routes are fuzzed for
// their decoding and rules, so the fuzzer's accounts keep their passwords with a cheap stand-in.
class PlainHasher final : public PasswordHasher {
 public:
  Result<std::string> hash(std::string_view password) const override {
    return "plain$" + std::string(password);
  }
  bool verify(std::string_view password, const std::string& stored) const override {
    return stored == "plain$" + std::string(password);
  }
};

// The SQLite store as src/storage/sqlite runs it (one connection, BEGIN IMMEDIATE … COMMIT
// through sql::finish), plus a sandbox: between begin_input and end_input every transaction is a
// savepoint inside one outer transaction, which end_input rolls back.
class SandboxStore final : public Store {
 public:
  SandboxStore(const std::string& path, audit::HashAlgorithm hash) : hash_(hash) {
    sql_.open(soci::sqlite3, "db=\"" + path + "\" timeout=10");
    sql_ << "PRAGMA foreign_keys=ON";
    sql_ << "PRAGMA synchronous=OFF";
  }
  using Store::transact;
  Status transact(const std::function<Status(Transaction&)>& work, Access) override {
    sql::NoChainLock chain;
    sql::SqlTransaction tx(sql_, statements_, hash_, sql::Backend::sqlite, chain);
    if (!sandboxed_) {
      ZEREN_TRY(exec("BEGIN IMMEDIATE"));
      return sql::finish(sql_, statements_, sql::guarded([&] { return work(tx); }));
    }
    ZEREN_TRY(exec("SAVEPOINT api_transaction"));
    Status result = sql::guarded([&] { return work(tx); });
    statements_.settle();
    if (!result) ZEREN_TRY(exec("ROLLBACK TO api_transaction"));
    ZEREN_TRY(exec("RELEASE api_transaction"));
    return result;
  }
  void begin_input() {
    if (!exec("BEGIN IMMEDIATE")) fail_setup("cannot begin the input's transaction");
    sandboxed_ = true;
  }
  void end_input() {
    sandboxed_ = false;
    if (!exec("ROLLBACK")) fail_setup("cannot roll the input back");
  }

 private:
  Status exec(const char* statement) {
    return sql::guarded([&] {
      sql_ << statement;
      return ok_status();
    });
  }
  soci::session sql_;
  sql::StatementCache statements_{sql_, sqlite::settle_statement};
  audit::HashAlgorithm hash_;
  bool sandboxed_ = false;
};

struct Caller {
  std::string username;
  std::string cookie;  // "zeren_session=…"
  std::string csrf;
  std::set<std::string> permissions;  // as GET /session lists them
  std::int64_t user_id = 0, person_id = 0;
};

// What the fixtures made, per 院.
struct Place {
  std::string name;
  std::int64_t procuratorate = 0, department = 0, unit = 0, person = 0, user = 0;
  std::int64_t other_unit = 0;      // another unit of the department
  std::int64_t prosecutor = 0;      // the prosecutor's person
  std::int64_t assigned_case = 0;   // as the draw assigned it, not started
  std::int64_t handled_case = 0;    // in progress, handled by the prosecutor
  std::int64_t concluded_case = 0;  // its decision issued by the chief over the prosecutor
  std::int64_t pending_decision = 0, issued_decision = 0, notice = 0, report = 0, request = 0,
               plan = 0;
};

struct World {
  std::string dir;
  std::unique_ptr<SandboxStore> store;
  FixedClock clock;
  PlainHasher hasher;
  SodiumSessionSecrets secrets;
  std::unique_ptr<audit::SystemDrawCrypto> crypto;
  http::Metrics metrics;
  std::unique_ptr<http::Api> api;
  std::map<std::string, Caller> callers;
  Place city, district;
};

World* world = nullptr;
constexpr const char* kPassword = "Fuzz-Demo-2026!";

http::Response call(const std::string& who, const std::string& method, const std::string& path,
                    const std::string& body) {
  http::Request r;
  r.method = method;
  r.path = path;
  r.body = body;
  r.client = "127.0.0.1";
  r.headers["content-type"] = "application/json";
  if (!who.empty()) {
    const Caller& c = world->callers.at(who);
    r.headers["cookie"] = c.cookie;
    r.headers["x-csrf-token"] = c.csrf;
  }
  return world->api->handle(r);
}

json::value ok_json(const std::string& who, const std::string& method, const std::string& path,
                    const std::string& body = {}) {
  const http::Response r = call(who, method, path, body);
  if (r.status >= 300)
    fail_setup(who + " " + method + " " + path + " " + body + " → " + std::to_string(r.status) +
               " " + r.body);
  return json::parse(r.body);
}

std::int64_t id_in(const json::value& list, const char* key,
                   const std::function<bool(const json::object&)>& pick) {
  for (const auto& x : list.at(key).as_array())
    if (pick(x.as_object())) return x.at("id").as_int64();
  return 0;
}

std::string s(const json::object& o) {
  return json::serialize(o);
}

std::string intake_body(const std::string& procuratorate, int n) {
  return json::serialize(
      json::object{{"procuratorate", procuratorate},
                   {"department", "第一检察部"},
                   {"category", "审查起诉"},
                   {"received_on", "2026-11-20"},
                   {"difficulty", "普通"},
                   {"custody", true},
                   {"parties", json::array{"张三"}},
                   {"source_org", "公安局"},
                   {"source_doc_no", "公刑诉字〔2026〕" + std::to_string(n) + "号"}});
}

// A case of `place` handled by `prosecutor`'s sole unit and started: intake by `manager`, moved by
// a change of handler `deputy` approves when the draw chose another unit.
std::int64_t handled_case(const Place& place, const std::string& manager, const std::string& deputy,
                          const std::string& prosecutor, int n) {
  const json::value created = ok_json(manager, "POST", "/api/v1/cases", intake_body(place.name, n));
  const std::int64_t id = created.at("id").as_int64();
  const std::string path = "/api/v1/cases/" + std::to_string(id);
  if (created.at("unit_id").as_int64() != place.unit) {
    const json::value r =
        ok_json(manager, "POST", path + "/handler-change-requests", R"({"reason": "workload"})");
    ok_json(deputy, "POST",
            "/api/v1/requests/" + std::to_string(r.at("id").as_int64()) + "/decision",
            json::serialize(json::object{{"approve", true}, {"designate_unit_id", place.unit}}));
  }
  ok_json(prosecutor, "POST", path + "/transitions", R"({"action": "start"})");
  return id;
}

Place prepare(const std::string& name, const std::string& manager, const std::string& head,
              const std::string& deputy, const std::string& chief, const std::string& prosecutor,
              const std::string& colleague, int n) {
  Place p;
  p.name = name;
  p.procuratorate = id_in(ok_json(manager, "GET", "/api/v1/procuratorates"), "procuratorates",
                          [&](const json::object& o) { return o.at("name").as_string() == name; });
  p.department = id_in(ok_json(manager, "GET", "/api/v1/departments"), "departments",
                       [&](const json::object& o) {
                         return o.at("procuratorate_id").as_int64() == p.procuratorate &&
                                o.at("name") == "第一检察部";
                       });
  const std::int64_t me = world->callers.at(prosecutor).person_id;
  const json::value units = ok_json(manager, "GET", "/api/v1/units");
  p.unit = id_in(units, "units", [&](const json::object& o) {
    return o.at("lead_id").as_int64() == me && o.at("kind") == "sole";
  });
  p.other_unit = id_in(units, "units", [&](const json::object& o) {
    return o.at("department_id").as_int64() == p.department && o.at("id").as_int64() != p.unit;
  });
  p.prosecutor = me;
  p.person = world->callers.at(colleague).person_id;
  p.user = world->callers.at(colleague).user_id;
  if (!p.procuratorate || !p.department || !p.unit || !p.other_unit || !p.person)
    fail_setup("the demo organisation of " + name + " is not as expected");

  // The department's assignment plan, proposed by its head and approved by the chief.
  const std::int64_t in_force =
      ok_json(head, "POST", "/api/v1/plans", s({{"department_id", p.department}, {"min_pool", 2}}))
          .at("id")
          .as_int64();
  ok_json(chief, "POST", "/api/v1/plans/" + std::to_string(in_force) + "/decision",
          R"({"approve": true, "note": "同意"})");

  p.handled_case = handled_case(p, manager, deputy, prosecutor, n);
  const std::string handled = "/api/v1/cases/" + std::to_string(p.handled_case);
  p.notice =
      ok_json(manager, "POST", handled + "/notices", R"({"level": "written", "content": "请说明"})")
          .at("notices")
          .as_array()
          .back()
          .at("id")
          .as_int64();
  p.report = ok_json(chief, "POST", handled + "/report-instructions",
                     R"({"request": "报告进展", "due_on": "2026-12-10"})")
                 .at("reports")
                 .as_array()
                 .back()
                 .at("id")
                 .as_int64();

  const std::int64_t waiting = handled_case(p, manager, deputy, prosecutor, n + 1);
  p.pending_decision =
      ok_json(prosecutor, "POST", "/api/v1/cases/" + std::to_string(waiting) + "/decisions",
              R"({"type": "non_prosecution_discretionary", "reasoning": "情节轻微"})")
          .at("decision")
          .at("id")
          .as_int64();

  p.concluded_case = handled_case(p, manager, deputy, prosecutor, n + 2);
  const std::int64_t proposed =
      ok_json(prosecutor, "POST",
              "/api/v1/cases/" + std::to_string(p.concluded_case) + "/decisions",
              R"({"type": "non_prosecution_discretionary", "reasoning": "情节轻微"})")
          .at("decision")
          .at("id")
          .as_int64();
  p.issued_decision =
      ok_json(chief, "POST", "/api/v1/decisions/" + std::to_string(proposed) + "/decision",
              R"({"outcome": "approve", "note": "同意"})")
          .at("decision")
          .at("id")
          .as_int64();

  p.assigned_case =
      ok_json(manager, "POST", "/api/v1/cases", intake_body(name, n + 4)).at("id").as_int64();
  const json::value other = ok_json(manager, "POST", "/api/v1/cases", intake_body(name, n + 3));
  p.request = ok_json(manager, "POST",
                      "/api/v1/cases/" + std::to_string(other.at("id").as_int64()) +
                          "/handler-change-requests",
                      R"({"reason": "workload"})")
                  .at("id")
                  .as_int64();
  p.plan = ok_json(head, "POST", "/api/v1/plans",
                   json::serialize(json::object{{"department_id", p.department}}))
               .at("id")
               .as_int64();
  return p;
}

// How each route with a body is called: who first, which fixture fills {id}, example bodies.
enum class Target {
  none,
  assigned_case,
  handled_case,
  concluded_case,
  pending_decision,
  issued_decision,
  notice,
  report,
  request,
  plan,
  unit,
  person,
  user
};

struct RouteUse {
  std::string username;  // tried first; empty: no log-in (POST /session)
  Target target = Target::none;
  std::function<std::vector<std::string>(const Place&)> examples;
};

std::int64_t id_of(const Place& p, Target t) {
  switch (t) {
    case Target::none: return 0;
    case Target::assigned_case: return p.assigned_case;
    case Target::handled_case: return p.handled_case;
    case Target::concluded_case: return p.concluded_case;
    case Target::pending_decision: return p.pending_decision;
    case Target::issued_decision: return p.issued_decision;
    case Target::notice: return p.notice;
    case Target::report: return p.report;
    case Target::request: return p.request;
    case Target::plan: return p.plan;
    case Target::unit: return p.unit;
    case Target::person: return p.person;
    case Target::user: return p.user;
  }
  return 0;
}

const std::map<std::string, RouteUse>& route_uses() {
  using V = std::vector<std::string>;
  static const std::map<std::string, RouteUse> uses{
      {"POST /api/v1/session",
       {"", Target::none,
        [](const Place&) {
          return V{s({{"username", "anguan"}, {"password", kPassword}}),
                   s({{"username", "anguan"}, {"password", "wrong"}})};
        }}},
      {"PUT /api/v1/session/password",
       {"jianchaguan2", Target::none,
        [](const Place&) {
          return V{s({{"current_password", kPassword}, {"new_password", "Another-Pass-2026!"}})};
        }}},
      {"POST /api/v1/units",
       {"zhengzhi", Target::none,
        [](const Place& p) {
          return V{s({{"department_id", p.department},
                      {"kind", "sole"},
                      {"name", "模糊测试独任检察官"},
                      {"lead_id", p.person},
                      {"categories", json::array{"prosecution_review"}},
                      {"difficulties", json::array{"普通", "疑难"}},
                      {"share", 0.5},
                      {"position", 9},
                      {"active", true}}),
                   s({{"department_id", p.department},
                      {"kind", "team"},
                      {"name", "模糊测试办案组"},
                      {"lead_id", p.person},
                      {"member_ids", json::array{p.prosecutor}},
                      {"categories", json::array{"审查起诉"}}})};
        }}},
      {"PUT /api/v1/units/{id}",
       {"zhengzhi", Target::unit,
        [](const Place& p) {
          return V{R"({"position": 7})", R"({"share": 0.25, "active": false})",
                   s({{"name", "改名单元"}, {"lead_id", p.person}, {"member_ids", json::array{}}})};
        }}},
      {"POST /api/v1/people/{id}/absences",
       {"zhengzhi", Target::person,
        [](const Place&) {
          return V{R"({"from": "2026-12-01", "to": "2026-12-02", "reason": "培训"})"};
        }}},
      {"POST /api/v1/users",
       {"xitong", Target::none,
        [](const Place& p) {
          return V{s({{"username", "fuzzuser"},
                      {"password", "Fuzz-User-2026!"},
                      {"roles", json::array{"prosecutor"}},
                      {"procuratorate_id", p.procuratorate},
                      {"person_id", p.person}})};
        }}},
      {"PUT /api/v1/users/{id}/roles",
       {"anquan", Target::user,
        [](const Place&) { return V{R"({"roles": ["prosecutor", "dept_head"]})"}; }}},
      {"POST /api/v1/cases",
       {"anguan", Target::none,
        [](const Place& p) {
          return V{intake_body(p.name, 90), s({{"procuratorate", "嘉"},
                                               {"department", "第一检察部"},
                                               {"category", "arrest_review"},
                                               {"received_on", "2026-11-23"},
                                               {"difficulty", "疑难"},
                                               {"custody", false},
                                               {"complex", true},
                                               {"fast_track", false},
                                               {"sentence_over_one_year", true},
                                               {"parties", json::array{"李四", "王五"}},
                                               {"source_org", "嘉峪关市公安局"},
                                               {"source_doc_no", "嘉公刑捕字[2026]第12号"},
                                               {"related_case", p.handled_case},
                                               {"recusals", json::array{p.person}},
                                               {"investigators", json::array{"不存在的人"}}})};
        }}},
      {"POST /api/v1/cases/{id}/designation-requests",
       {"yibu", Target::assigned_case,
        [](const Place& p) {
          return V{s({{"unit_id", p.other_unit},
                      {"reason", "major_complex"},
                      {"reason_text", "重大复杂"}})};
        }}},
      {"POST /api/v1/cases/{id}/handler-change-requests",
       {"anguan", Target::assigned_case,
        [](const Place&) { return V{R"({"reason": "workload", "reason_text": "案多人少"})"}; }}},
      {"POST /api/v1/cases/{id}/transitions",
       {"jianchaguan1", Target::handled_case,
        [](const Place&) {
          return V{
              R"({"action": "transfer", "reason": "管辖", "transfer_to": "嘉峪关市中级人民法院", "on": "2026-11-24"})",
              R"({"action": "resume", "on": "2026-11-24"})", R"({"action": "start"})"};
        }}},
      {"POST /api/v1/cases/{id}/archive",
       {"anguan", Target::concluded_case,
        [](const Place&) {
          return V{R"({"reason": "办结归档"})", ""};
        }}},
      {"POST /api/v1/cases/{id}/decisions",
       {"jianchaguan1", Target::handled_case,
        [](const Place&) {
          return V{R"({"type": "prosecute", "reasoning": "事实清楚"})",
                   R"({"type": "return_for_investigation", "reasoning": "证据不足"})",
                   R"({"type": "non_prosecution_discretionary", "reasoning": "情节轻微"})"};
        }}},
      {"POST /api/v1/decisions/{id}/decision",
       {"jianchazhang", Target::pending_decision,
        [](const Place&) {
          return V{R"({"outcome": "approve", "note": "同意"})",
                   R"({"outcome": "reject", "note": "不同意", "instead": "prosecute"})"};
        }}},
      {"POST /api/v1/decisions/{id}/objections",
       {"jianchaguan1", Target::issued_decision,
        [](const Place&) { return V{R"({"text": "本人认为应当不起诉"})"}; }}},
      {"POST /api/v1/cases/{id}/acts",
       {"jianchaguan1", Target::handled_case,
        [](const Place&) {
          return V{R"({"kind": "interrogation", "on": "2026-11-20", "note": "讯问犯罪嫌疑人"})"};
        }}},
      {"POST /api/v1/cases/{id}/flags",
       {"jianchaguan1", Target::handled_case,
        [](const Place&) { return V{R"({"flag": "quality_risk", "note": "证据存疑"})"}; }}},
      {"POST /api/v1/cases/{id}/pre-reviews",
       {"jianchazhang", Target::handled_case,
        [](const Place&) { return V{R"({"opinion": "同意承办人意见"})"}; }}},
      {"POST /api/v1/cases/{id}/notices",
       {"anguan", Target::handled_case,
        [](const Place&) {
          return V{R"({"level": "written", "content": "请说明延迟原因"})",
                   R"({"level": "oral", "content": "注意期限"})"};
        }}},
      {"POST /api/v1/cases/{id}/report-instructions",
       {"jianchazhang", Target::handled_case,
        [](const Place&) { return V{R"({"request": "报告进展", "due_on": "2026-12-01"})"}; }}},
      {"POST /api/v1/notices/{id}/reply",
       {"jianchaguan1", Target::notice, [](const Place&) { return V{R"({"text": "已说明"})"}; }}},
      {"POST /api/v1/reports/{id}",
       {"jianchaguan1", Target::report, [](const Place&) { return V{R"({"text": "进展如下"})"}; }}},
      {"POST /api/v1/requests/{id}/decision",
       {"fujianchazhang", Target::request,
        [](const Place& p) {
          return V{R"({"approve": false, "note": "不同意"})",
                   s({{"approve", true}, {"note", "同意更换"}, {"designate_unit_id", p.unit}})};
        }}},
      {"POST /api/v1/plans",
       {"yibu", Target::none,
        [](const Place& p) {
          return V{s({{"department_id", p.department},
                      {"mode", "balanced_random"},
                      {"weight_ordinary", 1},
                      {"weight_difficult", 2},
                      {"tolerance", 1},
                      {"min_pool", 2},
                      {"designation_approver", "chief"},
                      {"change_approver", "supervising_deputy"},
                      {"effective_from", "2026-12-01"}})};
        }}},
      {"POST /api/v1/plans/{id}/decision",
       {"jianchazhang", Target::plan,
        [](const Place&) { return V{R"({"approve": true, "note": "同意"})"}; }}},
  };
  return uses;
}

// One route with a body, ready to call.
struct BodyRoute {
  const http::Route* route;
  const RouteUse* use;               // null: a route the table above does not know yet
  std::vector<std::string> callers;  // usernames allowed by its roles, the fixture's first
  std::vector<std::string> paths;  // the pattern filled: the fixture's id, the other 院's, 999999
};
std::vector<BodyRoute> body_routes;

std::string fill(std::string_view pattern, std::int64_t id) {
  std::string out(pattern);
  for (auto at = out.find('{'); at != std::string::npos; at = out.find('{')) {
    const auto end = out.find('}', at);
    out.replace(at, end - at + 1, std::to_string(id));
  }
  return out;
}

void log_in_everyone(const app::DemoOrganisation& demo) {
  for (const auto& u : demo.users) {
    const http::Response r =
        call("", "POST", "/api/v1/session", s({{"username", u.username}, {"password", kPassword}}));
    if (r.status != 200) fail_setup("log-in of " + u.username + ": " + r.body);
    Caller c;
    c.username = u.username;
    for (const auto& [name, value] : r.headers)
      if (name == "Set-Cookie") c.cookie = value.substr(0, value.find(';'));
    const json::value who = json::parse(r.body);
    c.csrf = std::string(who.at("csrf_token").as_string());
    const auto& user = who.at("user").as_object();
    c.user_id = user.at("id").as_int64();
    if (auto* p = user.if_contains("person_id"); p && p->is_int64()) c.person_id = p->as_int64();
    for (const auto& g : user.at("permissions").as_array()) c.permissions.emplace(g.as_string());
    world->callers.emplace(u.username, std::move(c));
  }
}

void set_up() {
  world = new World;
  char tmpl[] = "/tmp/zeren-fuzz-api-XXXXXX";
  if (!::mkdtemp(tmpl)) fail_setup("mkdtemp");
  world->dir = tmpl;
  // The database goes when the run ends (not after a crash: it is small, in /tmp).
  std::atexit([] {
    std::error_code ec;
    fs::remove_all(world->dir, ec);
  });
  const std::string db = world->dir + "/fuzz.db";
  audit::HashAlgorithm hash;
  {
    auto opened = open_store({db, true, std::nullopt});
    if (!opened) fail_setup(opened.error().message);
    hash = opened->hash;
  }
  world->store = std::make_unique<SandboxStore>(db, hash);
  world->crypto = std::make_unique<audit::SystemDrawCrypto>(hash);
  http::ApiOptions options;
  options.chain_hash = static_cast<int>(hash);
  options.database = db;
  options.login_attempts_per_client = 1 << 30;  // failed log-ins are what the fuzzer sends
  world->api =
      std::make_unique<http::Api>(http::ApiDeps{*world->store, world->clock, world->hasher,
                                                world->secrets, *world->crypto, world->metrics},
                                  options);

  auto demo = cli::read_demo_file(cli::default_demo_file());
  if (!demo) fail_setup(demo.error().message);
  for (auto& u : demo->users) u.password = kPassword;
  const app::Context ctx{app::Actor::console_operator("fuzz"), world->clock};
  auto loaded = world->store->transact([&](Transaction& tx) -> Status {
    auto r = app::load_demo_organisation(tx, ctx, world->hasher, *demo);
    if (!r) return r.error();
    return ok_status();
  });
  if (!loaded) fail_setup(loaded.error().message);
  log_in_everyone(*demo);

  world->city = prepare("嘉峪关市人民检察院", "anguan", "yibu", "fujianchazhang", "jianchazhang",
                        "jianchaguan1", "jianchaguan2", 1);
  std::string district;
  for (const auto& p : demo->procuratorates)
    if (p.key == "district") district = p.name;
  world->district = prepare(district, "cqanguan", "cqyibu", "cqfujianchazhang", "cqjianchazhang",
                            "cqjianchaguan1", "cqjianchaguan2", 11);

  std::map<app::Permission, std::string> permission_ids;
  for (const auto& g : app::access_matrix()) permission_ids[g.permission] = std::string(g.id);
  for (const auto& route : http::routes()) {
    if (route.method != "POST" && route.method != "PUT" && route.method != "PATCH") continue;
    BodyRoute b{&route, nullptr, {}, {}};
    const std::string key = std::string(route.method) + " " + std::string(route.pattern);
    if (auto it = route_uses().find(key); it != route_uses().end()) b.use = &it->second;
    const std::string first = b.use ? b.use->username : "";
    if (route.auth) {
      for (const auto& [name, c] : world->callers)
        if (!route.permission || c.permissions.contains(permission_ids.at(*route.permission)))
          b.callers.push_back(name);
      std::stable_partition(b.callers.begin(), b.callers.end(),
                            [&](const std::string& n) { return n == first; });
    } else {
      b.callers.push_back("");
    }
    const Target t = b.use ? b.use->target : Target::none;
    b.paths = {fill(route.pattern, t == Target::none ? 1 : id_of(world->city, t)),
               fill(route.pattern, t == Target::none ? 1 : id_of(world->district, t)),
               fill(route.pattern, 999999)};
    body_routes.push_back(std::move(b));
  }
  std::fprintf(stderr, "fuzz_api_bodies: %zu routes with a body (of %zu routes):\n",
               body_routes.size(), http::routes().size());
  for (std::size_t i = 0; i < body_routes.size(); ++i) {
    const auto& b = body_routes[i];
    std::fprintf(stderr, "  %2zu %-5s %-45s %2zu callers, first %s%s\n", i,
                 std::string(b.route->method).c_str(), std::string(b.route->pattern).c_str(),
                 b.callers.size(), b.callers.empty() ? "-" : b.callers.front().c_str(),
                 b.use ? "" : "  (no fixture: ids 1, 999999)");
  }
}

// The finding, with what reproduces it.
[[noreturn]] void finding(const std::string& what, const BodyRoute& b, const std::string& who,
                          const std::string& path, const std::string& body,
                          const http::Response& r) {
  std::fprintf(stderr,
               "fuzz_api_bodies: %s\n  %s %s as %s\n  body (%zu bytes): %.2000s\n  answer %d: "
               "%.2000s\n",
               what.c_str(), std::string(b.route->method).c_str(), path.c_str(),
               who.empty() ? "(nobody)" : who.c_str(), body.size(), body.c_str(), r.status,
               r.body.c_str());
  std::abort();
}

void check(const BodyRoute& b, const std::string& who, const std::string& path,
           const std::string& body, const http::Response& r) {
  if (r.status >= 500) finding("a 5xx answer", b, who, path, body, r);
  if (r.status < 200 || (r.status >= 300 && r.status < 400))
    finding("an unexpected status", b, who, path, body, r);
  boost::system::error_code ec;
  const json::value v = json::parse(r.body, ec);
  if (ec || !v.is_object()) finding("an answer that is not a JSON object", b, who, path, body, r);
  if (r.status >= 400) {
    const auto* e = v.as_object().if_contains("error");
    if (!e || !e->is_object() || !e->as_object().contains("code"))
      finding("an error without {\"error\": {\"code\"}}", b, who, path, body, r);
    const auto* field = e->as_object().if_contains("field");
    if (r.status == 400 && (!field || !field->is_string() || field->as_string().empty()))
      finding("a 400 that names no field", b, who, path, body, r);
  }
}

void write_seeds(const std::string& dir) {
  fs::create_directories(dir);
  int n = 0;
  for (std::size_t i = 0; i < body_routes.size(); ++i) {
    const auto& b = body_routes[i];
    if (!b.use) continue;
    for (const auto& body : b.use->examples(world->city)) {
      std::string bytes{static_cast<char>(i), '\0'};
      bytes += body;
      world->store->begin_input();
      const http::Response r = call(b.callers.empty() ? "" : b.callers.front(),
                                    std::string(b.route->method), b.paths.front(), body);
      world->store->end_input();
      std::fprintf(stderr, "  seed %-5s %-45s → %d %.120s\n", std::string(b.route->method).c_str(),
                   b.paths.front().c_str(), r.status, r.status < 300 ? "" : r.body.c_str());
      char name[64];
      std::snprintf(name, sizeof name, "route%02zu-%d.bin", i, n++);
      std::ofstream(fs::path(dir) / name, std::ios::binary) << bytes;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  set_up();
  if (const char* dir = std::getenv("ZEREN_FUZZ_WRITE_SEEDS")) {
    write_seeds(dir);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2 || body_routes.empty()) return 0;
  const BodyRoute& b = body_routes[data[0] % body_routes.size()];
  const std::string& who =
      b.callers.empty() ? std::string() : b.callers[(data[1] & 0x0F) % b.callers.size()];
  const std::string& path = b.paths[(data[1] >> 4) % b.paths.size()];
  const std::string body(reinterpret_cast<const char*>(data) + 2, size - 2);
  world->store->begin_input();
  const http::Response r = call(who, std::string(b.route->method), path, body);
  world->store->end_input();
  check(b, who, path, body, r);
  return 0;
}
