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

Result<std::optional<std::int64_t>> query_id(const Request& r, const char* name) {
  auto it = r.query.find(name);
  if (it == r.query.end() || it->second.empty()) return std::optional<std::int64_t>{};
  const Error bad =
      Error::invalid(name, "invalid_type", std::string(name) + " must be a positive integer");
  if (it->second.size() > 18) return bad;
  std::int64_t v = 0;
  for (char c : it->second) {
    if (c < '0' || c > '9') return bad;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return bad;
  return std::optional<std::int64_t>{v};
}

Result<std::map<std::int64_t, DrawEpoch>> epoch_of(Transaction& tx, const AssignmentRecord& a) {
  std::map<std::int64_t, DrawEpoch> out;
  if (!a.epoch) return out;
  auto open = tx.epochs().open_epochs();
  if (!open) return open.error();
  for (const auto& e : *open)
    if (e.id == *a.epoch) out[e.id.value] = e;
  if (out.empty()) {
    auto all = tx.epochs().list_epochs();
    if (!all) return all.error();
    for (const auto& e : *all)
      if (e.id == *a.epoch) out[e.id.value] = e;
  }
  return out;
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
