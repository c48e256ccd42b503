// Transport limits and the graceful stop, against the real server (the last one as a separate
// `zeren serve` process receiving SIGTERM).
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

#include "http/api.hpp"
#include "support.hpp"

namespace zeren::test {
namespace {

TEST(Transport, ABodyOverOneMebibyteIs413) {
  TestServer server;
  const std::string big(2 << 20, 'x');
  auto r = request(server.port(), "POST", "/api/v1/session", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.error_code(), "body_too_large");
}

TEST(Transport, HeadersOverSixteenKibibytesAre431) {
  TestServer server;
  auto r = request(server.port(), "GET", "/healthz", {}, {{"X-Padding", std::string(20000, 'a')}});
  EXPECT_EQ(r.status, 431);
  EXPECT_EQ(
      request(server.port(), "GET", "/healthz", {}, {{"X-Padding", std::string(1000, 'a')}}).status,
      200);
}

TEST(Transport, UnknownPathsAndMethodsAreClearErrors) {
  TestServer server;
  auto missing = request(server.port(), "GET", "/api/v1/nothing-here");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.error_code(), "not_found");
  auto patch = request(server.port(), "PATCH", "/api/v1/cases");
  EXPECT_EQ(patch.status, 405);
  EXPECT_EQ(patch.headers["allow"], "GET, POST");
  auto head = request(server.port(), "HEAD", "/healthz");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.headers["content-length"], "15");  // the length GET's {"status":"ok"} has
  auto garbage = raw_exchange(server.port(), "THIS IS NOT HTTP\r\n\r\n");
  EXPECT_EQ(garbage.status, 400);
}

// `zeren audit verify --json` on a database.
boost::json::object verify_report(const std::string& db) {
  const std::string command =
      std::string(std::getenv("ZEREN_BINARY")) + " audit verify --json --db " + db;
  FILE* p = ::popen(command.c_str(), "r");
  std::string out;
  char buf[4096];
  for (std::size_t n; p && (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  if (p) ::pclose(p);
  boost::system::error_code ec;
  auto v = boost::json::parse(out, ec);
  return !ec && v.is_object() ? v.as_object() : boost::json::object{};
}

TEST(Transport, ConnectionsBeyondTheCapGet503) {
  http::ServerLimits limits;
  limits.max_connections = 2;
  TestServer server(limits);
  const int a = connect_loopback(server.port()), b = connect_loopback(server.port());
  ASSERT_GE(a, 0);
  ASSERT_GE(b, 0);
  // Both are accepted once a request on each has been answered.
  for (int fd : {a, b}) {
    const std::string ping = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    ASSERT_EQ(::send(fd, ping.data(), ping.size(), 0), static_cast<ssize_t>(ping.size()));
    char buf[512];
    ASSERT_GT(::recv(fd, buf, sizeof buf, 0), 0);
  }
  auto third = request(server.port(), "GET", "/healthz");
  EXPECT_EQ(third.status, 503);
  EXPECT_EQ(third.error_code(), "too_many_connections");
  ::close(a);
  ::close(b);
}

TEST(Transport, AnIdleConnectionIsClosedAndASlowBodyGets408) {
  http::ServerLimits limits;
  limits.idle = std::chrono::seconds(1);
  limits.body = std::chrono::seconds(1);
  TestServer server(limits);
  const int idle = connect_loopback(server.port());
  ASSERT_GE(idle, 0);
  EXPECT_EQ(read_to_close(idle), "") << "closed without an answer: no request came";
  ::close(idle);
  const int slow = connect_loopback(server.port());
  ASSERT_GE(slow, 0);
  const std::string head =
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"user";
  ASSERT_EQ(::send(slow, head.data(), head.size(), 0), static_cast<ssize_t>(head.size()));
  const std::string reply = read_to_close(slow);
  ::close(slow);
  EXPECT_EQ(reply.substr(0, 12), "HTTP/1.1 408") << reply;
  EXPECT_NE(reply.find("request_timeout"), std::string::npos);
}

// One event loop serves every connection here: a long request (an audit log verified) must not
// hold up the others, and a stop waits for it to be answered.
TEST(Transport, ALongRequestRunsApartFromItsLoopAndAStopWaitsForIt) {
  std::promise<void> entered, release;
  auto released = release.get_future().share();
  http::ServerOptions options;
  options.port = 0;
  options.limits.threads = 1;
  options.runs_long = [](const http::Request& r) { return r.path == "/long"; };
  http::Server server(
      [&](const http::Request& r) {
        http::Response res;
        res.status = 200;
        if (r.path == "/long") {
          entered.set_value();
          released.wait();
          res.body = "long done";
        } else {
          res.body = "quick";
        }
        return res;
      },
      options);
  const unsigned short port = server.listen();
  std::thread runner([&] { server.run(false); });
  auto long_reply = std::async(std::launch::async, [&] { return request(port, "GET", "/long"); });
  entered.get_future().wait();
  // Were the long request on the loop, this would wait for ever: the guard ends the wait.
  auto quick = std::async(std::launch::async, [&] { return request(port, "GET", "/quick"); });
  const bool answered = quick.wait_for(std::chrono::seconds(60)) == std::future_status::ready;
  server.stop();
  release.set_value();
  EXPECT_TRUE(answered) << "a quick request waited for the long one";
  EXPECT_EQ(quick.get().body, "quick");
  const auto long_done = long_reply.get();
  EXPECT_EQ(long_done.status, 200);
  EXPECT_EQ(long_done.body, "long done") << "the stop came while it ran: it is still answered";
  runner.join();
}

TEST(Transport, VerifyingTheWholeAuditLogIsTheLongRoute) {
  http::Request verify, list;
  verify.method = list.method = "GET";
  verify.path = "/api/v1/audit/verify";
  list.path = "/api/v1/cases";
  EXPECT_TRUE(http::Api::runs_long(verify));
  EXPECT_FALSE(http::Api::runs_long(list));
  verify.method = "POST";
  EXPECT_FALSE(http::Api::runs_long(verify)) << "no such route: not long";
}

TEST(Transport, EveryRequestIsOneStructuredAccessLogLine) {
  TestServer server;
  Browser manager(server.port());
  ASSERT_EQ(manager.log_in("anguan").status, 200);
  ASSERT_EQ(manager.get("/api/v1/cases?limit=1").status, 200);
  const auto log = server.access_log();
  ASSERT_EQ(log.size(), 2u);
  const auto line = boost::json::parse(log.back()).as_object();
  EXPECT_EQ(line.at("method"), "GET");
  EXPECT_EQ(line.at("path"), "/api/v1/cases");
  EXPECT_EQ(line.at("status"), 200);
  EXPECT_EQ(line.at("client"), "127.0.0.1");
  EXPECT_TRUE(std::string(line.at("actor").as_string()).starts_with("user:"));
  EXPECT_TRUE(line.contains("ms"));
}

TEST(Transport, SigtermLetsTheRequestInFlightFinishAndExitsZero) {
  TestServer prepared;  // copies the demo database; the copy is served by a separate process
  // On PostgreSQL the separate process serves the copy itself (two servers on one database).
  std::string db = prepared.database();
  if (!on_postgresql()) {
    db += ".served.db";
    for (const char* suffix : {"", ".audit-key", ".audit-key.pub"})
      std::filesystem::copy_file(prepared.database() + suffix, db + suffix,
                                 std::filesystem::copy_options::overwrite_existing);
  }
  const std::string log_path = (std::filesystem::temp_directory_path() /
                                ("zeren-sigterm-" + std::to_string(::getpid()) + ".log"))
                                   .string();
  const auto before = verify_report(db);
  ASSERT_EQ(before.at("ok"), true);
  int out[2];
  ASSERT_EQ(::pipe(out), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out[1], 1);
    const int err = ::open(log_path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    ::dup2(err, 2);
    ::close(out[0]);
    ::execl(std::getenv("ZEREN_BINARY"), "zeren", "serve", "--db", db.c_str(), "--listen",
            "127.0.0.1:0", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  FILE* from = ::fdopen(out[0], "r");
  char line[256] = {};
  ASSERT_NE(std::fgets(line, sizeof line, from), nullptr);
  const std::string first(line);
  const auto colon = first.rfind(':');
  const auto port = static_cast<unsigned short>(std::stoi(first.substr(colon + 1)));

  // A log-in whose body has only half arrived when the stop comes.
  const std::string body =
      R"({"username": "anguan", "password": ")" + demo_user("anguan").password + R"("})";
  const std::string head =
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n";
  const int fd = connect_loopback(port);
  ASSERT_GE(fd, 0);
  // First a whole request on this keep-alive connection, so the server has surely accepted it.
  const std::string ping = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_EQ(::send(fd, ping.data(), ping.size(), 0), static_cast<ssize_t>(ping.size()));
  std::string pong;
  char one[4096];
  while (pong.find("{\"status\":\"ok\"}") == std::string::npos) {
    const ssize_t n = ::recv(fd, one, sizeof one, 0);
    ASSERT_GT(n, 0);
    pong.append(one, static_cast<std::size_t>(n));
  }
  const std::string part = head + body.substr(0, 10);
  ASSERT_EQ(::send(fd, part.data(), part.size(), 0), static_cast<ssize_t>(part.size()));
  // An idle keep-alive connection, which the stop closes.
  const int idle = connect_loopback(port);
  ASSERT_GE(idle, 0);
  // And one that has been served and now waits idle, as a browser's does: the stop closes it too,
  // rather than waiting out its 60 s idle time-out.
  const int served = connect_loopback(port);
  ASSERT_GE(served, 0);
  ASSERT_EQ(::send(served, ping.data(), ping.size(), 0), static_cast<ssize_t>(ping.size()));
  for (std::string got; got.find("{\"status\":\"ok\"}") == std::string::npos;) {
    const ssize_t n = ::recv(served, one, sizeof one, 0);
    ASSERT_GT(n, 0);
    got.append(one, static_cast<std::size_t>(n));
  }
  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  // The listener closes: wait until new connections are refused.
  for (int i = 0; i < 2000; ++i) {
    const int probe = connect_loopback(port);
    if (probe < 0) break;
    ::close(probe);
    ::usleep(5000);
  }
  const std::string rest = body.substr(10);
  ASSERT_EQ(::send(fd, rest.data(), rest.size(), 0), static_cast<ssize_t>(rest.size()));
  const std::string reply = read_to_close(fd);
  ::close(fd);
  ::close(idle);
  std::ifstream log_file(log_path);
  std::stringstream log;
  log << log_file.rdbuf();
  EXPECT_EQ(reply.substr(0, 12), "HTTP/1.1 200") << reply << "\nserver log:\n" << log.str();
  EXPECT_NE(reply.find("csrf_token"), std::string::npos);
  pollfd closing{served, POLLIN, 0};
  ASSERT_EQ(::poll(&closing, 1, 20'000), 1) << "the stop left a served keep-alive connection open";
  EXPECT_EQ(::recv(served, one, sizeof one, 0), 0);
  ::close(served);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  // The log-in is in the audit log, and the stop signed a checkpoint of the new head.
  const auto after = verify_report(db);
  EXPECT_EQ(after.at("ok"), true);
  EXPECT_GT(after.at("entries").as_int64(), before.at("entries").as_int64());
  EXPECT_EQ(after.at("checkpoints").as_int64(), before.at("checkpoints").as_int64() + 1);
  std::fclose(from);
}

}  // namespace
}  // namespace zeren::test
