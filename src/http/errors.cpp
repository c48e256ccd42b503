// The one mapping from error kinds to HTTP statuses.
#include <boost/json.hpp>

#include "http/api.hpp"

namespace zeren::http {

namespace {
int status_of(const Error& e) {
  switch (e.kind) {
    case ErrorKind::invalid_argument: return 400;
    case ErrorKind::unauthenticated: return 401;
    case ErrorKind::permission_denied: return 403;
    case ErrorKind::not_found: return 404;
    case ErrorKind::conflict: return 409;
    case ErrorKind::locked: return 423;
    case ErrorKind::rate_limited: return 429;
    case ErrorKind::unavailable: return 503;
    case ErrorKind::storage:
    case ErrorKind::corruption: return 500;
  }
  return 500;
}
}  // namespace

Response json_response(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response error_response(const Error& e) {
  const int status = status_of(e);
  // Database details stay in the server's log; the client gets a stable code and a plain message.
  const bool internal = status >= 500 && e.kind != ErrorKind::unavailable;
  if (internal)
    return json_response(
        status, error_body("internal_error",
                           "服务器内部错误，请稍后重试 (internal error; try again later)"));
  return json_response(status, error_body(e.code, e.message, e.field));
}

std::string error_body(const std::string& code, const std::string& message,
                       const std::string& field) {
  boost::json::object err{{"code", code}, {"message", message}};
  if (!field.empty()) err["field"] = field;
  return boost::json::serialize(boost::json::object{{"error", std::move(err)}});
}

}  // namespace zeren::http
