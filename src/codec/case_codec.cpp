#include "codec/case_codec.hpp"

#include "codec/fields.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace zeren::codec {

namespace json = boost::json;

namespace {

Error bad(const std::string& field, const std::string& message) {
  return Error::invalid(field, "invalid_" + field, message);
}

Result<PersonId> person_ref(Transaction& tx, const json::value& v, ProcuratorateId where,
                            const char* field) {
  if (v.is_int64() && v.as_int64() > 0) {
    auto p = tx.organisation().find_person(PersonId{v.as_int64()});
    if (!p || p->procuratorate() != where)
      return Error::not_found(field, std::string(field) + ": no person " +
                                         std::to_string(v.as_int64()) + " in this 院");
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
    return Error::not_found(field,
                            std::string(field) + ": no person named " + std::string(v.as_string()));
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
  auto root = parse_object(
      body, {"procuratorate", "department", "category", "received_on", "difficulty", "custody",
             "parties", "source_org", "source_doc_no", "related_case", "recusals", "investigators",
             "complex", "fast_track", "sentence_over_one_year"});
  if (!root) return root.error();
  const auto& o = *root;
  CaseIntake in;
  auto proc_ref = text_field(o, "procuratorate");
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
        return Error::not_found("procuratorate",
                                "no procuratorate " + *proc_ref + " (name or 院代字)");
    }
  }
  auto dept = text_field(o, "department");
  if (!dept) return dept.error();
  auto d = tx.organisation().find_department_by_name(in.procuratorate, *dept);
  if (!d) return Error::not_found("department", "no department " + *dept + " in this 院");
  in.department = d->id();
  auto category = term_field<CaseCategory>(o, "category");
  if (!category) return category.error();
  in.category = **category;
  auto received = date_field(o, "received_on");
  if (!received) return received.error();
  in.received_on = **received;
  auto difficulty = term_field<Difficulty>(o, "difficulty", false);
  if (!difficulty) return difficulty.error();
  if (*difficulty) in.difficulty = **difficulty;
  for (auto [key, flag] :
       {std::pair{"complex", &in.complex}, std::pair{"fast_track", &in.fast_track},
        std::pair{"sentence_over_one_year", &in.sentence_over_one_year}}) {
    auto v = bool_field(o, key, false);
    if (!v) return v.error();
    *flag = *v;
  }
  auto custody = bool_field(o, "custody", false);
  if (!custody) return custody.error();
  in.custody = *custody;
  auto* parties = o.if_contains("parties");
  if (!parties || !parties->is_array())
    return Error::invalid("parties", "required", "parties must be a list of names (当事人)");
  for (const auto& p : parties->as_array()) {
    if (!p.is_string()) return bad("parties", "parties lists names");
    in.parties.emplace_back(p.as_string());
  }
  auto org = text_field(o, "source_org");
  if (!org) return org.error();
  in.source_org = *org;
  auto doc = text_field(o, "source_doc_no");
  if (!doc) return doc.error();
  in.source_doc_no = *doc;
  if (auto* v = o.if_contains("related_case"); v && !v->is_null()) {
    Result<Case> related = Error::invalid("related_case", "invalid_related_case",
                                          "related_case is a case number or id");
    if (v->is_int64())
      related = tx.cases().find_case(CaseId{v->as_int64()});
    else if (v->is_string())
      related = tx.cases().find_case_by_number(std::string(v->as_string()));
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
