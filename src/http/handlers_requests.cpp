// 指定分案 and 更换承办人 requests, their decisions, the approvals inbox and alerts.
#include <boost/json.hpp>

#include "app/use_cases.hpp"
#include "codec/fields.hpp"
#include "http/encode.hpp"
#include "http/handlers.hpp"

namespace zeren::http {

namespace json = boost::json;

namespace {
Result<json::value> request_answer(Transaction& tx, const app::Context& ctx, RequestId id) {
  auto org = app::view_organisation(tx, ctx);
  if (!org) return org.error();
  auto r = tx.assignments().find_request(id);
  if (!r) return r.error();
  return json::value(encode_request(*r, **org));
}
}  // namespace

Response requests_designation(Api& api, const Request& req, Who who) {
  auto id = path_id(req, "id");
  if (!id) return error_response(Error::not_found("case", "the case not found"));
  auto body = codec::parse_object(req.body, {"unit_id", "reason", "reason_text"});
  if (!body) return error_response(body.error());
  auto unit = codec::id_field(*body, "unit_id");
  if (!unit) return error_response(unit.error());
  auto reason = codec::text_field(*body, "reason");
  if (!reason) return error_response(reason.error());
  auto text = codec::text_field(*body, "reason_text", false);
  if (!text) return error_response(text.error());
  return run_json(
      api, 201,
      [&](Transaction& tx) -> Result<json::value> {
        const auto ctx = context_of(api, who);
        auto r = app::request_designation(tx, ctx, {CaseId{*id}, UnitId{**unit}, *reason, *text});
        if (!r) return r.error();
        return request_answer(tx, ctx, *r);
      },
      {{"unit", "unit_id"}});
}

Response requests_change(Api& api, const Request& req, Who who) {
  auto id = path_id(req, "id");
  if (!id) return error_response(Error::not_found("case", "the case not found"));
  auto body = codec::parse_object(req.body, {"reason", "reason_text"});
  if (!body) return error_response(body.error());
  auto reason = codec::text_field(*body, "reason");
  if (!reason) return error_response(reason.error());
  auto text = codec::text_field(*body, "reason_text", false);
  if (!text) return error_response(text.error());
  return run_json(api, 201, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    auto r = app::request_change_of_handler(tx, ctx, {CaseId{*id}, *reason, *text});
    if (!r) return r.error();
    return request_answer(tx, ctx, *r);
  });
}

Response requests_list(Api& api, const Request& req, Who who) {
  const bool pending = req.query.contains("status") && req.query.at("status") == "pending";
  if (req.query.contains("status") && !pending && req.query.at("status") != "all")
    return error_response(Error::invalid("status", "invalid_status", "status is pending or all"));
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    auto list = app::list_requests(tx, ctx, pending);
    if (!list) return list.error();
    auto org = app::view_organisation(tx, ctx);
    if (!org) return org.error();
    json::array items;
    for (const auto& r : *list) items.push_back(encode_request(r, **org));
    return json::value(json::object{{"requests", std::move(items)}});
  });
}

Response requests_decide(Api& api, const Request& req, Who who) {
  auto id = path_id(req, "id");
  if (!id) return error_response(Error::not_found("request", "the request not found"));
  auto body = codec::parse_object(req.body, {"approve", "note", "designate_unit_id"});
  if (!body) return error_response(body.error());
  auto approve = codec::required_bool(*body, "approve");
  if (!approve) return error_response(approve.error());
  auto note = codec::text_field(*body, "note", false);
  if (!note) return error_response(note.error());
  auto designate = codec::id_field(*body, "designate_unit_id", false);
  if (!designate) return error_response(designate.error());
  std::optional<AssignmentMethod> method;
  Response r = run_json(api, 200,
                        [&](Transaction& tx) -> Result<json::value> {
                          const auto ctx = context_of(api, who);
                          std::optional<UnitId> unit;
                          if (*designate) unit = UnitId{**designate};
                          auto rec = app::decide_request(tx, ctx, api.deps.crypto,
                                                         {RequestId{*id}, *approve, *note, unit});
                          if (!rec) return rec.error();
                          auto answer = request_answer(tx, ctx, RequestId{*id});
                          if (!answer) return answer.error();
                          auto org = app::view_organisation(tx, ctx);
                          if (!org) return org.error();
                          json::object out = answer->as_object();
                          out["assignment"] = nullptr;
                          if (*rec) {
                            auto epochs = app::draw_epochs(tx, {**rec});
                            if (!epochs) return epochs.error();
                            out["assignment"] = encode_assignment(**rec, **org, *epochs);
                          }
                          if (*rec) method = (*rec)->method;
                          return json::value(std::move(out));
                        },
                        {{"designate", "designate_unit_id"}, {"unit", "designate_unit_id"}});
  if (method) api.deps.metrics.assignment(std::string(code_of(*method)));
  return r;
}

Response approvals(Api& api, const Request&, Who who) {
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    auto inbox = app::approvals_inbox(tx, ctx);
    if (!inbox) return inbox.error();
    json::array requests, plans;
    if (!inbox->requests.empty() || !inbox->plans.empty()) {
      auto org = app::view_organisation(tx, ctx);
      if (!org) return org.error();
      for (const auto& r : inbox->requests) {
        json::object o = encode_request(r, **org);
        auto c = tx.cases().find_case(r.case_id);
        if (c) o["case_number"] = c->number();
        requests.push_back(std::move(o));
      }
      for (const auto& p : inbox->plans) plans.push_back(encode_plan(p, **org));
    }
    json::array decisions;
    if (!inbox->decisions.empty()) {
      auto org = app::view_organisation(tx, ctx);
      if (!org) return org.error();
      for (const auto& d : inbox->decisions) {
        const Case& c = inbox->decision_cases.at(d.case_id);
        json::object o =
            encode_decision(d, **org, true, false);  // the inbox holds what one may decide
        o["case_number"] = c.number();
        coded(o, "category", c.intake().category);
        const auto* dept = (*org)->department(c.intake().department);
        o["department"] = dept ? dept->name() : "";
        decisions.push_back(std::move(o));
      }
    }
    return json::value(json::object{{"requests", std::move(requests)},
                                    {"plans", std::move(plans)},
                                    {"decisions", std::move(decisions)}});
  });
}

Response alerts(Api& api, const Request&, Who who) {
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    auto list = app::list_alerts(tx, ctx);
    if (!list) return list.error();
    auto org = app::view_organisation(tx, ctx);
    if (!org) return org.error();
    json::array items;
    for (const auto& a : *list) items.push_back(encode_alert(a, **org));
    return json::value(json::object{{"alerts", std::move(items)}});
  });
}

}  // namespace zeren::http
