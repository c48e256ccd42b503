// The HTTP API under /api/v1 (SPEC §18): one route table, thin handlers (decode → one use case →
// encode), one mapping from errors to statuses. Transport-free: server.cpp feeds it Requests.
#pragma once

#include <atomic>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/organisation_cache.hpp"
#include "app/permissions.hpp"
#include "app/sessions.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"

namespace zeren::http {

struct ApiOptions {
  SessionPolicy sessions;
  bool secure_cookies = false;                           // Secure attribute: behind HTTPS
  std::string web_root;                                  // static files of the web UI, or empty
  int chain_hash = 0;                                    // audit::HashAlgorithm as int (sm3 = 0)
  std::string database;                                  // --db: the checkpoint keys live beside it
  int login_attempts_per_client = 20;                    // failed log-ins per client address …
  std::int64_t login_window_us = 15LL * 60 * 1'000'000;  // … within this window
};

struct ApiDeps {
  Store& store;
  const Clock& clock;
  const PasswordHasher& hasher;
  const SessionSecrets& secrets;
  const DrawCrypto& crypto;
  Metrics& metrics;
};

class Api;
using Handler = std::function<Response(Api&, const Request&, const app::Authenticated*)>;

// How long a route may take: an interactive one answers in milliseconds; a long one (a whole
// audit log verified) may take seconds or minutes, and the transport runs it apart (server.hpp).
enum class Pace { interactive, long_running };

struct Route {
  std::string_view method;
  std::string_view pattern;  // "/api/v1/cases/{id}"
  // What the caller must hold: nullopt with `auth` = any logged-in user (or no one when !auth).
  std::optional<app::Permission> permission;
  bool auth = true;
  bool while_password_change = false;  // reachable before a required password change
  std::string_view summary;
  Handler handler;
  Pace pace = Pace::interactive;
};

// The route table: every endpoint of the server, in one list (the OpenAPI test walks it).
const std::vector<Route>& routes();

class Api {
 public:
  Api(ApiDeps deps, ApiOptions options);
  ~Api();
  // Never throws; every failure is a response.
  Response handle(const Request& request);
  // The route pattern a request matched (for the access log and metrics), or "unmatched".
  static std::string route_of(const Request& request);
  // Whether the request's route is a long one (Pace::long_running).
  static bool runs_long(const Request& request);
  // What the request being handled on this thread is expected to do with the database: a GET or
  // HEAD reads, any other method changes data (so a shared store takes its write lock first).
  // Handlers pass it on to Store::transact (run_json does).
  static Access current_access();

  ApiDeps deps;
  ApiOptions options;

  // Per-client throttle of failed log-ins.
  bool client_throttled(const std::string& client);
  void note_failed_login(const std::string& client);

  // Liveness (GET /healthz): whether the database answered a probe within the last second. At
  // most one probe a second reaches the database however often the check is asked.
  bool database_answers();

  // The views of the organisation this server has read, shared by its requests (context_of).
  app::OrganisationCache& organisations() { return *organisations_; }

 private:
  struct Throttle;
  std::unique_ptr<Throttle> throttle_;
  std::unique_ptr<app::OrganisationCache> organisations_;
  std::atomic<std::int64_t> answered_until_us_{0};
};

// Errors as {"error": {"code", "message", "field"}} with the status of their kind.
Response error_response(const Error& e);
Response json_response(int status, std::string body);

}  // namespace zeren::http
