// A real server for the HTTP tests: a copy of a demo database, the Beast server on a free loopback
// port in this process (so the clock can be moved), and a small blocking HTTP client.
#pragma once

#include <boost/json.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "domain/ports.hpp"
#include "http/server.hpp"

namespace zeren::test {

// A clock the test moves; starts at the real time.
class ManualClock final : public Clock {
 public:
  ManualClock();
  std::int64_t now_us() const override { return now_.load(); }
  Date today() const override;
  void advance_minutes(std::int64_t m) { now_ += m * 60'000'000LL; }

 private:
  std::atomic<std::int64_t> now_;
};

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; Set-Cookie: the last one
  std::string body;
  boost::json::value json() const;
  std::string error_code() const;   // error.code, or ""
  std::string error_field() const;  // error.field, or ""
};

// A connected socket to 127.0.0.1:port, or -1.
int connect_loopback(unsigned short port);
// Everything the peer sends until it closes the connection.
std::string read_to_close(int fd);
// One raw exchange on a new connection ("Connection: close").
Reply raw_exchange(unsigned short port, const std::string& raw_request);
Reply request(unsigned short port, const std::string& method, const std::string& path,
              const std::string& body = {}, const std::map<std::string, std::string>& headers = {});

// Whether this run serves PostgreSQL copies of the demo (ZEREN_PG_URL_FILE is set: the CTest
// fixture's throwaway cluster) rather than SQLite files.
bool on_postgresql();

struct DemoUser {
  std::string username, password, procuratorate;
  std::vector<std::string> roles;
};
// The demo organisation's accounts, as `zeren demo --json` printed them for the template database.
const std::vector<DemoUser>& demo_users();
const DemoUser& demo_user(const std::string& username);

class TestServer {
 public:
  // A fresh copy of the template demo database (with its year of history), served with `limits`
  // (two threads unless they say otherwise).
  explicit TestServer(http::ServerLimits limits = {});
  ~TestServer();
  unsigned short port() const { return port_; }
  ManualClock& clock() { return clock_; }
  const std::string& database() const { return db_; }
  std::vector<std::string> access_log() const;  // the lines written so far

 private:
  struct Impl;
  ManualClock clock_;
  std::string db_;
  unsigned short port_ = 0;
  std::unique_ptr<Impl> impl_;
  std::thread thread_;
};

// A logged-in user: keeps the session cookie and the CSRF token.
class Browser {
 public:
  explicit Browser(unsigned short port) : port_(port) {}
  Reply log_in(const std::string& username, const std::string& password);
  Reply log_in(const std::string& username) {
    return log_in(username, demo_user(username).password);
  }
  Reply get(const std::string& path) const;
  Reply send(const std::string& method, const std::string& path, const std::string& body,
             bool with_csrf = true) const;
  Reply post(const std::string& path, const std::string& body) const {
    return send("POST", path, body);
  }
  const std::string& csrf() const { return csrf_; }
  const std::string& cookie() const { return cookie_; }

 private:
  unsigned short port_;
  std::string cookie_;  // "zeren_session=…"
  std::string csrf_;
};

// A case intake body for 第一检察部 of the given procuratorate.
std::string intake_body(const std::string& procuratorate, const std::string& party = "张三");

// A fresh 审查起诉 case of `procuratorate` handled by `prosecutor` (placed with their sole unit by
// a change of handler `deputy` approves when the draw chose another unit), started; its path.
std::string case_handled_by(unsigned short port, const std::string& procuratorate,
                            const std::string& manager, const std::string& deputy,
                            const std::string& prosecutor);

}  // namespace zeren::test
