#include <boost/json.hpp>

#include "http/handlers.hpp"

namespace zeren::http {

Response run_json(Api& api, int status,
                  const std::function<Result<boost::json::value>(Transaction&)>& work) {
  std::optional<boost::json::value> out;
  auto s = api.deps.store.transact([&](Transaction& tx) -> Status {
    auto r = work(tx);
    if (!r) return r.error();
    out = std::move(*r);
    return ok_status();
  });
  if (!s) return error_response(s.error());
  return json_response(status, boost::json::serialize(*out));
}

app::Context context_of(Api& api, Who who) {
  return app::Context{who ? who->actor : app::Actor{}, api.deps.clock};
}

Result<std::int64_t> path_id(const Request& r, const char* name) {
  auto it = r.params.find(name);
  if (it == r.params.end() || it->second.empty() || it->second.size() > 18)
    return Error::not_found(name, std::string(name) + " not found");
  std::int64_t v = 0;
  for (char c : it->second) {
    if (c < '0' || c > '9') return Error::not_found(name, std::string(name) + " not found");
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return Error::not_found(name, std::string(name) + " not found");
  return v;
}

}  // namespace zeren::http
