// Handling a case: life-cycle steps, decisions and objections, acts, flags, pre-reviews, notices,
// reports; the chief's dashboard and the year's figures. Each change answers with the case as
// GET /api/v1/cases/{id} shows it.
#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

#include "app/queries.hpp"
#include "app/use_cases.hpp"
#include "codec/fields.hpp"
#include "http/encode.hpp"
#include "http/handlers.hpp"

namespace zeren::http {

namespace json = boost::json;

namespace {

// Runs a change on a case and answers with the case as GET /cases/{id} shows it. A change that
// proposed or decided a decision names it, and the answer repeats it as `decision`.
using CaseChange =
    std::function<Result<CaseId>(Transaction&, const app::Context&, std::optional<DecisionId>&)>;
Response change_case(Api& api, int status, Who who, const CaseChange& change) {
  return run_json(api, status, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    std::optional<DecisionId> decision;
    auto id = change(tx, ctx, decision);
    if (!id) return id.error();
    auto answer = case_answer(tx, ctx, *id);
    if (!answer) return answer.error();
    if (decision)
      for (const auto& d : answer->at("decisions").as_array())
        if (d.at("id").as_int64() == decision->value) (*answer)["decision"] = d;
    return json::value(std::move(*answer));
  });
}

Result<std::int64_t> case_id_of(const Request& req) {
  auto id = path_id(req, "id");
  if (!id) return Error::not_found("case", "the case not found");
  return id;
}

Result<int> year_of(const Request& req, const app::Context& ctx) {
  auto it = req.query.find("year");
  if (it == req.query.end()) return ctx.clock.today().year();
  const std::string& y = it->second;
  if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos)
    return Error::invalid("year", "invalid_year", "year is a four-digit year");
  return std::stoi(y);
}

}  // namespace

Response cases_transition(Api& api, const Request& req, Who who) {
  auto id = case_id_of(req);
  if (!id) return error_response(id.error());
  auto body = codec::parse_object(req.body, {"action", "reason", "on", "transfer_to"});
  if (!body) return error_response(body.error());
  auto action = codec::term_field<CaseAction>(*body, "action");
  if (!action) return error_response(action.error());
  if (**action == CaseAction::archive)
    return error_response(Error::invalid("action", "invalid_action",
                                         "归档由案件管理部门办理：POST /cases/{id}/archive"));
  auto reason = codec::text_field(*body, "reason", false);
  if (!reason) return error_response(reason.error());
  auto on = codec::date_field(*body, "on", false);
  if (!on) return error_response(on.error());
  auto to = codec::text_field(*body, "transfer_to", false);
  if (!to) return error_response(to.error());
  return change_case(
      api, 200, who,
      [&](Transaction& tx, const app::Context& ctx, std::optional<DecisionId>&) -> Result<CaseId> {
        ZEREN_TRY(app::transition_case(tx, ctx, {CaseId{*id}, **action, *reason, *on, *to}));
        return CaseId{*id};
      });
}

Response cases_archive(Api& api, const Request& req, Who who) {
  auto id = case_id_of(req);
  if (!id) return error_response(id.error());
  auto body = codec::parse_object(req.body.empty() ? "{}" : req.body, {"reason"});
  if (!body) return error_response(body.error());
  auto reason = codec::text_field(*body, "reason", false);
  if (!reason) return error_response(reason.error());
  return change_case(
      api, 200, who,
      [&](Transaction& tx, const app::Context& ctx, std::optional<DecisionId>&) -> Result<CaseId> {
        ZEREN_TRY(app::transition_case(
            tx, ctx, {CaseId{*id}, CaseAction::archive, *reason, std::nullopt, ""}));
        return CaseId{*id};
      });
}

Response cases_decision_propose(Api& api, const Request& req, Who who) {
  auto id = case_id_of(req);
  if (!id) return error_response(id.error());
  auto body = codec::parse_object(req.body, {"type", "reasoning"});
  if (!body) return error_response(body.error());
  auto type = codec::term_field<DecisionType>(*body, "type");
  if (!type) return error_response(type.error());
  auto reasoning = codec::text_field(*body, "reasoning");
  if (!reasoning) return error_response(reasoning.error());
  return change_case(api, 201, who,
                     [&](Transaction& tx, const app::Context& ctx,
                         std::optional<DecisionId>& made) -> Result<CaseId> {
                       auto d = app::propose_decision(tx, ctx, {CaseId{*id}, **type, *reasoning});
                       if (!d) return d.error();
                       made = d->id;
                       return CaseId{*id};
                     });
}

Response decisions_decide(Api& api, const Request& req, Who who) {
  auto id = path_id(req, "id");
  if (!id) return error_response(Error::not_found("decision", "the decision not found"));
  auto body = codec::parse_object(req.body, {"outcome", "note", "instead"});
  if (!body) return error_response(body.error());
  auto outcome = codec::term_field<DecisionOutcome>(*body, "outcome");
  if (!outcome) return error_response(outcome.error());
  auto note = codec::text_field(*body, "note", false);
  if (!note) return error_response(note.error());
  auto instead = codec::term_field<DecisionType>(*body, "instead", false);
  if (!instead) return error_response(instead.error());
  return change_case(
      api, 200, who,
      [&](Transaction& tx, const app::Context& ctx,
          std::optional<DecisionId>& made) -> Result<CaseId> {
        auto d = app::decide_decision(tx, ctx, {DecisionId{*id}, **outcome, *note, *instead});
        if (!d) return d.error();
        made = d->id;
        return d->case_id;
      });
}

Response decisions_object(Api& api, const Request& req, Who who) {
  auto id = path_id(req, "id");
  if (!id) return error_response(Error::not_found("decision", "the decision not found"));
  auto body = codec::parse_object(req.body, {"text"});
  if (!body) return error_response(body.error());
  auto text = codec::text_field(*body, "text");
  if (!text) return error_response(text.error());
  return change_case(
      api, 201, who,
      [&](Transaction& tx, const app::Context& ctx, std::optional<DecisionId>&) -> Result<CaseId> {
        ZEREN_TRY(app::object_to_decision(tx, ctx, {DecisionId{*id}, *text}));
        auto d = tx.handling().find_decision(DecisionId{*id});
        if (!d) return d.error();
        return d->case_id;
      });
}

Response cases_act(Api& api, const Request& req, Who who) {
  auto id = case_id_of(req);
  if (!id) return error_response(id.error());
  auto body = codec::parse_object(req.body, {"kind", "on", "note"});
  if (!body) return error_response(body.error());
  auto kind = codec::term_field<ActKind>(*body, "kind");
  if (!kind) return error_response(kind.error());
  auto on = codec::date_field(*body, "on");
  if (!on) return error_response(on.error());
  auto note = codec::text_field(*body, "note", false);
  if (!note) return error_response(note.error());
  return change_case(
      api, 201, who,
      [&](Transaction& tx, const app::Context& ctx, std::optional<DecisionId>&) -> Result<CaseId> {
        auto n = app::record_act(tx, ctx, {CaseId{*id}, **kind, **on, *note});
        if (!n) return n.error();
        return CaseId{*id};
      });
}

Response cases_flag(Api& api, const Request& req, Who who) {
  auto id = case_id_of(req);
  if (!id) return error_response(id.error());
  auto body = codec::parse_object(req.body, {"flag", "note"});
  if (!body) return error_response(body.error());
  auto flag = codec::term_field<CaseFlag>(*body, "flag");
  if (!flag) return error_response(flag.error());
  auto note = codec::text_field(*body, "note", false);
  if (!note) return error_response(note.error());
  return change_case(
      api, 201, who,
      [&](Transaction& tx, const app::Context& ctx, std::optional<DecisionId>&) -> Result<CaseId> {
        auto f = app::flag_case(tx, ctx, {CaseId{*id}, **flag, *note});
        if (!f) return f.error();
        return CaseId{*id};
      });
}

Response cases_pre_review(Api& api, const Request& req, Who who) {
  auto id = case_id_of(req);
  if (!id) return error_response(id.error());
  auto body = codec::parse_object(req.body, {"opinion"});
  if (!body) return error_response(body.error());
  auto opinion = codec::text_field(*body, "opinion");
  if (!opinion) return error_response(opinion.error());
  return change_case(
      api, 201, who,
      [&](Transaction& tx, const app::Context& ctx, std::optional<DecisionId>&) -> Result<CaseId> {
        auto n = app::give_pre_review(tx, ctx, {CaseId{*id}, *opinion});
        if (!n) return n.error();
        return CaseId{*id};
      });
}

Response cases_notice(Api& api, const Request& req, Who who) {
  auto id = case_id_of(req);
  if (!id) return error_response(id.error());
  auto body = codec::parse_object(req.body, {"level", "content"});
  if (!body) return error_response(body.error());
  auto level = codec::term_field<NoticeLevel>(*body, "level");
  if (!level) return error_response(level.error());
  auto content = codec::text_field(*body, "content");
  if (!content) return error_response(content.error());
  return change_case(
      api, 201, who,
      [&](Transaction& tx, const app::Context& ctx, std::optional<DecisionId>&) -> Result<CaseId> {
        auto f = app::issue_notice(tx, ctx, {CaseId{*id}, **level, *content});
        if (!f) return f.error();
        return CaseId{*id};
      });
}

Response cases_report_instruction(Api& api, const Request& req, Who who) {
  auto id = case_id_of(req);
  if (!id) return error_response(id.error());
  auto body = codec::parse_object(req.body, {"request", "due_on"});
  if (!body) return error_response(body.error());
  auto request = codec::text_field(*body, "request");
  if (!request) return error_response(request.error());
  auto due = codec::date_field(*body, "due_on");
  if (!due) return error_response(due.error());
  return change_case(
      api, 201, who,
      [&](Transaction& tx, const app::Context& ctx, std::optional<DecisionId>&) -> Result<CaseId> {
        auto f = app::instruct_report(tx, ctx, {CaseId{*id}, *request, **due});
        if (!f) return f.error();
        return CaseId{*id};
      });
}

// POST /notices/{id}/reply and POST /reports/{id}: the same written answer.
Response follow_ups_answer(Api& api, const Request& req, Who who) {
  auto id = path_id(req, "id");
  if (!id) return error_response(Error::not_found("follow_up", "not found"));
  auto body = codec::parse_object(req.body, {"text"});
  if (!body) return error_response(body.error());
  auto text = codec::text_field(*body, "text");
  if (!text) return error_response(text.error());
  return change_case(
      api, 200, who,
      [&](Transaction& tx, const app::Context& ctx, std::optional<DecisionId>&) -> Result<CaseId> {
        auto f = tx.handling().find_follow_up(FollowUpId{*id});
        if (!f) return f.error();
        const bool notice_route = req.path.find("/notices/") != std::string::npos;
        if (notice_route != (f->kind == FollowUpKind::notice))
          return Error::not_found("follow_up", "not found");
        ZEREN_TRY(app::answer_follow_up(tx, ctx, {FollowUpId{*id}, *text}));
        return f->case_id;
      });
}

Response monitoring(Api& api, const Request& req, Who who) {
  auto proc = query_id(req, "procuratorate");
  if (!proc) return error_response(proc.error());
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    std::optional<ProcuratorateId> p;
    if (*proc) p = ProcuratorateId{**proc};
    auto m = app::monitoring(tx, ctx, p);
    if (!m) return m.error();
    auto org = app::view_organisation(tx, ctx);
    if (!org) return org.error();
    return json::value(encode_monitoring(*m, **org));
  });
}

Response monitoring_list(Api& api, const Request& req, Who who) {
  auto proc = query_id(req, "procuratorate");
  if (!proc) return error_response(proc.error());
  const auto list_text = req.query.find("list");
  if (list_text == req.query.end() || list_text->second.empty())
    return error_response(Error::invalid("list", "required", "list is required"));
  auto list = parse_term<WatchList>(list_text->second, "list");
  if (!list) return error_response(list.error());
  // offset: 0 or more (query_id takes positive integers only).
  int offset = 0;
  if (auto o = req.query.find("offset"); o != req.query.end() && !o->second.empty()) {
    const char* end = o->second.data() + o->second.size();
    auto [at, ec] = std::from_chars(o->second.data(), end, offset);
    if (ec != std::errc{} || at != end || offset < 0)
      return error_response(Error::invalid("offset", "invalid_type", "offset must be 0 or more"));
  }
  auto limit = query_id(req, "limit");
  if (!limit) return error_response(limit.error());
  const auto rows = static_cast<int>(std::min<std::int64_t>(limit->value_or(app::kMonitoringPage), 1000));
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    std::optional<ProcuratorateId> p;
    if (*proc) p = ProcuratorateId{**proc};
    auto page = app::monitoring_list(tx, ctx, p, *list, offset, rows);
    if (!page) return page.error();
    auto org = app::view_organisation(tx, ctx);
    if (!org) return org.error();
    return json::value(encode_monitoring_page(*page, **org));
  });
}

Response statistics_summary(Api& api, const Request& req, Who who) {
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    auto year = year_of(req, ctx);
    if (!year) return year.error();
    auto s = app::handling_statistics(tx, ctx, *year);
    if (!s) return s.error();
    return json::value(encode_statistics(*s));
  });
}

Response statistics_leaders(Api& api, const Request& req, Who who) {
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    auto year = year_of(req, ctx);
    if (!year) return year.error();
    auto r = app::leader_report(tx, ctx, *year);
    if (!r) return r.error();
    return json::value(encode_leaders(*r));
  });
}

}  // namespace zeren::http
