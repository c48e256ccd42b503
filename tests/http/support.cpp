#include "support.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "../storage/postgres_factory.hpp"
#include "audit/draw_crypto.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "security/argon2_password_hasher.hpp"
#include "security/sodium_session_secrets.hpp"
#include "storage/open_store.hpp"

namespace zeren::test {

namespace fs = std::filesystem;
namespace json = boost::json;

ManualClock::ManualClock()
    : now_(std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
               .count()) {}

Date ManualClock::today() const {
  return Date::in_china(now_.load());
}

json::value Reply::json() const {
  return json::parse(body);
}
std::string Reply::error_code() const {
  boost::system::error_code ec;
  auto v = json::parse(body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("error")) return {};
  return std::string(v.at("error").at("code").as_string());
}
std::string Reply::error_field() const {
  boost::system::error_code ec;
  auto v = json::parse(body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("error")) return {};
  auto* f = v.at("error").as_object().if_contains("field");
  return f ? std::string(f->as_string()) : std::string();
}

int connect_loopback(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::string read_to_close(int fd) {
  std::string in;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    in.append(buf, static_cast<std::size_t>(n));
  }
  return in;
}

Reply raw_exchange(unsigned short port, const std::string& raw) {
  const int fd = connect_loopback(port);
  if (fd < 0) throw std::runtime_error("cannot connect");
  std::size_t sent = 0;
  while (sent < raw.size()) {
    const ssize_t n = ::send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer (413, 431) before reading everything
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  const std::string in = read_to_close(fd);
  ::close(fd);
  Reply r;
  const auto head_end = in.find("\r\n\r\n");
  if (in.size() < 12 || head_end == std::string::npos) return r;
  r.status = std::stoi(in.substr(9, 3));
  std::istringstream head(in.substr(0, head_end));
  std::string line;
  std::getline(head, line);
  while (std::getline(head, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
  }
  r.body = in.substr(head_end + 4);
  return r;
}

Reply request(unsigned short port, const std::string& method, const std::string& path,
              const std::string& body, const std::map<std::string, std::string>& headers) {
  std::string raw = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) raw += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT")
    raw +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  raw += "\r\n" + body;
  return raw_exchange(port, raw);
}

namespace {

std::string run(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("popen failed");
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (::pclose(p) != 0) throw std::runtime_error(command + " failed: " + out);
  return out;
}

struct Template {
  std::string db;  // a file path, or the URL of the template database on PostgreSQL
  std::vector<DemoUser> users;
};

// The PostgreSQL run (ZEREN_PG_URL_FILE names the admin URL of the CTest fixture's throwaway
// cluster): the demo is made once as a template database, and each server gets a copy made by
// CREATE DATABASE … TEMPLATE; every copy shares the template's checkpoint key (ZEREN_AUDIT_KEY).
std::string admin_url() {
  const std::string url = testing::postgres_admin_url();
  if (url.empty()) throw std::runtime_error("ZEREN_PG_URL_FILE names no readable URL");
  return url;
}

void admin_exec(const std::string& statement) {
  admin_url();  // says what is missing when there is no cluster
  testing::postgres_admin_exec(statement);
}

// One demo database per build of the binary, made by whichever test process comes first (CTest
// runs each test in its own process), with the log-ins `zeren demo --json` printed for it.
const Template& demo_template() {
  static const Template t = [] {
    const char* bin = std::getenv("ZEREN_BINARY");
    if (!bin) throw std::runtime_error("ZEREN_BINARY is not set");
    const auto stamp = fs::last_write_time(bin).time_since_epoch().count();
    // On PostgreSQL the template lives in the cluster, which is new for every ctest run: the
    // fixture is named after the cluster's URL file as well as the binary.
    std::string name = "http-" + std::to_string(stamp);
    if (on_postgresql() && !admin_url().empty())
      name += "-pg-" +
              std::to_string(
                  fs::last_write_time(std::getenv("ZEREN_PG_URL_FILE")).time_since_epoch().count());
    const fs::path dir = fs::path(bin).parent_path() / "test-fixtures" / name;
    fs::create_directories(dir.parent_path());
    const std::string lock = dir.string() + ".lock";
    const int fd = ::open(lock.c_str(), O_CREAT | O_RDWR, 0644);
    if (fd < 0) throw std::runtime_error("cannot open " + lock);
    ::flock(fd, LOCK_EX);
    if (!fs::exists(dir / "demo.json")) {
      const fs::path tmp = dir.string() + ".tmp";
      fs::remove_all(tmp);
      fs::create_directories(tmp);
      std::string db = (tmp / "template.db").string();
      if (on_postgresql()) {
        // The cluster lives for one ctest run; a template of an earlier run is not in it.
        const std::string template_name = "http_template_" + std::to_string(::getpid());
        db = testing::postgres_url_for(admin_url(), template_name);
        ::setenv("ZEREN_AUDIT_KEY", (tmp / "template.audit-key").c_str(), 1);
      }
      const std::string printed = run(std::string(bin) + " demo --json --db " + db);
      std::ofstream(tmp / "demo.json") << printed;
      // Where the template is once the directory has its final name.
      std::ofstream(tmp / "database") << (on_postgresql() ? db : (dir / "template.db").string());
      fs::rename(tmp, dir);
    }
    ::flock(fd, LOCK_UN);
    ::close(fd);
    Template out;
    std::getline(std::ifstream(dir / "database"), out.db);
    if (on_postgresql()) ::setenv("ZEREN_AUDIT_KEY", (dir / "template.audit-key").c_str(), 1);
    std::ifstream in(dir / "demo.json");
    std::stringstream text;
    text << in.rdbuf();
    const auto printed = json::parse(text.str());
    for (const auto& u : printed.at("users").as_array()) {
      DemoUser d;
      d.username = std::string(u.at("username").as_string());
      d.password = std::string(u.at("password").as_string());
      d.procuratorate = std::string(u.at("procuratorate").as_string());
      for (const auto& r : u.at("roles").as_array()) d.roles.emplace_back(r.as_string());
      out.users.push_back(std::move(d));
    }
    return out;
  }();
  return t;
}

std::atomic<int> copies{0};

}  // namespace

bool on_postgresql() {
  return std::getenv("ZEREN_PG_URL_FILE") != nullptr;
}

const std::vector<DemoUser>& demo_users() {
  return demo_template().users;
}

const DemoUser& demo_user(const std::string& username) {
  for (const auto& u : demo_users())
    if (u.username == username) return u;
  throw std::runtime_error("no demo user " + username);
}

struct TestServer::Impl {
  mutable std::mutex log_mu;
  std::vector<std::string> log;
  OpenedStore opened;
  Argon2PasswordHasher hasher;
  SodiumSessionSecrets secrets;
  std::unique_ptr<audit::SystemDrawCrypto> crypto;
  http::Metrics metrics;
  std::unique_ptr<http::Api> api;
  std::unique_ptr<http::Server> server;
};

TestServer::TestServer(http::ServerLimits limits) : impl_(std::make_unique<Impl>()) {
  const auto& t = demo_template();
  const fs::path dir = fs::temp_directory_path() / ("zeren-http-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  if (on_postgresql()) {
    const std::string name = "http_" + std::to_string(::getpid()) + "_" + std::to_string(++copies);
    const std::string from = t.db.substr(t.db.rfind('/') + 1);
    admin_exec("CREATE DATABASE \"" + name + "\" TEMPLATE \"" + from + "\"");
    db_ = testing::postgres_url_for(admin_url(), name);
  } else {
    db_ = (dir / ("copy-" + std::to_string(++copies) + ".db")).string();
    for (const char* suffix : {"", ".audit-key", ".audit-key.pub"})
      fs::copy_file(t.db + suffix, db_ + suffix, fs::copy_options::overwrite_existing);
  }
  StoreOptions store_options{db_, false, std::nullopt};
  store_options.readers = 2;  // as `zeren serve` has: reads on their own connections
  auto opened = open_store(store_options);
  if (!opened) throw std::runtime_error(opened.error().message);
  impl_->opened = std::move(*opened);
  impl_->crypto = std::make_unique<audit::SystemDrawCrypto>(impl_->opened.hash);
  http::ApiOptions options;
  options.chain_hash = static_cast<int>(impl_->opened.hash);
  options.database = db_;
  impl_->api =
      std::make_unique<http::Api>(http::ApiDeps{*impl_->opened.store, clock_, impl_->hasher,
                                                impl_->secrets, *impl_->crypto, impl_->metrics},
                                  options);
  http::ServerOptions so;
  so.port = 0;
  so.limits = limits;
  so.limits.threads = 2;
  so.runs_long = &http::Api::runs_long;  // as `zeren serve` has
  so.access_log = [this](const std::string& line) {
    std::lock_guard lock(impl_->log_mu);
    impl_->log.push_back(line);
  };
  impl_->server = std::make_unique<http::Server>(
      [this](const http::Request& r) {
        auto res = impl_->api->handle(r);
        impl_->metrics.request(http::Api::route_of(r), res.status, 0.001);
        return res;
      },
      so);
  port_ = impl_->server->listen();
  thread_ = std::thread([this] { impl_->server->run(false); });
}

std::vector<std::string> TestServer::access_log() const {
  std::lock_guard lock(impl_->log_mu);
  return impl_->log;
}

TestServer::~TestServer() {
  impl_->server->stop();
  thread_.join();
  impl_.reset();
  if (on_postgresql()) {
    try {
      admin_exec("DROP DATABASE IF EXISTS \"" + db_.substr(db_.rfind('/') + 1) + "\" WITH (FORCE)");
    } catch (const std::exception&) {
      // The cluster is thrown away after the run.
    }
    return;
  }
  std::error_code ec;
  for (const char* suffix :
       {"", "-wal", "-shm", ".audit-key", ".audit-key.pub", ".served.db", ".served.db-wal",
        ".served.db-shm", ".served.db.audit-key", ".served.db.audit-key.pub"})
    fs::remove(db_ + suffix, ec);
}

Reply Browser::log_in(const std::string& username, const std::string& password) {
  json::object body{{"username", username}, {"password", password}};
  Reply r = request(port_, "POST", "/api/v1/session", json::serialize(body));
  if (r.status == 200) {
    const std::string set = r.headers["set-cookie"];
    cookie_ = set.substr(0, set.find(';'));
    csrf_ = std::string(r.json().at("csrf_token").as_string());
  }
  return r;
}

Reply Browser::get(const std::string& path) const {
  return request(port_, "GET", path, {}, {{"Cookie", cookie_}});
}

Reply Browser::send(const std::string& method, const std::string& path, const std::string& body,
                    bool with_csrf) const {
  std::map<std::string, std::string> h{{"Cookie", cookie_}};
  if (with_csrf) h["X-CSRF-Token"] = csrf_;
  return request(port_, method, path, body, h);
}

std::string intake_body(const std::string& procuratorate, const std::string& party) {
  json::object o{{"procuratorate", procuratorate},
                 {"department", "第一检察部"},
                 {"category", "审查起诉"},
                 {"received_on", "2026-11-20"},
                 {"difficulty", "普通"},
                 {"custody", true},
                 {"parties", json::array{json::value(party)}},
                 {"source_org", "公安局"},
                 {"source_doc_no", "公刑诉字〔2026〕" + std::to_string(++copies) + "号"}};
  return json::serialize(o);
}

std::string case_handled_by(unsigned short port, const std::string& procuratorate,
                            const std::string& manager, const std::string& deputy,
                            const std::string& prosecutor) {
  Browser m(port), d(port), x(port);
  if (m.log_in(manager).status != 200 || d.log_in(deputy).status != 200)
    throw std::runtime_error("log-in failed");
  const Reply me = x.log_in(prosecutor);
  if (me.status != 200) throw std::runtime_error("log-in failed: " + me.body);
  const std::int64_t person = me.json().at("user").at("person_id").as_int64();
  std::int64_t unit = 0;
  const json::value units = m.get("/api/v1/units").json();
  for (const auto& u : units.at("units").as_array())
    if (u.at("lead_id").as_int64() == person && u.at("kind") == "sole")
      unit = u.at("id").as_int64();
  if (!unit) throw std::runtime_error(prosecutor + " leads no sole unit");
  const Reply created = m.post("/api/v1/cases", intake_body(procuratorate));
  if (created.status != 201) throw std::runtime_error("intake: " + created.body);
  const json::value c = created.json();
  const std::string path = "/api/v1/cases/" + std::to_string(c.at("id").as_int64());
  if (c.at("unit_id").as_int64() != unit) {
    const Reply r = m.post(path + "/handler-change-requests", R"({"reason": "workload"})");
    if (r.status != 201) throw std::runtime_error("change request: " + r.body);
    const Reply moved =
        d.post("/api/v1/requests/" + std::to_string(r.json().at("id").as_int64()) + "/decision",
               json::serialize(json::object{{"approve", true}, {"designate_unit_id", unit}}));
    if (moved.status != 200) throw std::runtime_error("change: " + moved.body);
  }
  const Reply started = x.post(path + "/transitions", R"({"action": "start"})");
  if (started.status != 200) throw std::runtime_error("start: " + started.body);
  return path;
}

}  // namespace zeren::test
