#include "codec/case_codec.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace zeren::codec {

namespace json = boost::json;

namespace {

Error bad(const std::string& field, const std::string& message) {
  return Error::invalid(field, "invalid_" + field, message);
}

Result<std::string> text(const json::object& o, const char* key, bool required = true) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) {
    if (!required) return std::string();
    return Error::invalid(key, "required", std::string(key) + " is required (必填)");
  }
  if (!v->is_string()) return bad(key, std::string(key) + " must be text");
  return std::string(v->as_string());
}

Result<PersonId> person_ref(Transaction& tx, const json::value& v, ProcuratorateId where,
                            const char* field) {
  if (v.is_int64() && v.as_int64() > 0) {
    auto p = tx.organisation().find_person(PersonId{v.as_int64()});
    if (!p || p->procuratorate() != where)
      return Error::not_found(field, std::string(field) + ": no person " + std::to_string(v.as_int64()) + " in this 院");
    return p->id();
  }
  if (!v.is_string()) return bad(field, std::string(field) + " lists person ids or names");
  auto people = tx.organisation().list_persons(where);
  if (!people) return people.error();
  std::optional<PersonId> found;
  for (const auto& p : *people)
    if (p.name() == v.as_string()) {
      if (found)
        return bad(field, std::string(field) + ": more than one person named " +
                              std::string(v.as_string()) + "; use the id");
      found = p.id();
    }
  if (!found)
    return Error::not_found(field, std::string(field) + ": no person named " + std::string(v.as_string()));
  return *found;
}

Result<std::vector<PersonId>> people(Transaction& tx, const json::object& o, const char* key,
                                     ProcuratorateId where) {
  std::vector<PersonId> out;
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) return out;
  if (!v->is_array()) return bad(key, std::string(key) + " must be a list");
  for (const auto& e : v->as_array()) {
    auto p = person_ref(tx, e, where, key);
    if (!p) return p.error();
    out.push_back(*p);
  }
  return out;
}

}  // namespace

Result<CaseIntake> decode_intake(Transaction& tx, std::string_view body) {
  boost::system::error_code ec;
  json::value root = json::parse(body, ec);
  if (ec) return Error::invalid("body", "bad_json", "the request is not valid JSON: " + ec.message());
  if (!root.is_object()) return Error::invalid("body", "bad_json", "the request must be a JSON object");
  const auto& o = root.as_object();
  static constexpr std::string_view kKeys[] = {
      "procuratorate", "department", "category", "received_on", "difficulty", "custody", "parties",
      "source_org", "source_doc_no", "related_case", "recusals", "investigators"};
  for (const auto& kv : o)
    if (std::find(std::begin(kKeys), std::end(kKeys), kv.key()) == std::end(kKeys))
      return Error::invalid(std::string(kv.key()), "unknown_field",
                            "unknown field " + std::string(kv.key()));
  CaseIntake in;
  auto proc_ref = text(o, "procuratorate");
  if (!proc_ref) return proc_ref.error();
  {
    auto by_code = tx.organisation().find_procuratorate_by_code(*proc_ref);
    if (by_code) {
      in.procuratorate = by_code->id();
    } else {
      auto all = tx.organisation().list_procuratorates();
      if (!all) return all.error();
      for (const auto& p : *all)
        if (p.name() == *proc_ref) in.procuratorate = p.id();
      if (!in.procuratorate.valid())
        return Error::not_found("procuratorate", "no procuratorate " + *proc_ref + " (name or 院代字)");
    }
  }
  auto dept = text(o, "department");
  if (!dept) return dept.error();
  auto d = tx.organisation().find_department_by_name(in.procuratorate, *dept);
  if (!d) return Error::not_found("department", "no department " + *dept + " in this 院");
  in.department = d->id();
  auto category = text(o, "category");
  if (!category) return category.error();
  auto c = parse_term<CaseCategory>(*category, "category");
  if (!c) return c.error();
  in.category = *c;
  auto received = text(o, "received_on");
  if (!received) return received.error();
  auto date = Date::parse(*received, "received_on");
  if (!date) return date.error();
  in.received_on = *date;
  auto difficulty = text(o, "difficulty", false);
  if (!difficulty) return difficulty.error();
  if (!difficulty->empty()) {
    auto df = parse_term<Difficulty>(*difficulty, "difficulty");
    if (!df) return df.error();
    in.difficulty = *df;
  }
  if (auto* v = o.if_contains("custody"); v && !v->is_null()) {
    if (!v->is_bool()) return bad("custody", "custody must be true or false");
    in.custody = v->as_bool();
  }
  auto* parties = o.if_contains("parties");
  if (!parties || !parties->is_array())
    return Error::invalid("parties", "required", "parties must be a list of names (当事人)");
  for (const auto& p : parties->as_array()) {
    if (!p.is_string()) return bad("parties", "parties lists names");
    in.parties.emplace_back(p.as_string());
  }
  auto org = text(o, "source_org");
  if (!org) return org.error();
  in.source_org = *org;
  auto doc = text(o, "source_doc_no");
  if (!doc) return doc.error();
  in.source_doc_no = *doc;
  if (auto* v = o.if_contains("related_case"); v && !v->is_null()) {
    Result<Case> related = Error::invalid("related_case", "invalid_related_case",
                                          "related_case is a case number or id");
    if (v->is_int64()) related = tx.cases().find_case(CaseId{v->as_int64()});
    else if (v->is_string()) related = tx.cases().find_case_by_number(std::string(v->as_string()));
    if (!related) {
      auto e = related.error();
      e.field = "related_case";
      return e;
    }
    in.related_case = related->id();
  }
  auto recusals = people(tx, o, "recusals", in.procuratorate);
  if (!recusals) return recusals.error();
  in.recusals = *recusals;
  auto investigators = people(tx, o, "investigators", in.procuratorate);
  if (!investigators) return investigators.error();
  in.investigators = *investigators;
  return in;
}

Result<json::object> encode_intake_result(Transaction& tx, const app::IntakeResult& r) {
  json::object out{{"case_id", r.c.id().value},
                   {"case_number", r.c.number()},
                   {"status", r.assignment ? "assigned" : "unassigned"}};
  if (!r.assignment) {
    out["assignment"] = nullptr;
    out["unassigned_reason"] = r.unassigned_reason;
    return out;
  }
  auto unit = tx.organisation().find_unit(r.assignment->unit);
  if (!unit) return unit.error();
  out["assignment"] = json::object{{"unit", unit->name()},
                                   {"unit_id", unit->id().value},
                                   {"unit_kind", code_of(unit->kind())},
                                   {"method", code_of(r.assignment->method)},
                                   {"pool_size", r.assignment->pool_size},
                                   {"band_size", r.assignment->band_size}};
  return out;
}

}  // namespace zeren::codec
