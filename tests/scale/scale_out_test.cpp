// Scale-out: several `zeren serve` processes on one database behave exactly like one.
//
// What this test claims. Several `zeren serve` processes (two unless $ZEREN_SCALE_INSTANCES says
// otherwise: 1 to 4) share one database and take intakes concurrently. Everything that the system
// promises for one process must still hold:
//   * every intake is answered 201 and registers exactly one case (no lost or extra cases);
//   * case numbers are unique and, per counter (院代字, 业务代字, year — the prefix of the number),
//     gapless: serials 1..N with no hole and no duplicate;
//   * every new case is assigned exactly once (its case page lists exactly one assignment);
//   * the assignments are serializable: replaying them in audit-log order (audit_seq, the chain
//     is strictly serial) from an empty database, every assignment saw exactly the unit loads that
//     the assignments before it left — nobody decided on a stale load — and chose by the rules of
//     SPEC §3 (an eligible unit of the band; under `rotation` the next band unit after the last one
//     assigned); each draw's index points at the chosen unit of the recorded band;
//   * one draw epoch per day, shared by all the processes;
//   * the loads the engine reports at the end (GET /api/v1/statistics/workload) are the replay's;
//   * the SPEC §3 spread invariant (below);
//   * a session made on one instance is accepted by another; a plan proposed on one instance is
//     approved on another and then used by all (these two need two instances or more: with one,
//     the plans are proposed and approved on the same instance and the session check is skipped);
//   * the audit log verifies (`zeren audit verify`, exit 0) once the servers have stopped.
//
// The spread invariant: "with tolerance 0, equal shares and every unit eligible, after any number
// of cases the most- and least-loaded units differ by at most the largest case weight". The demo
// organisation's departments have unequal shares (0.05, 0.2, 1.0) and units that accept only some
// categories or difficulties, so for most departments the precondition does not hold. The test
// therefore (a) sends each department only (category, difficulty) pairs that at least two of its
// units accept, so that an absence never leaves a case unassigned, which makes the 第五检察部 of
// both 院 receive only 普通 公益诉讼 cases, which all three of their units (share 1.0) accept;
// (b) decides from the recorded assignments which departments meet the precondition (plan
// tolerance 0, all shares equal, every candidate of every assignment eligible) and asserts the
// invariant there, with "largest case weight" read as the largest weight among the department's
// cases (≤ the plan's largest weight; the tighter bound still follows by induction); and (c) for
// every department checks the condition the engine guarantees at each step instead: the chosen
// unit was eligible and its load was ≤ the minimum eligible load + tolerance, on the replayed
// loads. At least one department must meet the precondition, or the invariant went untested.
//
// Setup. The database is $ZEREN_SCALE_DB when set (e.g. postgresql://USER@HOST:PORT/DB naming a
// database that does not exist yet: `zeren demo` creates it; use a fresh name per run), else a new
// database on the throwaway PostgreSQL cluster whose admin URL is in $ZEREN_PG_URL_FILE (how
// `make test` runs it), else a new SQLite file in a temporary directory. It is filled by
// `$ZEREN_BINARY demo --no-history --json` (the organisation and its accounts, no cases, no plans).
// $ZEREN_AUDIT_KEY (where the audit signing key lives for a database that is not a file) is set for
// the child processes to a file in the temporary directory unless already set. The test then,
// through the API, has each 院's case-management account propose a plan for every business
// department (balanced_random, weights 1/2, tolerance 0; `rotation` for one department) on one
// instance, and the 院's chief approve it on another (the same when there is one). The servers
// listen on 127.0.0.1 port 0; the port is read from the line they print, so no port is guessed.
//
// Instances. $ZEREN_SCALE_INSTANCES (default 2, allowed 1 to 4) servers are started. One instance
// is the baseline of the benchmark (bench/run): the same load through one server on the same kind
// of database.
//
// Load. 2,000 intakes from 16 client threads, each with a keep-alive connection to each instance,
// intake i going to instance i % N (N instances), spread over both 院, their business departments,
// categories and difficulties, each sent with the session of that 院's case-management account
// logged in on that instance. No intake is retried: a failure is reported as it happened. The send
// phase is bounded (300 s, a hang guard, not a performance assertion); each socket read is bounded
// too.
//
// Figures (stdout and gtest properties): intakes per second over the send phase, p50/p99/max intake
// latency (each from just before the request is sent until its answer is read, so it includes the
// time the request waits behind others), intakes per instance, case pages read per second in
// step 5, busy CPUs during both, per-department spread (max − min load), number range per counter.
// They are printed for people and, for bench/run, as `RESULT scale_<key> <value>` lines on stdout
// (intakes_per_s, p50_ms, p99_ms, max_ms, instances, intakes, clients, backend (sqlite|postgresql),
// send_seconds, reads_per_s, and how many of the machine's CPUs were busy (everything on it
// together, from /proc/stat) during the send and read phases: send_busy_cpus, read_busy_cpus,
// cpus). No timing is asserted.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/loopback.hpp"

namespace {

using namespace zeren::loopback;

constexpr int kIntakes = 2000;
constexpr int kClientThreads = 16;
constexpr int kDefaultInstances = 2;  // $ZEREN_SCALE_INSTANCES overrides it
constexpr int kMaxInstances = 4;
constexpr int kServerThreads = 4;
constexpr auto kSendBound = std::chrono::seconds(300);  // the whole send phase
constexpr auto kStartBound = std::chrono::seconds(30);  // a server prints its port and is healthy
constexpr auto kStopBound = std::chrono::seconds(30);   // a server stops after SIGTERM
constexpr std::size_t kShown = 10;                      // violations printed per check

// The first `n` entries of `v`, one per line, and how many more there are.
std::string first_of(const std::vector<std::string>& v, std::size_t n = kShown) {
  std::string out;
  for (std::size_t i = 0; i < v.size() && i < n; ++i) out += "  " + v[i] + "\n";
  if (v.size() > n) out += "  … and " + std::to_string(v.size() - n) + " more\n";
  return out;
}

// ---------------------------------------------------------------------------------------------
// The organisation as the API shows it, and what the test sends.

struct DemoAccount {
  std::string username, password, procuratorate;  // procuratorate: its name
  std::set<std::string> roles;
};

struct Procuratorate {
  std::int64_t id = 0;
  std::string name;
};

struct Department {
  std::int64_t id = 0, procuratorate_id = 0;
  std::string name;
  std::vector<std::string> categories;  // codes
};

struct UnitInfo {
  std::int64_t id = 0, department_id = 0;
  std::set<std::string> categories, difficulties;
  bool active = true;
};

struct PlanMade {
  std::int64_t id = 0;
  std::string mode;
  int weight_ordinary = 1, weight_difficult = 2, tolerance = 0;
  int weight(const std::string& difficulty) const {
    return difficulty == "difficult" ? weight_difficult : weight_ordinary;
  }
};

// One kind of intake: a (院, department, category, difficulty) that at least two units accept.
struct Kind {
  const Procuratorate* procuratorate;
  const Department* department;
  std::string category, difficulty;
};

struct Sent {
  int instance = 0;
  const Kind* kind = nullptr;
  Reply reply;
  double ms = 0;
  bool attempted = false;
};

struct Candidate {
  std::int64_t unit = 0, weight_sum = 0;
  std::int64_t share_bp = 10000;
  int position = 0;
  bool eligible = false, in_band = false;
  std::string exclusion;
};

struct AssignmentSeen {
  std::int64_t id = 0, case_id = 0, unit = 0, audit_seq = 0, plan_id = 0, department = 0;
  int tolerance = 0;
  std::string method, difficulty, case_number;
  std::vector<Candidate> candidates;
  std::optional<std::int64_t> epoch, draw_index;
  std::string draw_day;
};

struct CaseSeen {
  std::int64_t id = 0, procuratorate_id = 0, department_id = 0;
  std::optional<std::int64_t> unit;
  std::string number, category, difficulty, received_on, status;
};

// Load comparisons exactly as the engine makes them (domain/assignment.cpp): load = weight_sum /
// share, with shares in basis points; compared by cross-multiplying.
bool load_less(const Candidate& a, const Candidate& b) {
  return a.weight_sum * b.share_bp < b.weight_sum * a.share_bp;
}
bool load_within(const Candidate& a, const Candidate& least, int tolerance) {
  const std::int64_t t = tolerance;
  return a.weight_sum * 10000 * least.share_bp <=
         least.weight_sum * 10000 * a.share_bp + t * a.share_bp * least.share_bp;
}

// The machine's CPU time so far, from /proc/stat, in clock ticks: busy (user, nice, system, irq,
// softirq, as bench/run counts it) and total. Busy CPUs over an interval = CPUs × Δbusy / Δtotal:
// how much of the machine the servers, PostgreSQL, this test and anything else used together.
struct CpuTicks {
  double busy = 0, total = 0;
};
CpuTicks cpu_ticks() {
  std::ifstream in("/proc/stat");
  std::string label;
  CpuTicks t;
  if (!(in >> label) || label != "cpu") return t;
  double v[10] = {};
  for (int i = 0; i < 10 && (in >> v[i]); ++i) t.total += v[i];
  t.busy = v[0] + v[1] + v[2] + v[5] + v[6];
  return t;
}
double busy_cpus(const CpuTicks& before, const CpuTicks& after) {
  const double total = after.total - before.total;
  const unsigned cpus = std::max(1u, std::thread::hardware_concurrency());
  return total > 0 ? cpus * (after.busy - before.busy) / total : 0;
}

// ---------------------------------------------------------------------------------------------

class ScaleOut : public ::testing::Test {
 protected:
  struct Server {
    Child child;
    unsigned short port = 0;
    bool running = false;
  };

  void SetUp() override {
    const char* bin = std::getenv("ZEREN_BINARY");
    ASSERT_NE(bin, nullptr) << "ZEREN_BINARY is not set (the `zeren` executable to test)";
    bin_ = bin;
    if (const char* n = std::getenv("ZEREN_SCALE_INSTANCES"); n && *n) {
      const std::string text = n;
      const bool digits = text.size() == 1 && std::isdigit(static_cast<unsigned char>(text[0]));
      ASSERT_TRUE(digits && std::stoi(text) >= 1 && std::stoi(text) <= kMaxInstances)
          << "ZEREN_SCALE_INSTANCES is '" << text << "'; allowed: 1 to " << kMaxInstances;
      instances_ = std::stoi(text);
    }
    std::string tmpl = (fs::temp_directory_path() / "zeren-scale-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr) << std::strerror(errno);
    dir_ = tmpl;
    const char* db = std::getenv("ZEREN_SCALE_DB");
    const char* cluster = std::getenv("ZEREN_PG_URL_FILE");
    if (db && *db) {
      db_ = db;
    } else if (cluster) {  // ctest's throwaway PostgreSQL cluster: a new database on it
      std::string admin;
      std::getline(std::ifstream(cluster), admin);
      db_ = admin.substr(0, admin.rfind('/') + 1) + "scale_" + std::to_string(::getpid());
    } else {
      db_ = (dir_ / "scale.db").string();
    }
    if (!std::getenv("ZEREN_AUDIT_KEY")) {
      ::setenv("ZEREN_AUDIT_KEY", (dir_ / "audit-key").c_str(), 1);
      set_audit_key_ = true;
    }
  }

  void TearDown() override {
    stop_servers();
    if (HasFailure())
      for (std::size_t i = 0; i < servers_.size(); ++i) {
        const std::string err = slurp(servers_[i].child.err);
        if (!err.empty()) std::cout << "[server " << i << " stderr]\n" << err << '\n';
      }
    if (set_audit_key_) ::unsetenv("ZEREN_AUDIT_KEY");
    if (HasFailure()) {
      std::cout << "Kept for inspection: " << dir_ << " (database " << db_ << ")\n";
    } else {
      std::error_code ec;
      fs::remove_all(dir_, ec);
    }
  }

  // Starts `zeren serve` on a port the kernel picks; returns when /healthz answers 200.
  void start_server() {
    const std::size_t i = servers_.size();
    Server s;
    s.child = spawn({bin_, "serve", "--db", db_, "--listen", "127.0.0.1:0", "--threads",
                     std::to_string(kServerThreads), "--quiet"},
                    dir_ / ("serve-" + std::to_string(i) + ".out"),
                    dir_ / ("serve-" + std::to_string(i) + ".err"));
    s.running = true;
    servers_.push_back(s);
    servers_.back().port = wait_until_serving(servers_.back().child, kStartBound);
  }

  // SIGTERM to every running server (they finish in-flight requests and sign a last checkpoint),
  // then a bounded wait; SIGKILL for any that does not stop. Records each exit status.
  void stop_servers() {
    for (auto& s : servers_)
      if (s.running) ::kill(s.child.pid, SIGTERM);
    const auto deadline = SteadyClock::now() + kStopBound;
    for (auto& s : servers_) {
      if (!s.running) continue;
      auto status = wait_until(s.child.pid, deadline);
      if (!status) {
        ::kill(s.child.pid, SIGKILL);
        ::waitpid(s.child.pid, nullptr, 0);
        status = -1;
      }
      s.running = false;
      exit_statuses_.push_back(*status);
    }
  }

  std::string bin_, db_;
  int instances_ = kDefaultInstances;
  fs::path dir_;
  bool set_audit_key_ = false;
  std::vector<Server> servers_;
  std::vector<int> exit_statuses_;  // of the servers, in the order they stopped; -1: killed
};

TEST_F(ScaleOut, TwoServersOnOneDatabaseBehaveAsOne) {
  // --- 1. The database: the demo organisation, no cases. ---------------------------------------
  const Ran demo = run_command({bin_, "demo", "--no-history", "--json", "--db", db_}, dir_, "demo");
  require(demo.status == 0, "zeren demo exited with " + std::to_string(demo.status) +
                                "\nstdout: " + demo.out + "\nstderr: " + demo.err);
  std::vector<DemoAccount> accounts;
  const json::value printed = json::parse(demo.out);
  for (const auto& u : printed.at("users").as_array()) {
    DemoAccount a{str(u.at("username")), str(u.at("password")), str(u.at("procuratorate")), {}};
    for (const auto& r : u.at("roles").as_array()) a.roles.insert(str(r));
    accounts.push_back(std::move(a));
  }
  // Per 院 (by name): the case-management account (takes in cases, proposes plans) and the chief
  // (approves plans).
  auto account_of = [&](const std::string& procuratorate, const std::string& role) {
    for (const auto& a : accounts)
      if (a.procuratorate == procuratorate && a.roles.contains(role)) return a;
    throw std::runtime_error("the demo has no " + role + " account in " + procuratorate);
  };

  // --- 2. The servers on it (two unless $ZEREN_SCALE_INSTANCES says otherwise). ----------------
  const int instances = instances_;
  // "The other instance" of the cross-instance steps: instance 1, or instance 0 when it is alone.
  const int other = instances >= 2 ? 1 : 0;
  for (int i = 0; i < instances; ++i) start_server();
  std::vector<unsigned short> ports;
  for (const auto& s : servers_) ports.push_back(s.port);
  std::cout << "Database: " << db_ << "\nServers on ports";
  for (auto p : ports) std::cout << ' ' << p;
  std::cout << '\n';

  // --- 3. The organisation, and a plan for every business department. --------------------------
  // Closed before the servers are stopped (step 7).
  auto admin0 = std::make_unique<Connection>(ports[0]);
  auto admin1 = std::make_unique<Connection>(ports[static_cast<std::size_t>(other)]);
  std::vector<Procuratorate> procuratorates;
  std::vector<Department> departments;
  std::map<std::int64_t, std::vector<UnitInfo>> units_of;  // by department id
  {
    // Any 院's case manager sees its own 院 (and lower ones); union over all of them.
    std::set<std::int64_t> seen_p, seen_d, seen_u;
    std::set<std::string> names;
    for (const auto& a : accounts) names.insert(a.procuratorate);
    for (const auto& name : names) {
      const DemoAccount cm = account_of(name, "case_manager");
      const Login l = log_in(ports[0], cm.username, cm.password);
      // (Each answer is held in a named value: a range-for over a temporary's member dangles.)
      const json::value ps =
          expect_json(call(*admin0, &l, "GET", "/api/v1/procuratorates"), 200, "procuratorates");
      for (const auto& p : ps.at("procuratorates").as_array())
        if (seen_p.insert(i64(p.at("id"))).second)
          procuratorates.push_back({i64(p.at("id")), str(p.at("name"))});
      const json::value ds =
          expect_json(call(*admin0, &l, "GET", "/api/v1/departments"), 200, "departments");
      for (const auto& d : ds.at("departments").as_array()) {
        if (str(d.at("kind")) != "business" || !seen_d.insert(i64(d.at("id"))).second) continue;
        Department dep{i64(d.at("id")), i64(d.at("procuratorate_id")), str(d.at("name")), {}};
        for (const auto& c : d.at("categories").as_array()) dep.categories.push_back(str(c));
        departments.push_back(std::move(dep));
      }
      const json::value us = expect_json(call(*admin0, &l, "GET", "/api/v1/units"), 200, "units");
      for (const auto& u : us.at("units").as_array()) {
        if (!seen_u.insert(i64(u.at("id"))).second) continue;
        UnitInfo info{
            i64(u.at("id")), i64(u.at("department_id")), {}, {}, u.at("active").as_bool()};
        for (const auto& c : u.at("categories").as_array()) info.categories.insert(str(c));
        for (const auto& d : u.at("difficulties").as_array()) info.difficulties.insert(str(d));
        units_of[info.department_id].push_back(std::move(info));
      }
    }
    std::sort(departments.begin(), departments.end(),
              [](const Department& a, const Department& b) { return a.id < b.id; });
  }
  require(procuratorates.size() >= 2 && !departments.empty(),
          "expected at least two 院 with business departments in the demo");
  auto procuratorate_by_id = [&](std::int64_t id) -> const Procuratorate& {
    for (const auto& p : procuratorates)
      if (p.id == id) return p;
    throw std::runtime_error("unknown procuratorate " + std::to_string(id));
  };

  const std::string today = china_today();
  // Plans: proposed by the 院's case manager on instance 0, approved by its chief on instance 1
  // (so a plan written by one instance is seen by the other; on instance 0 too when it is alone).
  // One department (the last business department) takes turns (`rotation`) as in the demo history;
  // every other one draws.
  std::map<std::int64_t, PlanMade> plans;  // by department id
  {
    std::map<std::string, Login> proposer, approver;  // by 院 name
    for (const auto& p : procuratorates) {
      const DemoAccount cm = account_of(p.name, "case_manager"),
                        chief = account_of(p.name, "chief");
      proposer.emplace(p.name, log_in(ports[0], cm.username, cm.password));
      approver.emplace(
          p.name, log_in(ports[static_cast<std::size_t>(other)], chief.username, chief.password));
    }
    for (const auto& d : departments) {
      PlanMade plan;
      plan.mode = &d == &departments.back() ? "rotation" : "balanced_random";
      const std::string& where = procuratorate_by_id(d.procuratorate_id).name;
      const json::value proposed =
          expect_json(call(*admin0, &proposer.at(where), "POST", "/api/v1/plans",
                           json::serialize(json::object{{"department_id", d.id},
                                                        {"mode", plan.mode},
                                                        {"weight_ordinary", plan.weight_ordinary},
                                                        {"weight_difficult", plan.weight_difficult},
                                                        {"tolerance", plan.tolerance},
                                                        {"effective_from", today}})),
                      201, "propose a plan for " + where + " " + d.name);
      plan.id = i64(proposed.at("id"));
      expect_json(call(*admin1, &approver.at(where), "POST",
                       "/api/v1/plans/" + std::to_string(plan.id) + "/decision",
                       R"({"approve": true, "note": "同意"})"),
                  200, "approve the plan of " + where + " " + d.name);
      plans[d.id] = plan;
    }
  }

  // What to send: every (department, category, difficulty) that two or more active units of the
  // department accept, so that one absent unit lead never leaves a case without a unit.
  std::vector<Kind> kinds;
  for (const auto& d : departments)
    for (const auto& category : d.categories)
      for (const std::string difficulty : {"ordinary", "difficult"}) {
        int accepting = 0;
        for (const auto& u : units_of[d.id])
          if (u.active && u.categories.contains(category) && u.difficulties.contains(difficulty))
            ++accepting;
        if (accepting >= 2)
          kinds.push_back({&procuratorate_by_id(d.procuratorate_id), &d, category, difficulty});
      }
  require(!kinds.empty(), "no department has two units accepting the same kind of case");

  // Case-management sessions, one per (instance, 院), each logged in on its own instance.
  std::map<std::pair<int, std::int64_t>, Login> intake_login;
  for (int inst = 0; inst < instances; ++inst)
    for (const auto& p : procuratorates) {
      const DemoAccount cm = account_of(p.name, "case_manager");
      intake_login[{inst, p.id}] = log_in(ports[inst], cm.username, cm.password);
    }
  // A session is the database's, not the instance's: one made on instance 0 works on instance 1.
  // (Nothing to compare with one instance.)
  if (instances >= 2) {
    Connection c(ports[1]);
    const Reply r = call(c, &intake_login.at({0, procuratorates[0].id}), "GET", "/api/v1/session");
    EXPECT_EQ(r.status, 200) << "a session made on instance 0 is refused by instance 1: "
                             << r.summary();
  }
  // The replay below starts from empty loads: there must be no case yet.
  {
    const Reply r =
        call(*admin0, &intake_login.at({0, procuratorates[0].id}), "GET", "/api/v1/cases?limit=1");
    require(expect_json(r, 200, "list cases").at("cases").as_array().empty(),
            "the database already holds cases; the test needs a fresh one");
  }

  // --- 4. The send phase. ---------------------------------------------------------------------
  std::vector<Sent> sent(kIntakes);
  std::atomic<int> next{0};
  std::atomic<bool> overran{false};
  const CpuTicks send_cpu_before = cpu_ticks();
  const auto started = SteadyClock::now();
  const auto deadline = started + kSendBound;
  {
    std::vector<std::thread> clients;
    for (int t = 0; t < kClientThreads; ++t)
      clients.emplace_back([&] {
        std::vector<std::unique_ptr<Connection>> conns;
        for (auto p : ports) conns.push_back(std::make_unique<Connection>(p));
        for (int i; (i = next.fetch_add(1)) < kIntakes;) {
          if (SteadyClock::now() >= deadline) {
            overran = true;
            break;
          }
          Sent& s = sent[static_cast<std::size_t>(i)];
          s.instance = i % instances;
          // (i / instances): every kind goes to every instance.
          s.kind = &kinds[static_cast<std::size_t>(i / instances) % kinds.size()];
          const json::object body{
              {"procuratorate", s.kind->procuratorate->name},
              {"department", s.kind->department->name},
              {"category", s.kind->category},
              {"received_on", today},
              {"difficulty", s.kind->difficulty},
              {"custody", s.kind->category == "arrest_review"},
              {"parties", json::array{json::value("当事人" + std::to_string(i))}},
              {"source_org", "嘉峪关市公安局"},
              {"source_doc_no",
               "扩展测试〔" + today.substr(0, 4) + "〕" + std::to_string(i) + "号"}};
          const Login& who = intake_login.at({s.instance, s.kind->procuratorate->id});
          const auto t0 = SteadyClock::now();
          s.reply = call(*conns[static_cast<std::size_t>(s.instance)], &who, "POST",
                         "/api/v1/cases", json::serialize(body));
          s.ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count();
          s.attempted = true;
        }
      });
    for (auto& c : clients) c.join();
  }
  const double send_seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
  const double send_busy = busy_cpus(send_cpu_before, cpu_ticks());
  const auto attempted =
      std::count_if(sent.begin(), sent.end(), [](const Sent& s) { return s.attempted; });
  ASSERT_FALSE(overran.load()) << "the send phase took more than " << kSendBound.count() << " s; "
                               << attempted << " of " << kIntakes << " intakes were sent";

  // Every intake answered 201, with its case number and its assignment.
  std::map<std::string, int> failures;  // "status error" → count
  std::vector<std::string> failure_examples;
  std::map<std::int64_t, json::value> answer_of;  // by case id
  std::vector<int> per_instance(instances, 0);
  std::vector<double> latencies;
  std::vector<std::vector<double>> latencies_of(instances);
  for (std::size_t i = 0; i < sent.size(); ++i) {
    const Sent& s = sent[i];
    latencies.push_back(s.ms);
    latencies_of[static_cast<std::size_t>(s.instance)].push_back(s.ms);
    if (s.reply.status != 201) {
      ++failures[s.reply.summary()];
      if (failure_examples.size() < kShown)
        failure_examples.push_back(
            "intake " + std::to_string(i) + " on instance " + std::to_string(s.instance) +
            " after " + std::to_string(static_cast<int>(s.ms)) + " ms: " + s.reply.summary());
      continue;
    }
    ++per_instance[static_cast<std::size_t>(s.instance)];
    json::value a = s.reply.json();
    answer_of[i64(a.at("id"))] = std::move(a);
  }
  {
    std::string histogram;
    for (const auto& [what, n] : failures)
      histogram += "  " + std::to_string(n) + " × " + what + "\n";
    EXPECT_TRUE(failures.empty()) << "intakes not answered 201:\n"
                                  << histogram << "first ones:\n"
                                  << first_of(failure_examples);
  }
  {
    std::vector<std::string> unassigned;
    for (const auto& [id, a] : answer_of)
      if (a.at("assignment").is_null())
        unassigned.push_back(str(a.at("case_number")) + ": " +
                             json::serialize(a.as_object().at("unassigned_reason")));
    EXPECT_TRUE(unassigned.empty()) << unassigned.size() << " intakes were left unassigned:\n"
                                    << first_of(unassigned);
  }

  // --- 5. What the database holds, read back through the API. --------------------------------
  std::map<std::int64_t, CaseSeen> cases;  // by id
  for (const auto& p : procuratorates) {
    const Login& l = intake_login.at({0, p.id});
    std::optional<std::int64_t> cursor;
    for (;;) {
      const std::string target =
          "/api/v1/cases?limit=200" + (cursor ? "&cursor=" + std::to_string(*cursor) : "");
      const json::value page = expect_json(call(*admin0, &l, "GET", target), 200, "list cases");
      for (const auto& c : page.at("cases").as_array()) {
        CaseSeen k;
        k.id = i64(c.at("id"));
        k.number = str(c.at("number"));
        k.procuratorate_id = i64(c.at("procuratorate_id"));
        k.department_id = i64(c.at("department_id"));
        if (!c.at("unit_id").is_null()) k.unit = i64(c.at("unit_id"));
        k.category = str(c.at("category"));
        k.difficulty = str(c.at("difficulty"));
        k.received_on = str(c.at("received_on"));
        k.status = str(c.at("status"));
        cases[k.id] = std::move(k);
      }
      if (page.at("next_cursor").is_null()) break;
      cursor = i64(page.at("next_cursor"));
    }
  }
  // Each case's page, for its assignments; the pages are read from all instances at once (timed:
  // a figure, never asserted).
  std::vector<std::int64_t> ids;
  for (const auto& [id, c] : cases) ids.push_back(id);
  std::vector<Reply> pages(ids.size());
  double read_seconds = 0, read_busy = 0;
  {
    const CpuTicks read_cpu_before = cpu_ticks();
    const auto read_started = SteadyClock::now();
    std::atomic<std::size_t> at{0};
    const auto read_deadline = SteadyClock::now() + kSendBound;  // a hang guard for reading too
    std::vector<std::thread> readers;
    for (int t = 0; t < kClientThreads; ++t)
      readers.emplace_back([&, t] {
        const int inst = t % instances;
        Connection c(ports[static_cast<std::size_t>(inst)]);
        for (std::size_t i; (i = at.fetch_add(1)) < ids.size();) {
          if (SteadyClock::now() >= read_deadline) break;  // unread pages are reported below
          const Login& l = intake_login.at({inst, cases.at(ids[i]).procuratorate_id});
          pages[i] = call(c, &l, "GET", "/api/v1/cases/" + std::to_string(ids[i]));
        }
      });
    for (auto& r : readers) r.join();
    read_seconds = std::chrono::duration<double>(SteadyClock::now() - read_started).count();
    read_busy = busy_cpus(read_cpu_before, cpu_ticks());
  }
  std::vector<AssignmentSeen> assignments;
  {
    std::vector<std::string> bad_pages, not_once;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const CaseSeen& k = cases.at(ids[i]);
      if (pages[i].status != 200) {
        bad_pages.push_back(k.number + ": " + pages[i].summary());
        continue;
      }
      const json::value page = pages[i].json();
      const auto& list = page.at("assignments").as_array();
      if (list.size() != 1)
        not_once.push_back(k.number + " has " + std::to_string(list.size()) + " assignments");
      for (const auto& a : list) {
        AssignmentSeen s;
        s.id = i64(a.at("id"));
        s.case_id = k.id;
        s.case_number = k.number;
        s.department = k.department_id;
        s.difficulty = k.difficulty;
        s.unit = i64(a.at("unit_id"));
        s.audit_seq = i64(a.at("audit_seq"));
        s.plan_id = i64(a.at("plan_id"));
        s.tolerance = static_cast<int>(i64(a.at("tolerance")));
        s.method = str(a.at("method"));
        for (const auto& c : a.at("candidates").as_array())
          s.candidates.push_back(
              {i64(c.at("unit_id")), i64(c.at("weight_sum")),
               std::llround(dbl(c.at("share")) * 10000), static_cast<int>(i64(c.at("position"))),
               c.at("eligible").as_bool(), c.at("in_band").as_bool(), str(c.at("exclusion"))});
        if (const auto& d = a.at("draw"); d.is_object()) {
          s.epoch = i64(d.at("epoch_id"));
          s.draw_index = i64(d.at("index"));
          s.draw_day = d.as_object().contains("day") ? str(d.at("day")) : "";
        }
        assignments.push_back(std::move(s));
      }
    }
    EXPECT_TRUE(bad_pages.empty()) << bad_pages.size() << " case pages could not be read:\n"
                                   << first_of(bad_pages);
    EXPECT_TRUE(not_once.empty()) << "cases not assigned exactly once:\n" << first_of(not_once);
  }

  // --- 6. The checks. --------------------------------------------------------------------------
  // (a) The database holds exactly the cases the intakes answered, 2,000 of them.
  EXPECT_EQ(cases.size(), static_cast<std::size_t>(kIntakes)) << "cases in the database";
  {
    std::vector<std::string> mismatched;
    for (const auto& [id, a] : answer_of) {
      auto it = cases.find(id);
      if (it == cases.end())
        mismatched.push_back("case " + std::to_string(id) + " was answered but is not listed");
      else if (it->second.number != str(a.at("case_number")))
        mismatched.push_back("case " + std::to_string(id) + " answered " +
                             str(a.at("case_number")) + " but is listed as " + it->second.number);
    }
    for (const auto& [id, k] : cases)
      if (!answer_of.contains(id))
        mismatched.push_back(k.number + " (case " + std::to_string(id) +
                             ") is in the database but no intake was answered with it");
    EXPECT_TRUE(mismatched.empty()) << "answers and database disagree:\n" << first_of(mismatched);
  }
  EXPECT_EQ(assignments.size(), static_cast<std::size_t>(kIntakes)) << "assignments";

  // (b) Numbers: distinct, and gapless per counter; a counter (the number's prefix) is one 院,
  // one 业务代字 and one year.
  std::map<std::string, std::vector<std::int64_t>> serials;  // by prefix
  {
    std::set<std::string> numbers;
    std::vector<std::string> problems;
    std::map<std::string, std::tuple<std::int64_t, std::string, std::string>> key_of;
    std::map<std::tuple<std::int64_t, std::string, std::string>, std::string> prefix_of;
    for (const auto& [id, k] : cases) {
      if (!numbers.insert(k.number).second) problems.push_back("duplicate number " + k.number);
      const auto split = split_number(k.number);
      if (!split) {
        problems.push_back("cannot read the serial of " + k.number);
        continue;
      }
      serials[split->first].push_back(split->second);
      const auto key = std::tuple{k.procuratorate_id, k.category, k.received_on.substr(0, 4)};
      if (auto [it, fresh] = key_of.emplace(split->first, key); !fresh && it->second != key)
        problems.push_back(k.number + " shares its prefix with a case of another 院/category/year");
      if (auto [it, fresh] = prefix_of.emplace(key, split->first);
          !fresh && it->second != split->first)
        problems.push_back(k.number + " and " + it->second +
                           "… are numbered by different counters");
    }
    for (auto& [prefix, v] : serials) {
      std::sort(v.begin(), v.end());
      for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i] != static_cast<std::int64_t>(i) + 1) {
          problems.push_back(prefix + ": serials are not 1.." + std::to_string(v.size()) +
                             " (position " + std::to_string(i + 1) + " holds " +
                             std::to_string(v[i]) + ")");
          break;
        }
    }
    EXPECT_EQ(numbers.size(), cases.size()) << "distinct case numbers";
    EXPECT_TRUE(problems.empty()) << "case numbers:\n" << first_of(problems);
  }

  // (c) The replay, in audit-log order, from empty loads.
  std::sort(
      assignments.begin(), assignments.end(),
      [](const AssignmentSeen& a, const AssignmentSeen& b) { return a.audit_seq < b.audit_seq; });
  std::map<std::int64_t, std::map<std::int64_t, std::int64_t>> weight;  // department → unit → sum
  std::map<std::int64_t, std::int64_t> last_assigned;                   // department → unit
  std::map<std::int64_t, bool>
      precondition;  // department → tolerance 0, equal shares, all eligible
  std::map<std::int64_t, int> largest_weight;     // department → largest weight of its cases
  std::map<std::int64_t, std::int64_t> share_of;  // unit → share (bp), as recorded
  std::map<std::string, std::set<std::int64_t>> epochs_by_day;
  {
    std::vector<std::string> problems;
    std::set<std::int64_t> seqs;
    for (const auto& a : assignments) {
      const std::string who = a.case_number + " (audit " + std::to_string(a.audit_seq) + ")";
      if (!seqs.insert(a.audit_seq).second) problems.push_back(who + ": audit_seq used twice");
      const auto plan = plans.find(a.department);
      if (plan == plans.end()) {
        problems.push_back(who + ": a department without a plan of this test");
        continue;
      }
      if (a.plan_id != plan->second.id)
        problems.push_back(who + ": assigned under plan " + std::to_string(a.plan_id) +
                           ", not the approved plan " + std::to_string(plan->second.id));
      const std::string expected_method = plan->second.mode == "rotation" ? "rotation" : "random";
      if (a.method != expected_method)
        problems.push_back(who + ": method " + a.method + ", expected " + expected_method);
      auto& w = weight[a.department];
      if (!precondition.contains(a.department)) precondition[a.department] = a.tolerance == 0;
      std::set<std::int64_t> shares;
      std::set<std::int64_t> listed;
      const Candidate* least = nullptr;
      std::optional<std::size_t> chosen;
      for (std::size_t i = 0; i < a.candidates.size(); ++i) {
        const Candidate& c = a.candidates[i];
        listed.insert(c.unit);
        shares.insert(c.share_bp);
        share_of[c.unit] = c.share_bp;
        if (c.weight_sum != w[c.unit])
          problems.push_back(who + ": saw unit " + std::to_string(c.unit) + " at weight " +
                             std::to_string(c.weight_sum) +
                             ", but the assignments before it left " + std::to_string(w[c.unit]) +
                             " (a stale read)");
        if (!c.eligible) precondition[a.department] = false;
        if (c.eligible && (!least || load_less(c, *least))) least = &c;
        if (c.unit == a.unit) chosen = i;
      }
      if (shares.size() > 1) precondition[a.department] = false;
      std::set<std::int64_t> expected_units;
      for (const auto& u : units_of[a.department]) expected_units.insert(u.id);
      if (listed != expected_units)
        problems.push_back(who + ": candidates are not the department's units");
      // The band on the replayed loads, and the chosen unit within it.
      std::vector<std::size_t> band;
      for (std::size_t i = 0; i < a.candidates.size(); ++i) {
        const Candidate& c = a.candidates[i];
        const bool in = c.eligible && least && load_within(c, *least, a.tolerance);
        if (in) band.push_back(i);
        if (in != c.in_band)
          problems.push_back(who + ": unit " + std::to_string(c.unit) + " marked in_band=" +
                             (c.in_band ? "true" : "false") + " against the rule");
      }
      if (!chosen || !a.candidates[*chosen].eligible ||
          std::find(band.begin(), band.end(), *chosen) == band.end()) {
        problems.push_back(who + ": unit " + std::to_string(a.unit) +
                           " is not an eligible unit of the band");
      } else if (a.method == "random") {
        if (!a.draw_index || *a.draw_index < 0 ||
            static_cast<std::size_t>(*a.draw_index) >= band.size() ||
            band[static_cast<std::size_t>(*a.draw_index)] != *chosen)
          problems.push_back(who + ": the draw's index does not point at the chosen unit");
        if (!a.epoch)
          problems.push_back(who + ": a random assignment without its draw");
        else
          epochs_by_day[a.draw_day].insert(*a.epoch);
      } else if (a.method == "rotation") {
        // The first band unit after the last one assigned, in (position, unit) order, wrapping.
        std::optional<std::size_t> expect;
        if (auto last = last_assigned.find(a.department); last != last_assigned.end()) {
          const auto at = std::find_if(a.candidates.begin(), a.candidates.end(),
                                       [&](const Candidate& c) { return c.unit == last->second; });
          for (auto i : band)
            if (at != a.candidates.end() &&
                std::pair{a.candidates[i].position, a.candidates[i].unit} >
                    std::pair{at->position, at->unit}) {
              expect = i;
              break;
            }
        }
        if (!expect) expect = band.front();
        if (*expect != *chosen)
          problems.push_back(who + ": rotation chose unit " + std::to_string(a.unit) +
                             " but the turn was unit " +
                             std::to_string(a.candidates[*expect].unit));
      }
      const int wt = plan->second.weight(a.difficulty);
      w[a.unit] += wt;
      last_assigned[a.department] = a.unit;
      largest_weight[a.department] = std::max(largest_weight[a.department], wt);
    }
    EXPECT_TRUE(problems.empty()) << problems.size() << " assignments break the serial replay:\n"
                                  << first_of(problems);
    std::vector<std::string> epoch_problems;
    for (const auto& [day, ids_of_day] : epochs_by_day)
      if (ids_of_day.size() != 1)
        epoch_problems.push_back(day + " has " + std::to_string(ids_of_day.size()) +
                                 " draw epochs");
    EXPECT_TRUE(epoch_problems.empty()) << "draw epochs:\n" << first_of(epoch_problems);
  }

  // (d) The loads the engine reports now equal the replay's (read on the other instance); the
  // spread invariant.
  std::vector<std::pair<std::string, std::string>> spreads;  // department → figure
  int invariant_departments = 0;
  {
    std::vector<std::string> problems;
    Connection c(ports[static_cast<std::size_t>(other)]);
    for (const auto& d : departments) {
      const std::string name = procuratorate_by_id(d.procuratorate_id).name + " " + d.name;
      const Login& reader = intake_login.at({other, d.procuratorate_id});
      const json::value w =
          expect_json(call(c, &reader, "GET",
                           "/api/v1/statistics/workload?department_id=" + std::to_string(d.id)),
                      200, "workload of " + name);
      std::int64_t max_w = 0, min_w = 0;
      double max_load = 0, min_load = 0;
      bool first = true;
      for (const auto& u : w.at("units").as_array()) {
        const std::int64_t unit = i64(u.at("unit_id")), sum = i64(u.at("weight_sum"));
        if (sum != weight[d.id][unit])
          problems.push_back(name + ": unit " + std::to_string(unit) + " has weight " +
                             std::to_string(sum) + ", the replay gives " +
                             std::to_string(weight[d.id][unit]));
        if (!u.at("active").as_bool()) continue;
        const double load = dbl(u.at("load"));
        if (first) max_w = min_w = sum, max_load = min_load = load, first = false;
        max_w = std::max(max_w, sum), min_w = std::min(min_w, sum);
        max_load = std::max(max_load, load), min_load = std::min(min_load, load);
      }
      const bool holds = precondition.contains(d.id) && precondition[d.id];
      std::ostringstream figure;
      figure << std::fixed << std::setprecision(1) << (max_load - min_load)
             << (holds ? " (tolerance 0, equal shares, all eligible: bound " +
                             std::to_string(largest_weight[d.id]) + ")"
                       : " (precondition does not hold: band checked per assignment)");
      spreads.emplace_back(name + " [" + plans[d.id].mode + "]", figure.str());
      if (holds) {
        ++invariant_departments;
        // Equal shares: the spread in weights is the spread in loads, up to the common share.
        if (max_w - min_w > largest_weight[d.id])
          problems.push_back(name + ": most and least loaded units differ by " +
                             std::to_string(max_w - min_w) + " > largest case weight " +
                             std::to_string(largest_weight[d.id]));
      }
    }
    EXPECT_TRUE(problems.empty()) << "loads:\n" << first_of(problems);
    EXPECT_GE(invariant_departments, 1)
        << "no department met the invariant's precondition, so the SPEC §3 invariant went untested";
  }

  // --- 7. Stop the servers; the audit log verifies. -------------------------------------------
  // Every client connection is closed first: a server that still has an idle keep-alive
  // connection stops only when that connection's idle time-out (60 s) expires.
  admin0.reset();
  admin1.reset();
  stop_servers();
  for (std::size_t i = 0; i < exit_statuses_.size(); ++i)
    EXPECT_EQ(exit_statuses_[i], 0) << "server " << i << " did not stop cleanly on SIGTERM";
  for (std::size_t i = 0; i < servers_.size(); ++i) {
    const std::string err = slurp(servers_[i].child.err);
    EXPECT_TRUE(err.empty()) << "server " << i << " wrote on stderr:\n" << err;
  }
  const Ran verify = run_command({bin_, "audit", "verify", "--db", db_}, dir_, "verify");
  EXPECT_EQ(verify.status, 0) << "zeren audit verify:\n" << verify.out << verify.err;

  // --- 8. The figures. -------------------------------------------------------------------------
  const double rate = static_cast<double>(answer_of.size()) / send_seconds;
  const double p50 = percentile(latencies, 0.50), p99 = percentile(latencies, 0.99),
               max_ms = percentile(latencies, 1.0);
  const double reads_rate = read_seconds > 0 ? static_cast<double>(ids.size()) / read_seconds : 0;
  const std::string backend =
      db_.starts_with("postgresql://") || db_.starts_with("postgres://") ? "postgresql" : "sqlite";
  std::ostringstream report;
  report << std::fixed << std::setprecision(1);
  report << "\n=== Scale-out: " << instances << " × `zeren serve --threads " << kServerThreads
         << "` on " << db_ << " ===\n"
         << kIntakes << " intakes from " << kClientThreads << " client threads in " << send_seconds
         << " s: " << rate << " intakes/s; latency p50 " << p50 << " ms, p99 " << p99 << " ms, max "
         << max_ms << " ms; busy CPUs meanwhile " << std::setprecision(2) << send_busy << " of "
         << std::max(1u, std::thread::hardware_concurrency()) << std::setprecision(1) << '\n';
  for (int i = 0; i < instances; ++i)
    report << "instance " << i << ": " << per_instance[static_cast<std::size_t>(i)]
           << " intakes answered 201; latency p50 "
           << percentile(latencies_of[static_cast<std::size_t>(i)], 0.50) << " ms, p99 "
           << percentile(latencies_of[static_cast<std::size_t>(i)], 0.99) << " ms\n";
  report << ids.size() << " case pages read back from " << instances << " instance"
         << (instances == 1 ? "" : "s") << " by " << kClientThreads << " client threads in "
         << read_seconds << " s: " << reads_rate << " pages/s; busy CPUs meanwhile "
         << std::setprecision(2) << read_busy << std::setprecision(1) << '\n';
  report << "kinds of intake sent: " << kinds.size()
         << "\nspread (max − min load) per department:\n";
  for (const auto& [d, f] : spreads) report << "  " << d << ": " << f << '\n';
  report << "number range per counter:\n";
  for (const auto& [prefix, v] : serials)
    report << "  " << prefix << ": " << v.front() << ".." << v.back() << " (" << v.size()
           << " cases)\n";
  report << "audit verify: " << verify.out;
  std::cout << report.str() << std::flush;
  // For bench/run: one `RESULT scale_<key> <value>` line per figure.
  {
    std::ostringstream results;
    results << std::fixed << std::setprecision(3);
    results << "RESULT scale_intakes_per_s " << rate << '\n'
            << "RESULT scale_p50_ms " << p50 << '\n'
            << "RESULT scale_p99_ms " << p99 << '\n'
            << "RESULT scale_max_ms " << max_ms << '\n'
            << "RESULT scale_instances " << instances << '\n'
            << "RESULT scale_intakes " << kIntakes << '\n'
            << "RESULT scale_clients " << kClientThreads << '\n'
            << "RESULT scale_backend " << backend << '\n'
            << "RESULT scale_send_seconds " << send_seconds << '\n'
            << "RESULT scale_reads_per_s " << reads_rate << '\n'
            << "RESULT scale_send_busy_cpus " << send_busy << '\n'
            << "RESULT scale_read_busy_cpus " << read_busy << '\n'
            << "RESULT scale_cpus " << std::max(1u, std::thread::hardware_concurrency()) << '\n';
    std::cout << results.str() << std::flush;
  }
  RecordProperty("intakes_per_second", std::to_string(rate));
  RecordProperty("latency_p50_ms", std::to_string(p50));
  RecordProperty("latency_p99_ms", std::to_string(p99));
  RecordProperty("send_seconds", std::to_string(send_seconds));
  RecordProperty("latency_max_ms", std::to_string(max_ms));
  RecordProperty("instances", instances);
  RecordProperty("backend", backend);
  RecordProperty("reads_per_second", std::to_string(reads_rate));
  RecordProperty("counters", static_cast<int>(serials.size()));
  RecordProperty("invariant_departments", invariant_departments);
  for (std::size_t i = 0; i < spreads.size(); ++i)
    RecordProperty("spread_" + std::to_string(i), spreads[i].first + ": " + spreads[i].second);
}

}  // namespace
