// Test support for tests that drive the real `zeren` binary over loopback HTTP (the scale-out
// and crash tests): child processes that die with the test, a small blocking HTTP/1.1 client,
// log-in, and a few readers of JSON and case numbers. Header-only: two test executables use it.
#pragma once

#include <boost/json.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace zeren::loopback {

namespace fs = std::filesystem;
namespace json = boost::json;
using SteadyClock = std::chrono::steady_clock;

constexpr auto kCommandBound = std::chrono::seconds(300);  // a command run to completion
constexpr int kSocketTimeoutSeconds = 60;                  // one read or write on a socket

// Throws with `message` unless `ok`: for setup steps after which nothing else makes sense.
inline void require(bool ok, const std::string& message) {
  if (!ok) throw std::runtime_error(message);
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::int64_t i64(const json::value& v) {
  if (v.is_int64()) return v.as_int64();
  if (v.is_uint64()) return static_cast<std::int64_t>(v.as_uint64());
  if (v.is_double()) return static_cast<std::int64_t>(std::llround(v.as_double()));
  throw std::runtime_error("not a number: " + json::serialize(v));
}
inline double dbl(const json::value& v) {
  return v.is_double() ? v.as_double() : static_cast<double>(i64(v));
}
inline std::string str(const json::value& v) {
  return std::string(v.as_string());
}

// Today in China (the system's calendar day, UTC+8), as YYYY-MM-DD.
inline std::string china_today() {
  const std::time_t t = std::time(nullptr) + 8 * 3600;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// ---------------------------------------------------------------------------------------------
// Child processes. A child gets SIGKILL when the test process dies (PR_SET_PDEATHSIG), so a
// crashed or killed test leaves no server behind; stdout and stderr go to files.

struct Child {
  pid_t pid = -1;
  fs::path out, err;
};

inline Child spawn(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const std::string out_s = out.string(), err_s = err.string();
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  require(pid >= 0, std::string("fork failed: ") + std::strerror(errno));
  if (pid == 0) {
    // Only async-signal-safe calls from here to exec.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(126);
    const int in_fd = ::open("/dev/null", O_RDONLY);
    const int out_fd = ::open(out_s.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = ::open(err_s.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in_fd < 0 || out_fd < 0 || err_fd < 0) ::_exit(126);
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return Child{pid, out, err};
}

// The child's exit status (128 + signal when killed), or nullopt when it is still running at
// `deadline`. Polls: waitpid has no time-out.
inline std::optional<int> wait_until(pid_t pid, SteadyClock::time_point deadline) {
  for (;;) {
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (r < 0) return -1;
    if (SteadyClock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

struct Ran {
  int status = -1;  // -1: did not finish within the bound (then killed)
  std::string out, err;
};

// Runs a command to completion (bounded by `bound`), capturing its output in `dir`.
inline Ran run_command(const std::vector<std::string>& args, const fs::path& dir,
                       const std::string& tag, std::chrono::seconds bound = kCommandBound) {
  Child c = spawn(args, dir / (tag + ".out"), dir / (tag + ".err"));
  Ran r;
  auto status = wait_until(c.pid, SteadyClock::now() + bound);
  if (!status) {
    ::kill(c.pid, SIGKILL);
    ::waitpid(c.pid, nullptr, 0);
  }
  r.status = status.value_or(-1);
  r.out = slurp(c.out);
  r.err = slurp(c.err);
  return r;
}

// ---------------------------------------------------------------------------------------------
// A small blocking HTTP/1.1 client with one keep-alive connection to 127.0.0.1:port.

struct Reply {
  int status = 0;                    // 0: no answer (see `failure`)
  std::string failure = "not sent";  // the transport error when status is 0
  std::string body;
  std::string set_cookie;
  json::value json() const { return json::parse(body); }
  // "201", or "500 internal_error", or "0 connection reset by peer": for reports.
  std::string summary() const {
    if (status == 0) return "0 " + failure;
    boost::system::error_code ec;
    auto v = json::parse(body, ec);
    if (!ec && v.is_object() && v.as_object().contains("error"))
      return std::to_string(status) + " " + json::serialize(v.at("error"));
    return std::to_string(status);
  }
};

class Connection {
 public:
  explicit Connection(unsigned short port) : port_(port) {}
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() { drop(); }

  // One request. `retry_if_stale`: when a reused connection turns out closed before any byte of
  // the answer arrived, send once more on a new connection (only for requests that are safe to
  // repeat: never for an intake).
  Reply exchange(const std::string& method, const std::string& target, const std::string& body,
                 const std::vector<std::pair<std::string, std::string>>& headers,
                 bool retry_if_stale) {
    const bool reused = fd_ >= 0;
    bool got_bytes = false;
    Reply r = attempt(method, target, body, headers, got_bytes);
    if (r.status == 0 && reused && !got_bytes && retry_if_stale)
      r = attempt(method, target, body, headers, got_bytes);
    return r;
  }

 private:
  Reply attempt(const std::string& method, const std::string& target, const std::string& body,
                const std::vector<std::pair<std::string, std::string>>& headers, bool& got_bytes) {
    Reply r;
    got_bytes = false;
    if (fd_ < 0 && !open(r)) return r;
    std::string raw = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& [k, v] : headers) raw += k + ": " + v + "\r\n";
    if (!body.empty() || method == "POST" || method == "PUT")
      raw += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
             "\r\n";
    raw += "\r\n" + body;
    for (std::size_t sent = 0; sent < raw.size();) {
      const ssize_t n = ::send(fd_, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return fail(r, "send: " + errno_text());
      sent += static_cast<std::size_t>(n);
    }
    // The header block.
    std::size_t head_end;
    while ((head_end = in_.find("\r\n\r\n")) == std::string::npos) {
      if (!read_more(r)) return r;
      got_bytes = true;
    }
    got_bytes = true;
    const std::string head = in_.substr(0, head_end);
    in_.erase(0, head_end + 4);
    if (head.size() < 12 || head.compare(0, 5, "HTTP/") != 0)
      return fail(r, "malformed status line: " + head.substr(0, 40));
    r.status = std::atoi(head.c_str() + 9);
    std::optional<std::size_t> length;
    bool close_after = false;
    std::istringstream lines(head);
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const auto start = line.find_first_not_of(' ', colon + 1);
      const std::string value = start == std::string::npos ? "" : line.substr(start);
      if (name == "content-length") length = std::stoull(value);
      if (name == "connection" && (value == "close" || value == "Close")) close_after = true;
      if (name == "set-cookie") r.set_cookie = value;
      if (name == "transfer-encoding") return fail(r, "a chunked answer (not expected)");
    }
    if (length) {
      while (in_.size() < *length)
        if (!read_more(r)) return r;
      r.body = in_.substr(0, *length);
      in_.erase(0, *length);
    } else {  // no length: the body runs to the end of the connection
      close_after = true;
      Reply ignored;
      while (read_more(ignored)) {
      }
      r.body = std::move(in_);
      in_.clear();
    }
    if (close_after) drop();
    return r;
  }

  bool open(Reply& r) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return fail(r, "socket: " + errno_text()), false;
    timeval tv{kSocketTimeoutSeconds, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    const int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port_);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
      return fail(r, "connect: " + errno_text()), false;
    return true;
  }

  bool read_more(Reply& r) {
    char buf[65536];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n > 0) {
      in_.append(buf, static_cast<std::size_t>(n));
      return true;
    }
    fail(r, n == 0 ? "connection closed by the server" : "recv: " + errno_text());
    return false;
  }

  Reply& fail(Reply& r, const std::string& why) {
    r.status = 0;
    r.failure = why;
    drop();
    return r;
  }

  void drop() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    in_.clear();
  }

  static std::string errno_text() {
    return errno == EAGAIN || errno == EWOULDBLOCK
               ? "timed out after " + std::to_string(kSocketTimeoutSeconds) + " s"
               : std::strerror(errno);
  }

  unsigned short port_;
  int fd_ = -1;
  std::string in_;  // bytes received and not yet consumed
};

// A logged-in account: the session cookie and the CSRF token.
struct Login {
  std::string username;
  std::string cookie;  // "zeren_session=…"
  std::string csrf;
};

inline Reply call(Connection& c, const Login* who, const std::string& method,
                  const std::string& target, const std::string& body = {}) {
  std::vector<std::pair<std::string, std::string>> h;
  if (who) {
    h.emplace_back("Cookie", who->cookie);
    if (method != "GET") h.emplace_back("X-CSRF-Token", who->csrf);
  }
  return c.exchange(method, target, body, h, /*retry_if_stale=*/method == "GET");
}

inline Login log_in(unsigned short port, const std::string& username, const std::string& password) {
  Connection c(port);
  const Reply r =
      call(c, nullptr, "POST", "/api/v1/session",
           json::serialize(json::object{{"username", username}, {"password", password}}));
  require(r.status == 200,
          "log-in of " + username + " on port " + std::to_string(port) + " failed: " + r.summary());
  Login l;
  l.username = username;
  l.cookie = r.set_cookie.substr(0, r.set_cookie.find(';'));
  l.csrf = str(r.json().at("csrf_token"));
  require(!l.cookie.empty() && !l.csrf.empty(), "log-in of " + username + " gave no session");
  return l;
}

// A JSON answer with the expected status, or a thrown error naming the request.
inline json::value expect_json(const Reply& r, int status, const std::string& what) {
  require(r.status == status, what + ": expected " + std::to_string(status) + ", got " +
                                  r.summary() + (r.status ? "\n" + r.body.substr(0, 500) : ""));
  return r.json();
}

// "嘉检刑诉受〔2026〕12号" → {"嘉检刑诉受〔2026〕", 12}: the counter's prefix and the serial.
inline std::optional<std::pair<std::string, std::int64_t>> split_number(const std::string& number) {
  const std::string suffix = "号";
  if (number.size() <= suffix.size() ||
      number.compare(number.size() - suffix.size(), suffix.size(), suffix) != 0)
    return std::nullopt;
  const std::string body = number.substr(0, number.size() - suffix.size());
  std::size_t digits = body.size();
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(body[digits - 1]))) --digits;
  if (digits == body.size() || body.size() - digits > 12) return std::nullopt;
  return std::pair{body.substr(0, digits), std::stoll(body.substr(digits))};
}

inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

// Waits for `zeren serve --listen 127.0.0.1:0` to print the port it listens on ("listening on
// http://127.0.0.1:PORT/") and for /healthz to answer 200; throws when the server exits first or
// `bound` passes.
inline unsigned short wait_until_serving(const Child& server, std::chrono::seconds bound) {
  const auto deadline = SteadyClock::now() + bound;
  const std::string marker = "listening on http://127.0.0.1:";
  unsigned short port = 0;
  while (port == 0) {
    if (auto exited = wait_until(server.pid, SteadyClock::now()))
      throw std::runtime_error("zeren serve exited with " + std::to_string(*exited) +
                               " before listening: " + slurp(server.err));
    const std::string out = slurp(server.out);
    if (auto at = out.find(marker); at != std::string::npos) {
      const auto digits = out.substr(at + marker.size());
      if (digits.find('/') != std::string::npos)
        port = static_cast<unsigned short>(std::stoi(digits));
    }
    require(SteadyClock::now() < deadline, "zeren serve printed no port within " +
                                               std::to_string(bound.count()) +
                                               " s; stderr: " + slurp(server.err));
    if (port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  for (Connection c(port);;) {
    if (call(c, nullptr, "GET", "/healthz").status == 200) break;
    require(SteadyClock::now() < deadline,
            "zeren serve did not answer /healthz within " + std::to_string(bound.count()) + " s");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return port;
}

}  // namespace zeren::loopback
