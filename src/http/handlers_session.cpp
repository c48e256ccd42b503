// /healthz, /metrics, the OpenAPI document, and log-in / log-out.
#include <boost/json.hpp>

#include "codec/fields.hpp"
#include "http/encode.hpp"
#include "http/handlers.hpp"
#include "http/openapi_document.hpp"

namespace zeren::http {

namespace json = boost::json;

namespace {
constexpr const char* kCookie = "zeren_session";

std::string session_cookie(const Api& api, const std::string& value, bool clear) {
  std::string c = std::string(kCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (clear) c += "; Max-Age=0";
  if (api.options.secure_cookies) c += "; Secure";
  return c;
}

Result<json::value> who_json(Transaction& tx, const app::Context& ctx, const UserAccount& user,
                             const std::string& csrf) {
  auto org = app::view_organisation(tx, ctx);
  json::object u = encode_user(user, org ? org->get() : nullptr);
  if (!org) {  // the auditor reads no organisation; still name their own 院
    auto p = tx.organisation().find_procuratorate(user.procuratorate());
    u["procuratorate"] = p ? p->name() : "";
    u["person"] = "";
  }
  json::array permissions;
  for (const auto& g : app::access_matrix())
    if (app::role_allows(ctx.actor, g.permission)) permissions.emplace_back(std::string(g.id));
  u["permissions"] = permissions;
  return json::value(json::object{{"user", std::move(u)}, {"csrf_token", csrf}});
}
}  // namespace

Response healthz(Api& api, const Request&, Who) {
  if (!api.database_answers())
    return error_response(
        Error{ErrorKind::unavailable, "database_unavailable", "the database does not answer", {}});
  return json_response(200, R"({"status":"ok"})");
}

Response metrics(Api& api, const Request&, Who) {
  std::int64_t open = 0;
  (void)api.deps.store.transact([&](Transaction& tx) -> Status {
    auto n = app::count_live_sessions(tx, api.deps.clock, api.options.sessions);
    if (n) open = *n;
    return ok_status();
  });
  Response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = api.deps.metrics.render(open);
  return r;
}

Response openapi(Api&, const Request&, Who) {
  return json_response(200, std::string(openapi_document()));
}

Response session_create(Api& api, const Request& req, Who) {
  if (api.client_throttled(req.client))
    return error_response(
        Error{ErrorKind::rate_limited,
              "too_many_attempts",
              "登录失败次数过多，请稍后再试 (too many failed log-ins from this address; try later)",
              {}});
  auto body = codec::parse_object(req.body, {"username", "password"});
  if (!body) return error_response(body.error());
  auto username = codec::text_field(*body, "username");
  if (!username) return error_response(username.error());
  auto password = codec::text_field(*body, "password");
  if (!password) return error_response(password.error());
  auto in = app::log_in(api.deps.store, api.deps.clock, api.deps.hasher, api.deps.secrets,
                        api.options.sessions, {*username, *password, req.client});
  if (!in) {
    if (in.error().kind == ErrorKind::unauthenticated) api.note_failed_login(req.client);
    return error_response(in.error());
  }
  Response r = run_json(api, 200, [&](Transaction& tx) {
    return who_json(tx, app::Context{app::Actor::for_account(in->user), api.deps.clock}, in->user,
                    in->session.csrf_token);
  });
  r.headers.emplace_back("Set-Cookie", session_cookie(api, in->token, false));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response session_show(Api& api, const Request&, Who who) {
  Response r = run_json(api, 200, [&](Transaction& tx) {
    return who_json(tx, context_of(api, who), who->user, who->session.csrf_token);
  });
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response session_delete(Api& api, const Request&, Who who) {
  Response r = run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    ZEREN_TRY(app::log_out(tx, context_of(api, who), who->session.id));
    return json::value(json::object{{"logged_out", true}});
  });
  r.headers.emplace_back("Set-Cookie", session_cookie(api, "", true));
  return r;
}

Response session_password(Api& api, const Request& req, Who who) {
  auto body = codec::parse_object(req.body, {"current_password", "new_password"});
  if (!body) return error_response(body.error());
  auto current = codec::text_field(*body, "current_password");
  if (!current) return error_response(current.error());
  auto next = codec::text_field(*body, "new_password");
  if (!next) return error_response(next.error());
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    ZEREN_TRY(app::change_password(tx, context_of(api, who), api.deps.hasher,
                                   {who->user.id(), *current, *next}));
    return json::value(json::object{{"password_changed", true}});
  });
}

}  // namespace zeren::http
