// The HTTP transport (Boost.Beast): a listener and one session per connection, on a few event
// loops of one thread each. Every transport limit is here, in ServerLimits.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace zeren::http {

struct ServerLimits {
  std::size_t body_bytes = 1 << 20;      // larger bodies: 413
  std::size_t header_bytes = 16 * 1024;  // larger header blocks: 431
  std::chrono::seconds idle{60};         // waiting for (and reading) a request's header
  std::chrono::seconds body{15};         // reading a request's body once its header is in
  std::chrono::seconds write{15};        // sending a response
  int max_connections = 256;             // more: 503 and close
  int threads = 4;                       // event loops, each on its own thread
  int long_threads = 1;                  // threads for ServerOptions::runs_long's requests
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port
  ServerLimits limits;
  // Addresses of the load balancers or proxies in front, whose X-Forwarded-For is believed.
  std::vector<std::string> trusted_proxies;
  // Requests that may take seconds: they run on threads of their own, not on their connection's
  // event loop, whose other connections would otherwise wait for them. Empty: none.
  std::function<bool(const Request&)> runs_long;
  // One line per request (structured: JSON). Called from the loops' threads.
  std::function<void(const std::string&)> access_log;
};

class Server {
 public:
  using Handler = std::function<Response(const Request&)>;
  Server(Handler handler, ServerOptions options);
  ~Server();
  // Binds and listens; the bound port (useful with port 0).
  unsigned short listen();
  // Runs until stop(): SIGTERM/SIGINT when `handle_signals`. In-flight requests finish; idle
  // connections close; then run() returns.
  void run(bool handle_signals);
  void stop();

  struct Impl;  // defined in server.cpp

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace zeren::http
