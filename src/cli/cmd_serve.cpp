// zeren serve --db PATH|URL [--listen HOST:PORT] [--web-root DIR] [--behind-https]
//   [--trusted-proxy ADDR]... [--threads N]:
// the HTTP API and the web UI. Stops on SIGTERM or SIGINT after the requests in flight.
#include <CLI/CLI.hpp>

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "audit/checkpoint.hpp"
#include "audit/draw_crypto.hpp"
#include "audit/store_audit.hpp"
#include "cli/common.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "security/argon2_password_hasher.hpp"
#include "security/sodium_session_secrets.hpp"

namespace zeren::cli {

namespace {

Result<std::pair<std::string, unsigned short>> parse_listen(const std::string& s) {
  const auto colon = s.rfind(':');
  if (colon == std::string::npos || colon == 0)
    return Error::invalid("listen", "invalid_listen", "--listen is HOST:PORT, e.g. 127.0.0.1:8080");
  const std::string port = s.substr(colon + 1);
  if (port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535)
    return Error::invalid("listen", "invalid_listen", "the port is 0 to 65535");
  return std::pair{s.substr(0, colon), static_cast<unsigned short>(std::stoi(port))};
}

// Signs a checkpoint of the audit log's head now and then, while the server runs.
class Checkpointer {
 public:
  Checkpointer(Session& s, std::chrono::seconds every)
      : thread_([this, &s, every] { loop(s, every); }) {}
  ~Checkpointer() {
    {
      std::lock_guard lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  void loop(Session& s, std::chrono::seconds every) {
    std::unique_lock lock(mu_);
    while (!done_) {
      cv_.wait_for(lock, every, [this] { return done_; });
      lock.unlock();
      if (auto c = checkpoint_after_change(s, system_clock()); !c)
        std::cerr << "checkpoint failed: " << c.error().message << '\n';
      lock.lock();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace

void add_serve(CLI::App& app, Action& run) {
  struct Options {
    std::string db, listen = "127.0.0.1:8080", web_root;
    bool behind_https = false, quiet = false;
    std::vector<std::string> trusted_proxies;
    int threads = 4;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("serve", "serve the HTTP API and the web UI");
  cmd->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
  cmd->add_option("--listen", opt->listen, "address and port")->default_val("127.0.0.1:8080");
  cmd->add_option("--web-root", opt->web_root, "directory of the built web UI");
  cmd->add_flag("--behind-https", opt->behind_https, "a TLS proxy is in front: cookies get Secure");
  cmd->add_option("--trusted-proxy", opt->trusted_proxies,
                  "address of a load balancer in front whose X-Forwarded-For is believed "
                  "(repeatable)");
  cmd->add_option("--threads", opt->threads, "event loops, one thread each")
      ->default_val(4)
      ->check(CLI::Range(1, 64));
  cmd->add_flag("--quiet", opt->quiet, "no access log");
  cmd->callback([opt, &run] {
    run = [opt] {
      auto where = parse_listen(opt->listen);
      if (!where) return report_error(where.error(), false);
      // On SQLite, a read-only connection per event loop and one for the long requests (an audit
      // log verified): pages wait neither for the writer nor for a long read.
      const http::ServerLimits limits;
      auto s = open_session(opt->db, false, std::nullopt, opt->threads + limits.long_threads);
      if (!s) return report_error(s.error(), false);
      const Argon2PasswordHasher hasher;
      const SodiumSessionSecrets secrets;
      const audit::SystemDrawCrypto crypto(s->opened.hash);
      http::Metrics metrics;
      http::ApiOptions api_options;
      api_options.secure_cookies = opt->behind_https;
      api_options.web_root = opt->web_root;
      api_options.chain_hash = static_cast<int>(s->opened.hash);
      api_options.database = opt->db;
      http::Api api({s->store(), system_clock(), hasher, secrets, crypto, metrics}, api_options);
      http::ServerOptions server_options;
      server_options.host = where->first;
      server_options.port = where->second;
      server_options.limits.threads = opt->threads;
      server_options.trusted_proxies = opt->trusted_proxies;
      server_options.runs_long = &http::Api::runs_long;
      std::mutex log_mu;
      if (!opt->quiet)
        server_options.access_log = [&log_mu](const std::string& line) {
          std::lock_guard lock(log_mu);
          std::cerr << line << '\n';
        };
      http::Server server(
          [&](const http::Request& r) {
            const auto t0 = std::chrono::steady_clock::now();
            http::Response res = api.handle(r);
            metrics.request(
                http::Api::route_of(r), res.status,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
            return res;
          },
          server_options);
      unsigned short port = 0;
      try {
        port = server.listen();
      } catch (const std::exception& e) {
        return report_error(Error{ErrorKind::unavailable, "listen_failed",
                                  "cannot listen on " + opt->listen + ": " + e.what(), "listen"},
                            false);
      }
      std::cout << "Zeren 正在监听 listening on http://" << where->first << ":" << port << "/"
                << std::endl;
      {
        Checkpointer checkpoints(*s, std::chrono::seconds(60));
        server.run(true);
      }
      if (auto c = checkpoint_after_change(*s, system_clock()); !c)
        std::cerr << "checkpoint failed: " << c.error().message << '\n';
      std::cout << "Zeren 已停止 stopped" << std::endl;
      return 0;
    };
  });
}

}  // namespace zeren::cli
