// Organisation, accounts, plans, the audit trail and transparency statistics.
#include <boost/json.hpp>

#include "app/use_cases.hpp"
#include "audit/checkpoint.hpp"
#include "audit/store_audit.hpp"
#include "codec/fields.hpp"
#include "http/encode.hpp"
#include "http/handlers.hpp"

namespace zeren::http {

namespace json = boost::json;

namespace {

template <class E>
Result<std::set<E>> term_set(const json::object& o, const char* key) {
  std::set<E> out;
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) return out;
  if (!v->is_array())
    return Error::invalid(key, "invalid_type", std::string(key) + " must be a list");
  for (const auto& e : v->as_array()) {
    if (!e.is_string())
      return Error::invalid(key, "invalid_type", std::string(key) + " lists codes");
    auto t = parse_term<E>(std::string_view(e.as_string()), key);
    if (!t) return t.error();
    out.insert(*t);
  }
  return out;
}

Result<std::vector<PersonId>> id_list(const json::object& o, const char* key) {
  std::vector<PersonId> out;
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) return out;
  if (!v->is_array())
    return Error::invalid(key, "invalid_type", std::string(key) + " must be a list of ids");
  for (const auto& e : v->as_array()) {
    if (!e.is_int64() || e.as_int64() <= 0)
      return Error::invalid(key, "invalid_type", std::string(key) + " must be a list of ids");
    out.push_back(PersonId{e.as_int64()});
  }
  return out;
}

template <class F>
Response org_list(Api& api, Who who, const char* key, F&& pick) {
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    auto org = app::view_organisation(tx, context_of(api, who));
    if (!org) return org.error();
    json::array items = pick(**org);
    return json::value(json::object{{key, items}});
  });
}

}  // namespace

Response org_procuratorates(Api& api, const Request&, Who who) {
  return org_list(api, who, "procuratorates", [](const app::OrganisationView& org) {
    json::array a;
    for (const auto& p : org.procuratorates)
      a.push_back(json::object{
          {"id", p.id().value},
          {"name", p.name()},
          {"short_code", p.short_code()},
          {"level", std::string(code_of(p.level()))},
          {"level_label", std::string(zh_of(p.level()))},
          {"parent_id", p.parent() ? json::value(p.parent()->value) : json::value(nullptr)}});
    return a;
  });
}

Response org_departments(Api& api, const Request&, Who who) {
  return org_list(api, who, "departments", [](const app::OrganisationView& org) {
    json::array a;
    for (const auto& d : org.departments) {
      json::array cats, cat_labels;
      for (auto c : d.categories()) {
        cats.emplace_back(std::string(code_of(c)));
        cat_labels.emplace_back(std::string(zh_of(c)));
      }
      a.push_back(json::object{{"id", d.id().value},
                               {"name", d.name()},
                               {"procuratorate_id", d.procuratorate().value},
                               {"kind", std::string(code_of(d.kind()))},
                               {"kind_label", std::string(zh_of(d.kind()))},
                               {"categories", std::move(cats)},
                               {"category_labels", std::move(cat_labels)}});
    }
    return a;
  });
}

Response org_people(Api& api, const Request&, Who who) {
  return org_list(api, who, "people", [](const app::OrganisationView& org) {
    json::array a;
    for (const auto& p : org.persons) a.push_back(encode_person(p, org));
    return a;
  });
}

Response org_units(Api& api, const Request& req, Who who) {
  auto dept = query_id(req, "department");
  if (!dept) return error_response(dept.error());
  return org_list(api, who, "units", [&](const app::OrganisationView& org) {
    json::array a;
    for (const auto& u : org.units)
      if (!*dept || u.department().value == **dept) a.push_back(encode_unit(u, org));
    return a;
  });
}

namespace {
// The unit fields a body may carry; absent ones stay empty.
Result<app::UpdateUnit> unit_fields(const json::object& given) {
  // A key with null is the same as a key left out.
  json::object body;
  for (const auto& kv : given)
    if (!kv.value().is_null()) body.emplace(kv.key(), kv.value());
  app::UpdateUnit u;
  if (body.contains("name")) {
    auto name = codec::text_field(body, "name");
    if (!name) return name.error();
    u.name = *name;
  }
  auto lead = codec::id_field(body, "lead_id", false);
  if (!lead) return lead.error();
  if (*lead) u.lead = PersonId{**lead};
  if (body.contains("member_ids")) {
    auto members = id_list(body, "member_ids");
    if (!members) return members.error();
    u.members = *members;
  }
  if (body.contains("categories")) {
    auto cats = term_set<CaseCategory>(body, "categories");
    if (!cats) return cats.error();
    u.categories = *cats;
  }
  if (body.contains("difficulties")) {
    auto diffs = term_set<Difficulty>(body, "difficulties");
    if (!diffs) return diffs.error();
    u.difficulties = *diffs;
  }
  if (auto* v = body.if_contains("share")) {
    if (!v->is_number()) return Error::invalid("share", "invalid_type", "share must be a number");
    auto s = Share::from_decimal(v->to_number<double>());
    if (!s) return s.error();
    u.share = *s;
  }
  if (auto* v = body.if_contains("position")) {
    if (!v->is_int64() || v->as_int64() < 1 || v->as_int64() > 10000)
      return Error::invalid("position", "invalid_type", "position is an integer from 1");
    u.position = static_cast<int>(v->as_int64());
  }
  if (body.contains("active")) {
    auto active = codec::bool_field(body, "active", true);
    if (!active) return active.error();
    u.active = *active;
  }
  return u;
}

Result<json::value> unit_answer(Transaction& tx, const app::Context& ctx, UnitId id) {
  auto org = app::view_organisation(tx, ctx);
  if (!org) return org.error();
  const Unit* u = (*org)->unit(id);
  if (!u) return Error::not_found("unit", "the unit not found");
  return json::value(encode_unit(*u, **org));
}
}  // namespace

Response org_unit_add(Api& api, const Request& req, Who who) {
  auto body =
      codec::parse_object(req.body, {"department_id", "kind", "name", "lead_id", "member_ids",
                                     "categories", "difficulties", "share", "position", "active"});
  if (!body) return error_response(body.error());
  auto dept = codec::id_field(*body, "department_id");
  if (!dept) return error_response(dept.error());
  auto kind = codec::term_field<UnitKind>(*body, "kind");
  if (!kind) return error_response(kind.error());
  for (const char* key : {"name", "lead_id"})
    if (!body->contains(key))
      return error_response(
          Error::invalid(key, "required", std::string(key) + " is required (必填)"));
  auto fields = unit_fields(*body);
  if (!fields) return error_response(fields.error());
  app::AddUnit cmd;
  cmd.department = DepartmentId{**dept};
  cmd.kind = **kind;
  cmd.name = *fields->name;
  cmd.lead = *fields->lead;
  cmd.members = fields->members.value_or(std::vector<PersonId>{});
  cmd.categories = fields->categories.value_or(std::set<CaseCategory>{});
  cmd.difficulties = fields->difficulties.value_or(
      std::set<Difficulty>{Difficulty::ordinary, Difficulty::difficult});
  cmd.share = fields->share.value_or(Share{});
  cmd.position = fields->position.value_or(1);
  cmd.active = fields->active.value_or(true);
  return run_json(
      api, 201,
      [&](Transaction& tx) -> Result<json::value> {
        const auto ctx = context_of(api, who);
        auto id = app::add_unit(tx, ctx, cmd);
        if (!id) return id.error();
        return unit_answer(tx, ctx, *id);
      },
      {{"lead", "lead_id"}, {"members", "member_ids"}, {"department", "department_id"}});
}

Response org_unit_update(Api& api, const Request& req, Who who) {
  auto id = path_id(req, "id");
  if (!id) return error_response(Error::not_found("unit", "the unit not found"));
  auto body = codec::parse_object(req.body, {"name", "lead_id", "member_ids", "categories",
                                             "difficulties", "share", "position", "active"});
  if (!body) return error_response(body.error());
  auto fields = unit_fields(*body);
  if (!fields) return error_response(fields.error());
  fields->unit = UnitId{*id};
  return run_json(api, 200,
                  [&](Transaction& tx) -> Result<json::value> {
                    const auto ctx = context_of(api, who);
                    ZEREN_TRY(app::update_unit(tx, ctx, *fields));
                    return unit_answer(tx, ctx, UnitId{*id});
                  },
                  {{"lead", "lead_id"}, {"members", "member_ids"}});
}

Response org_absence_add(Api& api, const Request& req, Who who) {
  auto id = path_id(req, "id");
  if (!id) return error_response(Error::not_found("person", "the person not found"));
  auto body = codec::parse_object(req.body, {"from", "to", "reason"});
  if (!body) return error_response(body.error());
  auto from = codec::date_field(*body, "from");
  if (!from) return error_response(from.error());
  auto to = codec::date_field(*body, "to");
  if (!to) return error_response(to.error());
  auto reason = codec::text_field(*body, "reason");
  if (!reason) return error_response(reason.error());
  return run_json(api, 201,
                  [&](Transaction& tx) -> Result<json::value> {
                    const auto ctx = context_of(api, who);
                    ZEREN_TRY(app::record_absence(tx, ctx, {PersonId{*id}, **from, **to, *reason}));
                    auto org = app::view_organisation(tx, ctx);
                    if (!org) return org.error();
                    auto again = tx.organisation().find_person(PersonId{*id});
                    if (!again) return again.error();
                    return json::value(encode_person(*again, **org));
                  },
                  {{"absence.from", "from"}, {"absence.to", "to"}, {"absence.reason", "reason"}});
}

Response users_list(Api& api, const Request&, Who who) {
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    auto users = app::list_accounts(tx, ctx);
    if (!users) return users.error();
    auto org = app::view_organisation(tx, ctx);
    json::array items;
    for (const auto& u : *users) items.push_back(encode_user(u, org ? org->get() : nullptr));
    return json::value(json::object{{"users", std::move(items)}});
  });
}

Response users_add(Api& api, const Request& req, Who who) {
  auto body = codec::parse_object(
      req.body, {"username", "password", "roles", "procuratorate_id", "person_id"});
  if (!body) return error_response(body.error());
  auto username = codec::text_field(*body, "username");
  if (!username) return error_response(username.error());
  auto password = codec::text_field(*body, "password");
  if (!password) return error_response(password.error());
  auto roles = term_set<Role>(*body, "roles");
  if (!roles) return error_response(roles.error());
  auto proc = codec::id_field(*body, "procuratorate_id");
  if (!proc) return error_response(proc.error());
  auto person = codec::id_field(*body, "person_id", false);
  if (!person) return error_response(person.error());
  return run_json(api, 201,
                  [&](Transaction& tx) -> Result<json::value> {
                    const auto ctx = context_of(api, who);
                    std::optional<PersonId> p;
                    if (*person) p = PersonId{**person};
                    auto id = app::add_user(
                        tx, ctx, api.deps.hasher,
                        {*username, *password, *roles, ProcuratorateId{**proc}, p, true});
                    if (!id) return id.error();
                    auto u = tx.users().find_user(*id);
                    if (!u) return u.error();
                    auto org = app::view_organisation(tx, ctx);
                    return json::value(encode_user(*u, org ? org->get() : nullptr));
                  },
                  {{"person", "person_id"}, {"procuratorate", "procuratorate_id"}});
}

Response users_roles(Api& api, const Request& req, Who who) {
  auto id = path_id(req, "id");
  if (!id) return error_response(Error::not_found("user", "the account not found"));
  auto body = codec::parse_object(req.body, {"roles"});
  if (!body) return error_response(body.error());
  if (!body->contains("roles") || body->at("roles").is_null())
    return error_response(Error::invalid("roles", "required", "roles is required (必填)"));
  auto roles = term_set<Role>(*body, "roles");
  if (!roles) return error_response(roles.error());
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    ZEREN_TRY(app::grant_roles(tx, ctx, {UserId{*id}, *roles}));
    auto u = tx.users().find_user(UserId{*id});
    if (!u) return u.error();
    auto org = app::view_organisation(tx, ctx);
    return json::value(encode_user(*u, org ? org->get() : nullptr));
  });
}

Response plans_list(Api& api, const Request& req, Who who) {
  auto dept = query_id(req, "department");
  if (!dept) return error_response(dept.error());
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    std::optional<DepartmentId> d;
    if (*dept) d = DepartmentId{**dept};
    auto plans = app::list_plans(tx, ctx, d);
    if (!plans) return plans.error();
    auto org = app::view_organisation(tx, ctx);
    if (!org) return org.error();
    json::array items;
    for (const auto& p : *plans) items.push_back(encode_plan(p, **org));
    return json::value(json::object{{"plans", std::move(items)}});
  });
}

Response plans_propose(Api& api, const Request& req, Who who) {
  auto body = codec::parse_object(
      req.body, {"department_id", "mode", "weight_ordinary", "weight_difficult", "tolerance",
                 "min_pool", "designation_approver", "change_approver", "effective_from"});
  if (!body) return error_response(body.error());
  app::ProposePlan cmd;
  auto dept = codec::id_field(*body, "department_id");
  if (!dept) return error_response(dept.error());
  cmd.department = DepartmentId{**dept};
  auto mode = codec::term_field<AssignmentMode>(*body, "mode", false);
  if (!mode) return error_response(mode.error());
  if (*mode) cmd.rules.mode = **mode;
  auto da = codec::term_field<Approver>(*body, "designation_approver", false);
  if (!da) return error_response(da.error());
  if (*da) cmd.rules.designation_approver = **da;
  auto ca = codec::term_field<Approver>(*body, "change_approver", false);
  if (!ca) return error_response(ca.error());
  if (*ca) cmd.rules.change_approver = **ca;
  for (auto [key, target] :
       {std::pair{"weight_ordinary", &cmd.rules.weight_ordinary},
        std::pair{"weight_difficult", &cmd.rules.weight_difficult},
        std::pair{"tolerance", &cmd.rules.tolerance}, std::pair{"min_pool", &cmd.rules.min_pool}}) {
    auto* v = body->if_contains(key);
    if (!v) continue;
    if (!v->is_int64() || v->as_int64() < 0 || v->as_int64() > 1000)
      return error_response(
          Error::invalid(key, "invalid_type", std::string(key) + " must be an integer 0..1000"));
    *target = static_cast<int>(v->as_int64());
  }
  auto from = codec::date_field(*body, "effective_from", false);
  if (!from) return error_response(from.error());
  if (*from) cmd.effective_from = **from;
  return run_json(api, 201, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    auto id = app::propose_plan(tx, ctx, cmd);
    if (!id) return id.error();
    auto org = app::view_organisation(tx, ctx);
    if (!org) return org.error();
    auto p = tx.plans().find_plan(*id);
    if (!p) return p.error();
    return json::value(encode_plan(*p, **org));
  });
}

Response plans_decide(Api& api, const Request& req, Who who) {
  auto id = path_id(req, "id");
  if (!id) return error_response(Error::not_found("plan", "the plan not found"));
  auto body = codec::parse_object(req.body, {"approve", "note"});
  if (!body) return error_response(body.error());
  auto approve = codec::required_bool(*body, "approve");
  if (!approve) return error_response(approve.error());
  auto note = codec::text_field(*body, "note", false);
  if (!note) return error_response(note.error());
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    const auto ctx = context_of(api, who);
    auto p = tx.plans().find_plan(PlanId{*id});
    if (!p) return Error::not_found("plan", "the plan not found");
    ZEREN_TRY(app::decide_plan(tx, ctx, {PlanId{*id}, *approve, *note}));
    auto org = app::view_organisation(tx, ctx);
    if (!org) return org.error();
    auto again = tx.plans().find_plan(PlanId{*id});
    if (!again) return again.error();
    return json::value(encode_plan(*again, **org));
  });
}

Response audit_trail(Api& api, const Request& req, Who who) {
  auto from = query_id(req, "from");
  if (!from) return error_response(from.error());
  auto limit = query_id(req, "limit");
  if (!limit) return error_response(limit.error());
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    auto entries = app::read_audit_trail(
        tx, context_of(api, who), from->value_or(1),
        static_cast<int>(std::min<std::int64_t>(limit->value_or(100), 100000)));
    if (!entries) return entries.error();
    auto size = tx.audit().size();
    if (!size) return size.error();
    json::array items;
    for (const auto& e : *entries) items.push_back(encode_entry(e));
    return json::value(json::object{{"entries", std::move(items)}, {"size", *size}});
  });
}

Response audit_verify(Api& api, const Request&, Who who) {
  // Scope first: the whole log is the system's, read only by a top-level 院's auditor.
  auto allowed = api.deps.store.transact([&](Transaction& tx) {
    return app::authorize(tx, who->actor, app::Permission::read_audit_log, std::nullopt);
  });
  if (!allowed) return error_response(allowed.error());
  auto key = audit::load_public_key(api.options.database);
  if (!key) return error_response(key.error());
  auto report = audit::verify_store(
      api.deps.store, static_cast<audit::HashAlgorithm>(api.options.chain_hash), *key);
  if (!report) return error_response(report.error());
  json::object out{{"ok", report->ok},
                   {"entries", report->entries},
                   {"verified", report->verified},
                   {"checkpoints", report->checkpoints},
                   {"head", report->head},
                   {"draws_verified", report->draws_verified},
                   {"draws_pending", report->draws_pending},
                   {"problem", report->problem},
                   {"bad_case", report->bad_case},
                   {"first_bad_seq", report->first_bad_seq ? json::value(*report->first_bad_seq)
                                                           : json::value(nullptr)}};
  return json_response(200, json::serialize(out));
}

Response statistics_workload(Api& api, const Request& req, Who who) {
  auto id = query_id(req, "department_id");
  if (!id) return error_response(id.error());
  if (!*id)
    return error_response(
        Error::invalid("department_id", "required", "department_id 必填 (is required)"));
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    auto w = app::department_workload(tx, context_of(api, who), DepartmentId{**id});
    if (!w) return w.error();
    return json::value(encode_workload(*w));
  });
}

Response statistics_transparency(Api& api, const Request&, Who who) {
  return run_json(api, 200, [&](Transaction& tx) -> Result<json::value> {
    auto t = app::transparency(tx, context_of(api, who));
    if (!t) return t.error();
    json::array depts;
    for (const auto& d : t->departments) {
      json::object methods;
      for (const auto& [m, n] : d.by_method) methods[m] = n;
      depts.push_back(json::object{{"procuratorate", d.procuratorate},
                                   {"department", d.department},
                                   {"cases", d.cases},
                                   {"unassigned", d.unassigned},
                                   {"by_method", std::move(methods)},
                                   {"pool_min", d.min_pool},
                                   {"pool_max", d.max_pool},
                                   {"pool_mean", d.mean_pool}});
    }
    json::object months;
    for (const auto& [month, methods] : t->by_month) {
      json::object m;
      for (const auto& [k, n] : methods) m[k] = n;
      months[month] = std::move(m);
    }
    return json::value(json::object{{"departments", std::move(depts)},
                                    {"by_month", std::move(months)},
                                    {"designations", t->designations},
                                    {"changes_of_handler", t->changes_of_handler}});
  });
}

}  // namespace zeren::http
