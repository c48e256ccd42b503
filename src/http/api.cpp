// Dispatch: match the route, authenticate, check CSRF and the role matrix, run the handler.
#include "http/api.hpp"

#include <chrono>

#include <deque>
#include <map>
#include <mutex>

#include "http/static_files.hpp"

namespace zeren::http {

struct Api::Throttle {
  std::mutex mu;
  std::map<std::string, std::deque<std::int64_t>> failures;
};

Api::Api(ApiDeps d, ApiOptions o)
    : deps(d),
      options(std::move(o)),
      throttle_(std::make_unique<Throttle>()),
      organisations_(std::make_unique<app::OrganisationCache>()) {}
Api::~Api() = default;

namespace {

// The access of the request this thread is handling, set around its handler.
thread_local Access request_access = Access::reads;

struct AccessOfRequest {
  explicit AccessOfRequest(const std::string& method) {
    request_access = method == "GET" || method == "HEAD" ? Access::views : Access::changes;
  }
  ~AccessOfRequest() { request_access = Access::reads; }
};

}  // namespace

Access Api::current_access() {
  return request_access;
}

namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    const std::size_t next = path.find('/', pos);
    const std::size_t end = next == std::string_view::npos ? path.size() : next;
    if (end > pos) out.push_back(path.substr(pos, end - pos));
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return out;
}

bool match(std::string_view pattern, std::string_view path,
           std::map<std::string, std::string>* params) {
  const auto p = segments(pattern), s = segments(path);
  if (p.size() != s.size()) return false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i].size() > 2 && p[i].front() == '{' && p[i].back() == '}') {
      if (params) (*params)[std::string(p[i].substr(1, p[i].size() - 2))] = std::string(s[i]);
    } else if (p[i] != s[i]) {
      return false;
    }
  }
  return true;
}

bool csrf_exempt(const Request& r) {
  return r.method == "GET" || r.method == "HEAD";
}

}  // namespace

std::string Api::route_of(const Request& request) {
  for (const auto& r : routes())
    if (match(r.pattern, request.path, nullptr)) return std::string(r.pattern);
  return request.path.rfind("/api/", 0) == 0 ? "unmatched" : "static";
}

bool Api::runs_long(const Request& request) {
  // Asked of every request: only the few long routes are matched.
  for (const auto& r : routes())
    if (r.pace == Pace::long_running && r.method == request.method &&
        match(r.pattern, request.path, nullptr))
      return true;
  return false;
}

bool Api::client_throttled(const std::string& client) {
  std::lock_guard lock(throttle_->mu);
  auto& q = throttle_->failures[client];
  const std::int64_t now = deps.clock.now_us();
  while (!q.empty() && q.front() <= now - options.login_window_us) q.pop_front();
  return static_cast<int>(q.size()) >= options.login_attempts_per_client;
}

void Api::note_failed_login(const std::string& client) {
  std::lock_guard lock(throttle_->mu);
  throttle_->failures[client].push_back(deps.clock.now_us());
}

bool Api::database_answers() {
  constexpr std::int64_t kProbeEveryUs = 1'000'000;
  // The steady clock, not deps.clock: a test's fixed clock must not keep an old answer forever.
  const std::int64_t now = std::chrono::duration_cast<std::chrono::microseconds>(
                               std::chrono::steady_clock::now().time_since_epoch())
                               .count();
  if (now < answered_until_us_.load(std::memory_order_relaxed)) return true;
  // A read of a small table: the audit log's size would wait for the chain's lock.
  const Status s = deps.store.transact([](Transaction& tx) -> Status {
    auto n = tx.organisation().find_procuratorate_by_code("");
    return n || n.error().kind == ErrorKind::not_found ? ok_status() : Status(n.error());
  });
  if (!s) return false;
  answered_until_us_.store(now + kProbeEveryUs, std::memory_order_relaxed);
  return true;
}

Response Api::handle(const Request& in) {
  try {
    Request request = in;
    const Route* route = nullptr;
    bool path_known = false;
    std::string allow;
    // HEAD is GET without the body (the transport drops it).
    const std::string method = request.method == "HEAD" ? "GET" : request.method;
    for (const auto& r : routes()) {
      std::map<std::string, std::string> params;
      if (!match(r.pattern, request.path, &params)) continue;
      path_known = true;
      allow += (allow.empty() ? "" : ", ") + std::string(r.method);
      if (r.method != method) continue;
      route = &r;
      request.params = std::move(params);
      break;
    }
    if (!route) {
      if (path_known) {
        Response res = error_response(Error{ErrorKind::invalid_argument,
                                            "method_not_allowed",
                                            "method not allowed on this path",
                                            {}});
        res.status = 405;
        res.headers.emplace_back("Allow", allow);
        return res;
      }
      if (request.path.rfind("/api/", 0) != 0 && !options.web_root.empty() &&
          (request.method == "GET" || request.method == "HEAD"))
        return serve_static(options.web_root, request.path);
      return error_response(Error::not_found("path", "no such endpoint: " + request.path));
    }
    if (!route->auth) return route->handler(*this, request, nullptr);

    std::optional<app::Authenticated> who;
    // It may touch the session, but appends nothing to the audit log.
    auto status = deps.store.transact(
        [&](Transaction& tx) -> Status {
          auto a = app::authenticate(tx, deps.clock, deps.secrets, options.sessions,
                                     request.cookie("zeren_session"));
          if (!a) return a.error();
          who = std::move(*a);
          return ok_status();
        },
        Access::views);
    if (!status) return error_response(status.error());
    if (!csrf_exempt(request)) {
      const std::string token = request.header("x-csrf-token");
      if (token.empty() || token != who->session.csrf_token)
        return error_response(Error::refused(
            "csrf_required",
            "缺少或错误的 X-CSRF-Token 请求头 (the X-CSRF-Token header is missing or wrong)"));
    }
    if (who->user.must_change_password() && !route->while_password_change)
      return error_response(Error::refused(
          "password_change_required", "请先修改初始密码 (change your initial password first)"));
    if (route->permission && !app::role_allows(who->actor, *route->permission))
      return error_response(Error::denied("您的角色无此权限 (your roles do not allow this)"));
    const AccessOfRequest access(request.method);
    Response r = route->handler(*this, request, &*who);
    r.actor = who->actor.id;
    return r;
  } catch (const std::exception& e) {
    return error_response(Error{ErrorKind::storage, "internal_error", e.what(), {}});
  }
}

}  // namespace zeren::http
