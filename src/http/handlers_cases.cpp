// Cases: the list, intake with its assignment, one case with its explanation, re-verifying a draw.
#include <boost/json.hpp>

#include "audit/verify_draw.hpp"
#include "codec/case_codec.hpp"
#include "http/encode.hpp"
#include "http/handlers.hpp"

namespace zeren::http {

namespace json = boost::json;

namespace {

Result<app::CaseFilter> filter_of(const Request& req) {
  app::CaseFilter f;
  auto get = [&](const char* key) -> std::string {
    auto it = req.query.find(key);
    return it == req.query.end() ? std::string() : it->second;
  };
  auto id = [&](const char* key) { return query_id(req, key); };
  auto date = [&](const char* key) -> Result<std::optional<Date>> {
    const std::string v = get(key);
    if (v.empty()) return std::optional<Date>{};
    auto d = Date::parse(v, key);
    if (!d) return d.error();
    return std::optional<Date>{*d};
  };
  if (auto s = get("status"); !s.empty()) {
    auto v = parse_term<CaseStatus>(s, "status");
    if (!v) return v.error();
    f.status = *v;
  }
  if (auto s = get("category"); !s.empty()) {
    auto v = parse_term<CaseCategory>(s, "category");
    if (!v) return v.error();
    f.category = *v;
  }
  auto dept = id("department");
  if (!dept) return dept.error();
  if (*dept) f.department = DepartmentId{**dept};
  auto unit = id("unit");
  if (!unit) return unit.error();
  if (*unit) f.unit = UnitId{**unit};
  auto from = date("received_from");
  if (!from) return from.error();
  f.received_from = *from;
  auto to = date("received_to");
  if (!to) return to.error();
  f.received_to = *to;
  f.text = get("q");
  if (auto m = get("mine"); !m.empty()) {
    if (m != "true" && m != "false")
      return Error::invalid("mine", "not_boolean", "mine is true or false");
    f.mine = m == "true";
  }
  if (f.text.size() > 200) return Error::invalid("q", "too_long", "q is at most 200 bytes");
  auto cursor = id("cursor");
  if (!cursor) return cursor.error();
  if (*cursor) f.cursor = CaseId{**cursor};
  auto limit = id("limit");
  if (!limit) return limit.error();
  if (*limit) {
    if (**limit > 200) return Error::invalid("limit", "out_of_range", "limit is 1 to 200");
    f.limit = static_cast<int>(**limit);
  }
  return f;
}

}  // namespace

Response cases_list(Api& api, const Request& req, Who who) {
  auto filter = filter_of(req);
  if (!filter) return error_response(filter.error());
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    auto page = app::list_cases(tx, ctx, *filter);
    if (!page) return page.error();
    auto org = app::view_organisation(tx, ctx);
    if (!org) return org.error();
    json::array items;
    for (const auto& row : page->cases) {
      auto o = encode_case(row, **org);
      auto deadline = encode_deadline(row, ctx.clock.today());
      o["due"] = deadline.is_object() ? deadline.as_object().at("due") : json::value(nullptr);
      o["days_left"] =
          deadline.is_object() ? deadline.as_object().at("days_left") : json::value(nullptr);
      o["deadline"] = std::move(deadline);
      items.push_back(std::move(o));
    }
    return json::value(
        json::object{{"cases", std::move(items)},
                     {"next_cursor", page->next_cursor ? json::value(page->next_cursor->value)
                                                       : json::value(nullptr)}});
  });
}

Response cases_add(Api& api, const Request& req, Who who) {
  std::optional<AssignmentMethod> method;
  Response r = run_json(api, 201, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    auto intake = codec::decode_intake(tx, req.body);
    if (!intake) return intake.error();
    auto done = app::intake_case(tx, ctx, api.deps.crypto, std::move(*intake));
    if (!done) return done.error();
    auto org = app::view_organisation(tx, ctx);
    if (!org) return org.error();
    json::object out = encode_case(done->c, **org);
    out["case_id"] = done->c.id().value;
    out["case_number"] = done->c.number();
    out["assignment"] = nullptr;
    if (done->assignment) {
      auto epochs = app::draw_epochs(tx, {*done->assignment});
      if (!epochs) return epochs.error();
      out["assignment"] = encode_assignment(*done->assignment, **org, *epochs);
    }
    if (!done->assignment) out["unassigned_reason"] = done->unassigned_reason;
    if (done->assignment) method = done->assignment->method;
    return json::value(std::move(out));
  });
  if (r.status == 201) {
    if (method) api.deps.metrics.assignment(std::string(code_of(*method)));
    const auto body = json::parse(r.body);
    r.headers.emplace_back("Location", "/api/v1/cases/" + std::to_string(body.at("id").as_int64()));
  }
  return r;
}

Result<json::object> case_answer(Transaction& tx, const app::Context& ctx, CaseId id) {
  auto d = app::show_case(tx, ctx, id);
  if (!d) return d.error();
  auto org = app::view_organisation(tx, ctx);
  if (!org) return org.error();
  json::object out = encode_case(d->c, **org);
  json::array assignments, requests, timeline;
  for (const auto& a : d->assignments) assignments.push_back(encode_assignment(a, **org, d->epochs));
  for (const auto& r : d->requests) requests.push_back(encode_request(r, **org));
  for (const auto& e : d->timeline) {
    auto entry = encode_entry(e);
    const auto name = d->actor_names.find(e.event.actor);
    entry["actor_name"] = name == d->actor_names.end() ? e.event.actor : name->second;
    timeline.push_back(std::move(entry));
  }
  out["assignment"] = assignments.empty() ? json::value(nullptr) : assignments.back();
  out["assignments"] = assignments;
  out["requests"] = requests;
  out["timeline"] = timeline;
  auto handling = app::show_handling(tx, ctx, d->c);
  if (!handling) return handling.error();
  encode_handling(out, d->c, *handling, **org);
  return out;
}

Response cases_show(Api& api, const Request& req, Who who) {
  auto id = path_id(req, "id");
  if (!id) return error_response(Error::not_found("case", "the case not found"));
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    auto out = case_answer(tx, context_of(api, who), CaseId{*id});
    if (!out) return out.error();
    return json::value(std::move(*out));
  });
}

Response cases_verify_draw(Api& api, const Request& req, Who who) {
  auto id = path_id(req, "id");
  auto assignment = path_id(req, "assignment");
  if (!id || !assignment)
    return error_response(Error::not_found("assignment", "the assignment not found"));
  std::optional<AssignmentRecord> record;
  auto s = api.deps.store.transact([&](Transaction& tx) -> Status {
    auto d = app::show_case(tx, context_of(api, who), CaseId{*id});
    if (!d) return d.error();
    for (const auto& a : d->assignments)
      if (a.id.value == *assignment) record = a;
    if (!record) return Error::not_found("assignment", "the assignment not found");
    return ok_status();
  });
  if (!s) return error_response(s.error());
  if (!record->epoch)
    return error_response(Error::invalid(
        "assignment", "not_a_draw",
        "该分案不是随机分案，没有可验证的抽签 (this assignment was not a random draw)"));
  auto report =
      audit::verify_draw(api.deps.store, static_cast<audit::HashAlgorithm>(api.options.chain_hash),
                         record->audit_seq, record->epoch->value);
  if (!report) return error_response(report.error());
  json::object out{{"ok", report->ok},
                   {"revealed", report->revealed},
                   {"seq", report->seq},
                   {"problem", report->problem}};
  return json_response(200, json::serialize(out));
}

}  // namespace zeren::http
