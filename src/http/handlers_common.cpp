#include <boost/json.hpp>

#include "http/handlers.hpp"

namespace zeren::http {

Response run_json(Api& api, int status,
                  const std::function<Result<boost::json::value>(Transaction&)>& work) {
  std::optional<boost::json::value> out;
  auto s = api.deps.store.transact(
      [&](Transaction& tx) -> Status {
        auto r = work(tx);
        if (!r) return r.error();
        out = std::move(*r);
        return ok_status();
      },
      Api::current_access());
  if (!s) return error_response(s.error());
  return json_response(status, boost::json::serialize(*out));
}

Response error_named(Error e, std::initializer_list<std::pair<const char*, const char*>> renames) {
  for (const auto& [from, to] : renames)
    if (e.field == from) e.field = to;
  return error_response(e);
}

Response run_json(Api& api, int status,
                  const std::function<Result<boost::json::value>(Transaction&)>& work,
                  std::initializer_list<std::pair<const char*, const char*>> renames) {
  std::optional<Error> failed;
  Response r = run_json(api, status, [&](Transaction& tx) -> Result<boost::json::value> {
    auto v = work(tx);
    if (!v) failed = v.error();
    return v;
  });
  return failed ? error_named(*failed, renames) : r;
}

app::Context context_of(Api& api, Who who) {
  // Every request reuses the server's views of the organisation; only one that reads keeps what
  // it read: one that changes data may change the organisation and then roll back, and what it
  // read must not outlive it.
  const bool reads = Api::current_access() != Access::changes;
  return app::Context{who ? who->actor : app::Actor{}, api.deps.clock, nullptr,
                      &api.organisations(), !reads};
}

namespace {
// A positive decimal id of at most 18 digits, or nothing.
std::optional<std::int64_t> positive_id(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v > 0 ? std::optional<std::int64_t>{v} : std::nullopt;
}
}  // namespace

Result<std::int64_t> path_id(const Request& r, const char* name) {
  auto it = r.params.find(name);
  auto v = it == r.params.end() ? std::optional<std::int64_t>{} : positive_id(it->second);
  if (!v) return Error::not_found(name, std::string(name) + " not found");
  return *v;
}

Result<std::optional<std::int64_t>> query_id(const Request& r, const char* name) {
  auto it = r.query.find(name);
  if (it == r.query.end() || it->second.empty()) return std::optional<std::int64_t>{};
  auto v = positive_id(it->second);
  if (!v)
    return Error::invalid(name, "invalid_type", std::string(name) + " must be a positive integer");
  return std::optional<std::int64_t>{v};
}

}  // namespace zeren::http
