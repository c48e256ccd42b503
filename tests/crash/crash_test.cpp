// Crash safety: `kill -9` of `zeren serve` while intakes are in flight loses nothing it
// acknowledged and leaves nothing half-written.
//
// What this test claims. A server killed with SIGKILL (no chance to finish anything: a power cut,
// the OOM killer) and started again on the same database:
//   * every intake it answered 2xx is there, with the number and id it answered;
//   * an intake that was in flight at the kill (sent, no answer) is either there whole or not at
//     all, and never twice;
//   * every case of this run is whole: registered with its number, assigned once (its case page
//     lists exactly one assignment) and in the audit log (its timeline has the registration);
//   * case numbers stay gapless per counter (院代字, 业务代字, year) over the whole database, the
//     demo history included: a transaction cut off by the kill leaves no hole;
//   * a session made before the kill still works after it (sessions live in the database);
//   * the server takes intakes again at once, and stops cleanly on SIGTERM at the end;
//   * `zeren audit verify` passes on the database afterwards.
//
// Setup. The database is a new SQLite file in a temporary directory, or, when $ZEREN_PG_URL_FILE
// names ctest's throwaway PostgreSQL cluster (the `pg.` run), a new database on it. `zeren demo`
// fills it with the demo organisation and its history (approved assignment plans included), so
// every intake is also assigned by a verifiable draw, as in production.
//
// Load. $ZEREN_CRASH_INTAKES intakes (default 1,000) from 16 client threads, each with its own
// keep-alive connection, alternating between the two 院's 第一检察部 (审查起诉 and 审查逮捕), each
// with a unique source document number that identifies it afterwards. The server is killed
// $ZEREN_CRASH_KILLS times (default 1), the k-th time when k/(kills+1) of the intakes have been
// answered, and started again each time; the clients wait for it and go on with the intakes not yet
// sent. An intake whose answer was lost is never sent again (a client could not know whether it was
// taken in); one that never reached the server (no connection) is sent once the server is back.
// bench/run runs a longer version and records the counts.
//
// Output for bench/run: `RESULT crash_<key> <value>` lines (intakes, kills, acknowledged,
// in_flight, in_flight_committed, cases_checked, backend).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/loopback.hpp"

namespace {

using namespace zeren::loopback;

constexpr int kDefaultIntakes = 1000;
constexpr int kClientThreads = 16;
constexpr auto kStartBound = std::chrono::seconds(60);
constexpr auto kStopBound = std::chrono::seconds(30);
constexpr auto kPhaseBound = std::chrono::seconds(600);  // a hang guard, not a time assertion
const std::string kDocPrefix = "崩溃测试";

int env_int(const char* name, int fallback, int low, int high) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  const int n = std::atoi(v);
  require(n >= low && n <= high, std::string(name) + " is '" + v + "'; allowed " +
                                     std::to_string(low) + " to " + std::to_string(high));
  return n;
}

// What happened to one intake.
enum class Fate { unsent, acknowledged, in_flight, refused };

struct Intake {
  int procuratorate = 0;  // 0 or 1: which 院
  std::string category;
  std::string doc_no;
  Fate fate = Fate::unsent;
  std::int64_t id = 0;  // when acknowledged
  std::string number;   // when acknowledged
  std::string refusal;  // when refused (a non-2xx answer)
};

class Crash : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* bin = std::getenv("ZEREN_BINARY");
    ASSERT_NE(bin, nullptr) << "ZEREN_BINARY is not set (the `zeren` executable to test)";
    bin_ = bin;
    std::string tmpl = (fs::temp_directory_path() / "zeren-crash-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr) << std::strerror(errno);
    dir_ = tmpl;
    if (const char* cluster = std::getenv("ZEREN_PG_URL_FILE")) {
      std::string admin;
      std::getline(std::ifstream(cluster), admin);
      db_ = admin.substr(0, admin.rfind('/') + 1) + "crash_" + std::to_string(::getpid());
      backend_ = "postgresql";
      ::setenv("ZEREN_AUDIT_KEY", (dir_ / "audit-key").c_str(), 1);
    } else {
      db_ = (dir_ / "crash.db").string();
    }
  }

  void TearDown() override {
    if (server_.pid > 0) {
      ::kill(server_.pid, SIGKILL);
      ::waitpid(server_.pid, nullptr, 0);
    }
    if (HasFailure()) {
      for (int i = 0; i < starts_; ++i) {
        const std::string err = slurp(dir_ / ("serve-" + std::to_string(i) + ".err"));
        if (!err.empty()) std::cout << "[server run " << i << " stderr]\n" << err << '\n';
      }
      std::cout << "Kept for inspection: " << dir_ << " (database " << db_ << ")\n";
    } else {
      std::error_code ec;
      fs::remove_all(dir_, ec);
    }
  }

  unsigned short start_server() {
    const std::string tag = "serve-" + std::to_string(starts_++);
    server_ =
        spawn({bin_, "serve", "--db", db_, "--listen", "127.0.0.1:0", "--threads", "4", "--quiet"},
              dir_ / (tag + ".out"), dir_ / (tag + ".err"));
    return wait_until_serving(server_, kStartBound);
  }

  void kill_server() {
    ::kill(server_.pid, SIGKILL);
    ::waitpid(server_.pid, nullptr, 0);
    server_.pid = -1;
  }

  // SIGTERM and the exit status (-1: had to be killed).
  int stop_server() {
    ::kill(server_.pid, SIGTERM);
    auto status = wait_until(server_.pid, SteadyClock::now() + kStopBound);
    if (!status) {
      ::kill(server_.pid, SIGKILL);
      ::waitpid(server_.pid, nullptr, 0);
    }
    server_.pid = -1;
    return status.value_or(-1);
  }

  std::string bin_, db_, backend_ = "sqlite";
  fs::path dir_;
  Child server_;
  int starts_ = 0;
};

TEST_F(Crash, KillNineWhileIntakesAreInFlightLosesNothingAcknowledged) {
  const int total = env_int("ZEREN_CRASH_INTAKES", kDefaultIntakes, 100, 1'000'000);
  const int kills = env_int("ZEREN_CRASH_KILLS", 1, 1, 100);

  // --- The database: the demo organisation and history. --------------------------------------
  const Ran demo = run_command({bin_, "demo", "--json", "--db", db_}, dir_, "demo");
  require(demo.status == 0, "zeren demo exited with " + std::to_string(demo.status) +
                                "\nstdout: " + demo.out + "\nstderr: " + demo.err);
  std::string procuratorate_name[2], username[2], password[2];
  const json::value printed = json::parse(demo.out);
  for (const auto& u : printed.at("users").as_array()) {
    const std::string name = str(u.at("username"));
    const int which = name == "anguan" ? 0 : name == "cqanguan" ? 1 : -1;
    if (which < 0) continue;
    username[which] = name;
    password[which] = str(u.at("password"));
    procuratorate_name[which] = str(u.at("procuratorate"));
  }
  require(!username[0].empty() && !username[1].empty(),
          "the demo has no case-management accounts anguan and cqanguan");

  const std::string today = china_today();
  std::vector<Intake> intakes(static_cast<std::size_t>(total));
  for (int i = 0; i < total; ++i) {
    Intake& in = intakes[static_cast<std::size_t>(i)];
    in.procuratorate = i % 2;
    in.category = (i / 2) % 2 ? "arrest_review" : "prosecution_review";
    in.doc_no = kDocPrefix + "〔" + today.substr(0, 4) + "〕" + std::to_string(i + 1) + "号";
  }

  unsigned short port = start_server();
  Login login[2] = {log_in(port, username[0], password[0]), log_in(port, username[1], password[1])};

  // Sends intake `in` on `c` and records its fate. False when the server did not answer.
  std::mutex fates;
  std::atomic<int> answered{0};
  auto send = [&](Connection& c, Intake& in) {
    const json::object body{{"procuratorate", procuratorate_name[in.procuratorate]},
                            {"department", "第一检察部"},
                            {"category", in.category},
                            {"received_on", today},
                            {"difficulty", "ordinary"},
                            {"custody", in.category == "arrest_review"},
                            {"parties", json::array{json::value("当事人" + in.doc_no)}},
                            {"source_org", "嘉峪关市公安局"},
                            {"source_doc_no", in.doc_no}};
    const Reply r =
        call(c, &login[in.procuratorate], "POST", "/api/v1/cases", json::serialize(body));
    std::lock_guard lock(fates);
    if (r.status == 0) {
      // No connection, or the request was not sent whole: the server cannot have taken it in.
      // Otherwise it was sent and the answer lost: taken in or not, nobody can tell.
      const bool not_sent = r.failure.starts_with("connect:") || r.failure.starts_with("send:");
      in.fate = not_sent ? Fate::unsent : Fate::in_flight;
      return false;
    }
    if (r.status / 100 == 2) {
      const json::value a = r.json();
      in.fate = Fate::acknowledged;
      in.id = i64(a.at("id"));
      in.number = str(a.at("case_number"));
      ++answered;
    } else {
      in.fate = Fate::refused;
      in.refusal = r.summary();
    }
    return true;
  };

  // --- The load, with `kills` kills along the way. --------------------------------------------
  std::atomic<int> next{0};
  for (int phase = 0; phase <= kills; ++phase) {
    const bool last = phase == kills;
    const int kill_at = total * (phase + 1) / (kills + 1);
    const auto deadline = SteadyClock::now() + kPhaseBound;
    std::atomic<int> running{kClientThreads};
    std::vector<std::thread> clients;
    for (int t = 0; t < kClientThreads; ++t)
      clients.emplace_back([&, port] {
        Connection c(port);
        // A client stops at its first unanswered request: the server is gone.
        for (int i; SteadyClock::now() < deadline && (i = next.fetch_add(1)) < total;)
          if (!send(c, intakes[static_cast<std::size_t>(i)])) break;
        --running;
      });
    // The kill: as soon as `kill_at` intakes have been answered in all.
    while (!last && answered.load() < kill_at && running.load() > 0 &&
           SteadyClock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    if (!last) kill_server();
    for (auto& c : clients) c.join();
    require(SteadyClock::now() < deadline,
            "a phase of the load took more than " + std::to_string(kPhaseBound.count()) + " s");
    if (!last) {
      port = start_server();
      // The sessions made before the kill are the database's: they still work.
      for (const Login& l : login) {
        Connection c(port);
        const Reply r = call(c, &l, "GET", "/api/v1/session");
        ASSERT_EQ(r.status, 200) << "the session of " << l.username
                                 << " made before the kill is refused after it: " << r.summary();
      }
    }
  }
  // Intakes that a client took as the kill came and could not send: send them now.
  std::vector<int> unsent;
  for (int i = 0; i < total; ++i)
    if (intakes[static_cast<std::size_t>(i)].fate == Fate::unsent) unsent.push_back(i);
  {
    Connection c(port);
    for (int i : unsent) send(c, intakes[static_cast<std::size_t>(i)]);
  }

  int acknowledged = 0, in_flight = 0;
  std::vector<std::string> refused;
  for (const auto& in : intakes) {
    acknowledged += in.fate == Fate::acknowledged;
    in_flight += in.fate == Fate::in_flight;
    if (in.fate == Fate::refused) refused.push_back(in.doc_no + ": " + in.refusal);
  }
  EXPECT_TRUE(refused.empty()) << refused.size()
                               << " intakes were refused, first: " << refused.front();
  EXPECT_EQ(acknowledged + in_flight + static_cast<int>(refused.size()), total)
      << "some intakes were never sent";

  // --- What the database holds, through the API of the restarted server. ----------------------
  struct Seen {
    std::int64_t id = 0;
    std::string number, doc_no;
  };
  std::map<std::int64_t, Seen> cases;  // every case of both 院, by id
  {
    Connection c(port);
    for (const Login& l : login) {
      std::optional<std::int64_t> cursor;
      for (;;) {
        const std::string target =
            "/api/v1/cases?limit=200" + (cursor ? "&cursor=" + std::to_string(*cursor) : "");
        const json::value page = expect_json(call(c, &l, "GET", target), 200, "list cases");
        for (const auto& k : page.at("cases").as_array())
          cases[i64(k.at("id"))] = {i64(k.at("id")), str(k.at("number")),
                                    str(k.at("source_doc_no"))};
        if (page.at("next_cursor").is_null()) break;
        cursor = i64(page.at("next_cursor"));
      }
    }
  }
  std::map<std::string, std::vector<const Seen*>> by_doc;
  for (const auto& [id, k] : cases)
    if (k.doc_no.starts_with(kDocPrefix)) by_doc[k.doc_no].push_back(&k);

  // Every acknowledged intake is there, as answered; nothing is there twice or unasked for.
  std::vector<std::string> lost, twice, unasked;
  int in_flight_committed = 0;
  std::set<std::string> sent_docs;
  for (const auto& in : intakes) {
    sent_docs.insert(in.doc_no);
    const auto found = by_doc.find(in.doc_no);
    const std::size_t n = found == by_doc.end() ? 0 : found->second.size();
    if (n > 1) twice.push_back(in.doc_no);
    if (in.fate == Fate::acknowledged &&
        (n != 1 || found->second[0]->id != in.id || found->second[0]->number != in.number))
      lost.push_back(in.doc_no + " (answered " + in.number + ")");
    if (in.fate == Fate::in_flight && n == 1) ++in_flight_committed;
  }
  for (const auto& [doc, list] : by_doc)
    if (!sent_docs.contains(doc)) unasked.push_back(doc);
  EXPECT_TRUE(lost.empty()) << lost.size()
                            << " acknowledged intakes are missing or changed, first: "
                            << lost.front();
  EXPECT_TRUE(twice.empty()) << twice.size()
                             << " intakes are there twice, first: " << twice.front();
  EXPECT_TRUE(unasked.empty()) << unasked.size()
                               << " cases nobody sent, first: " << unasked.front();

  // Numbers gapless per counter over the whole database.
  std::map<std::string, std::set<std::int64_t>> serials;
  std::vector<std::string> malformed;
  for (const auto& [id, k] : cases) {
    if (auto split = split_number(k.number))
      serials[split->first].insert(split->second);
    else
      malformed.push_back(k.number);
  }
  EXPECT_TRUE(malformed.empty()) << "case numbers not of the form PREFIX N号: "
                                 << malformed.front();
  for (const auto& [prefix, s] : serials)
    EXPECT_TRUE(*s.begin() == 1 && *s.rbegin() == static_cast<std::int64_t>(s.size()))
        << prefix << ": " << s.size() << " cases numbered " << *s.begin() << ".." << *s.rbegin()
        << ", so the serials have a gap";

  // Every case of this run is whole: assigned once, with its registration in the audit log.
  std::vector<std::string> broken;
  {
    Connection c(port);
    for (const auto& [doc, list] : by_doc) {
      const Seen& k = *list.front();
      const Intake& in = intakes[static_cast<std::size_t>(
          std::stoi(doc.substr(doc.find("〕") + std::string("〕").size())) - 1)];
      const json::value page = expect_json(
          call(c, &login[in.procuratorate], "GET", "/api/v1/cases/" + std::to_string(k.id)), 200,
          "case " + k.number);
      const auto assignments = page.at("assignments").as_array().size();
      bool registered = false;
      for (const auto& e : page.at("timeline").as_array())
        registered = registered || str(e.at("action")) == "case.register";
      if (assignments != 1 || !registered)
        broken.push_back(k.number + ": " + std::to_string(assignments) + " assignments, " +
                         (registered ? "registered" : "no case.register entry"));
    }
  }
  EXPECT_TRUE(broken.empty()) << broken.size()
                              << " cases are half-written, first: " << broken.front();

  EXPECT_EQ(stop_server(), 0) << "the server did not stop cleanly on SIGTERM";
  const Ran verify = run_command({bin_, "audit", "verify", "--db", db_}, dir_, "verify");
  EXPECT_EQ(verify.status, 0) << "zeren audit verify:\n" << verify.out << verify.err;

  std::cout << "\n=== Crash safety on " << backend_ << ": " << total << " intakes, " << kills
            << " × kill -9 ===\n"
            << acknowledged << " acknowledged (all present), " << in_flight
            << " in flight at a kill (" << in_flight_committed << " of them committed, "
            << in_flight - in_flight_committed << " not), " << unsent.size()
            << " taken by a client as the kill came and sent afterwards; " << by_doc.size()
            << " cases of this run checked whole; " << serials.size()
            << " counters gapless; audit verify: " << verify.out << '\n'
            << "RESULT crash_backend " << backend_ << "\nRESULT crash_intakes " << total
            << "\nRESULT crash_kills " << kills << "\nRESULT crash_acknowledged " << acknowledged
            << "\nRESULT crash_in_flight " << in_flight << "\nRESULT crash_in_flight_committed "
            << in_flight_committed << "\nRESULT crash_cases_checked " << by_doc.size() << '\n'
            << std::flush;
}

}  // namespace
