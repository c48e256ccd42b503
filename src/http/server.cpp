// Boost.Beast transport. The only translation unit that includes Beast: handlers and routing
// live in api.cpp and never see a socket.
#include "http/server.hpp"

#include "http/client_address.hpp"
#include "http/response_head.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace zeren::http {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class Connection;

struct Server::Impl {
  Handler handler;
  ServerOptions options;
  // One event loop per thread, each run by its own thread alone: a connection lives on one loop
  // from accept to close, so its handlers never need a strand and a request's completions wake
  // no other thread. Loop 0 also holds the acceptor and the signal set, and begin_stop() runs
  // there, so accepting and stopping never race.
  std::vector<std::unique_ptr<net::io_context>> loops;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> keep_running;
  net::thread_pool long_pool;
  tcp::acceptor acceptor;
  net::signal_set signals;
  std::size_t next_loop = 0;  // touched on loop 0 only
  std::atomic<int> connections{0};
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::list<std::weak_ptr<Connection>> live;

  Impl(Handler h, ServerOptions o)
      : handler(std::move(h)),
        options(std::move(o)),
        loops(make_loops(options.limits.threads)),
        long_pool(static_cast<std::size_t>(std::max(options.limits.long_threads, 1))),
        acceptor(*loops.front()),
        signals(*loops.front()) {
    for (auto& loop : loops) keep_running.push_back(net::make_work_guard(*loop));
  }
  static std::vector<std::unique_ptr<net::io_context>> make_loops(int threads) {
    std::vector<std::unique_ptr<net::io_context>> out;
    for (int i = 0; i < std::max(threads, 1); ++i)
      out.push_back(std::make_unique<net::io_context>(1));
    return out;
  }
  void accept();
  void begin_stop();
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, Server::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    client_ = ec ? "unknown" : ep.address().to_string();
  }
  ~Connection() { --server_.connections; }

  void start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  // From the stop signal: a connection waiting for a request gets a short grace instead of its
  // idle time-out, then closes; one whose request is arriving (perhaps already read from the
  // socket by the reactor, its handler not yet run) is served, and closes after its response.
  void stop_if_idle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->idle_) return;
      // A stream's deadline does not move while its read waits, so a timer of our own ends the
      // wait: after a short grace for a request already on its way, the idle connection closes.
      self->body_timer_.expires_after(std::chrono::milliseconds(250));
      self->body_timer_.async_wait([self](beast::error_code e) {
        if (e || !self->idle_ || self->bytes_waiting()) return;
        beast::error_code ignored;
        self->stream_.socket().cancel(ignored);
      });
    });
  }

  // Refuses at once (too many connections). Called on loop 0; the work is done on the
  // connection's own loop.
  void refuse() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->send_refusal(); });
  }

 private:
  void send_refusal() {
    Response r;
    r.status = 503;
    r.body = error_body("too_many_connections", "服务器繁忙，请稍后再试 (server busy)");
    keep_alive_ = false;
    write(std::move(r), true);
  }

  // Whether a request has started to arrive: bytes buffered or waiting in the socket.
  bool bytes_waiting() {
    beast::error_code ec;
    return buffer_.size() > 0 || stream_.socket().available(ec) > 0;
  }

  void read_header() {
    // While stopping, a request that has already arrived is still served; none is waited for.
    if (server_.stopping && !bytes_waiting()) return close();
    idle_ = true;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.limits.header_bytes));
    parser_->body_limit(server_.options.limits.body_bytes);
    stream_.expires_after(server_.options.limits.idle);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    idle_ = false;
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset ||
        ec == net::error::eof)
      return close();
    if (ec) return fail(ec);
    started_ = std::chrono::steady_clock::now();
    // A declared body over the limit is refused before reading it.
    if (auto len = parser_->content_length(); len && *len > server_.options.limits.body_bytes)
      return fail(bhttp::error::body_limit);
    // A request without a body (every GET) is whole with its header: no body to wait for, so no
    // timer to arm and cancel and no read to start.
    if (parser_->is_done()) return run_request();
    // The body's deadline is a timer of our own: the stream's own time-out would close the
    // socket, and the client is owed a 408.
    stream_.expires_never();
    body_late_ = false;
    body_timer_.expires_after(server_.options.limits.body);
    body_timer_.async_wait([self = shared_from_this()](beast::error_code e) {
      if (e) return;
      self->body_late_ = true;
      beast::error_code ignored;
      self->stream_.socket().cancel(ignored);
    });
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code e, std::size_t) { self->on_body(e); });
  }

  void on_body(beast::error_code ec) {
    body_timer_.cancel();
    if (body_late_) return respond_error(408, "request_timeout", "请求超时 (request time-out)");
    if (ec) return fail(ec);
    run_request();
  }

  void run_request() {
    auto& msg = parser_->get();
    Request req;
    req.method = std::string(msg.method_string());
    split_target(std::string_view(msg.target().data(), msg.target().size()), req);
    for (const auto& f : msg) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers[name] = std::string(f.value());
    }
    req.body = std::move(msg.body());
    req.client =
        client_address(client_, req.header("x-forwarded-for"), server_.options.trusted_proxies);
    keep_alive_ = msg.keep_alive() && !server_.stopping;
    if (server_.options.runs_long && server_.options.runs_long(req))
      return hand_off(std::move(req));
    // The handler runs here, on the connection's own loop: it may wait on the database for a
    // few milliseconds, and the loop's other connections wait with it; the other loops go on.
    send(server_.handler(req), req);
  }

  // A long request runs on the long pool; its response comes back to this loop to be sent. The
  // work guard keeps the loop running (through a stop, too) until then.
  void hand_off(Request req) {
    net::post(server_.long_pool, [self = shared_from_this(), req = std::move(req),
                                  guard = net::make_work_guard(stream_.get_executor())] {
      auto r = std::make_shared<Response>(self->server_.handler(req));
      net::post(self->stream_.get_executor(),
                [self, r, req] { self->send(std::move(*r), req); });
    });
  }

  void send(Response r, const Request& req) {
    keep_alive_ = keep_alive_ && !server_.stopping && r.status < 500;
    if (server_.options.access_log) {
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
              .count();
      boost::json::object line{
          {"time_ms", std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count()},
          {"client", req.client},
          {"method", req.method},
          {"path", req.path},
          {"status", r.status},
          {"ms", static_cast<double>(static_cast<long long>(ms * 1000)) / 1000},
          {"bytes", r.body.size()},
          {"actor", r.actor}};
      server_.options.access_log(boost::json::serialize(line));
    }
    write(std::move(r), req.method != "HEAD");
  }

  // The head and the body go out in one gathered write; then the next request is read, or the
  // connection closes. A HEAD response has the head only (its Content-Length is the body's).
  void write(Response r, bool with_body) {
    struct Outgoing {
      std::string head, body;
    };
    auto out = std::make_shared<Outgoing>();
    out->head = response_head(r, bhttp::obsolete_reason(static_cast<bhttp::status>(r.status)),
                              keep_alive_);
    if (with_body && status_has_body(r.status)) out->body = std::move(r.body);
    stream_.expires_after(server_.options.limits.write);
    net::async_write(stream_, std::array{net::buffer(out->head), net::buffer(out->body)},
                     [self = shared_from_this(), out](beast::error_code ec, std::size_t) {
                       if (ec || !self->keep_alive_) return self->close();
                       self->read_header();
                     });
  }

  void respond_error(int status, const char* code, const char* message) {
    Response r;
    r.status = status;
    r.body = error_body(code, message);
    Request req;
    req.method =
        parser_ && parser_->is_header_done() ? std::string(parser_->get().method_string()) : "?";
    req.path = parser_ && parser_->is_header_done() ? std::string(parser_->get().target()) : "?";
    keep_alive_ = false;
    send(std::move(r), req);
  }

  void fail(beast::error_code ec) {
    if (ec == bhttp::error::header_limit)
      return respond_error(431, "headers_too_large", "请求头过大 (request headers too large)");
    if (ec == bhttp::error::body_limit)
      return respond_error(413, "body_too_large", "请求体超过 1 MiB (request body over 1 MiB)");
    if (ec == net::error::operation_aborted || ec == net::error::connection_reset ||
        ec == net::error::eof || ec == bhttp::error::end_of_stream ||
        ec == bhttp::error::partial_message)
      return close();
    return respond_error(400, "bad_request", "请求格式错误 (malformed request)");
  }

  void close() {
    beast::error_code ec;
    // Half-close and let the peer read what was sent before the socket goes away.
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(2));
    auto sink = std::make_shared<std::array<char, 4096>>();
    drain(sink, 0);
  }

  void drain(std::shared_ptr<std::array<char, 4096>> sink, std::size_t total) {
    if (total > (8u << 20)) return stream_.close();
    stream_.async_read_some(net::buffer(*sink), [self = shared_from_this(), sink, total](
                                                    beast::error_code ec, std::size_t n) {
      if (ec) return self->stream_.close();
      self->drain(sink, total + n);
    });
  }

  beast::tcp_stream stream_;
  net::steady_timer body_timer_{stream_.get_executor()};
  bool body_late_ = false;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string client_;
  bool keep_alive_ = false;
  bool idle_ = true;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

void Server::Impl::accept() {
  // Each connection goes to the next loop in turn.
  auto& loop = *loops[next_loop++ % loops.size()];
  acceptor.async_accept(loop, [this](beast::error_code ec, tcp::socket socket) {
    if (ec || stopping) {
      if (!acceptor.is_open() || stopping) return;
      return accept();
    }
    const int n = ++connections;
    auto c = std::make_shared<Connection>(std::move(socket), *this);
    if (n > options.limits.max_connections) {
      c->refuse();
    } else {
      {
        std::lock_guard lock(mu);
        live.remove_if([](const auto& w) { return w.expired(); });
        live.push_back(c);
      }
      c->start();
    }
    accept();
  });
}

// On loop 0. Handlers already posted to the other loops (a connection's start, the idle
// connections' grace) are queued before their loops are let go, so each loop ends only when its
// last connection has closed.
void Server::Impl::begin_stop() {
  if (stopping.exchange(true)) return;
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  {
    std::lock_guard lock(mu);
    for (auto& w : live)
      if (auto c = w.lock()) c->stop_if_idle();
  }
  for (auto& guard : keep_running) guard.reset();
}

Server::Server(Handler handler, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(handler), std::move(options))) {}
Server::~Server() = default;

unsigned short Server::listen() {
  auto& a = impl_->acceptor;
  const tcp::endpoint ep(net::ip::make_address(impl_->options.host), impl_->options.port);
  a.open(ep.protocol());
  a.set_option(net::socket_base::reuse_address(true));
  a.bind(ep);
  a.listen(net::socket_base::max_listen_connections);
  return a.local_endpoint().port();
}

void Server::run(bool handle_signals) {
  if (handle_signals) {
    impl_->signals.add(SIGTERM);
    impl_->signals.add(SIGINT);
    impl_->signals.async_wait([this](beast::error_code ec, int) {
      if (!ec) impl_->begin_stop();
    });
  }
  impl_->accept();
  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < impl_->loops.size(); ++i)
    pool.emplace_back([this, i] { impl_->loops[i]->run(); });
  impl_->loops.front()->run();
  for (auto& t : pool) t.join();
}

void Server::stop() {
  net::post(*impl_->loops.front(), [this] { impl_->begin_stop(); });
}

}  // namespace zeren::http
