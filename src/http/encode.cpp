#include "http/encode.hpp"

#include <boost/json.hpp>

#include <cstdio>

#include "audit/record.hpp"

namespace zeren::http {

namespace json = boost::json;

std::string iso_time(std::int64_t us) {
  constexpr std::int64_t kDayUs = 86'400'000'000LL, kCstUs = 8 * 3'600'000'000LL;
  const Date d = Date::in_china(us);
  const std::int64_t secs = (us + kCstUs - d.days_since_epoch() * kDayUs) / 1'000'000;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lld+08:00", d.iso().c_str(),
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60));
  return buf;
}

json::object encode_user(const UserAccount& u, const app::OrganisationView* org) {
  json::array roles;
  json::array labels;
  for (auto r : u.roles()) {
    roles.emplace_back(std::string(code_of(r)));
    labels.emplace_back(std::string(zh_of(r)));
  }
  json::object o{{"id", u.id().value},
                 {"username", u.username()},
                 {"roles", std::move(roles)},
                 {"role_labels", std::move(labels)},
                 {"procuratorate_id", u.procuratorate().value},
                 {"person_id", opt_id(u.person())},
                 {"must_change_password", u.must_change_password()}};
  if (org) {
    const auto* p = org->procuratorate(u.procuratorate());
    o["procuratorate"] = p ? p->name() : "";
    o["person"] = org->person_name(u.person());
  }
  return o;
}

json::object encode_case(const Case& c, const app::OrganisationView& org) {
  const auto& in = c.intake();
  json::array parties;
  for (const auto& p : in.parties) parties.emplace_back(p);
  const auto* proc = org.procuratorate(in.procuratorate);
  const auto* dept = org.department(in.department);
  json::object o{{"id", c.id().value},
                 {"number", c.number()},
                 {"procuratorate_id", in.procuratorate.value},
                 {"procuratorate", proc ? proc->name() : ""},
                 {"department_id", in.department.value},
                 {"department", dept ? dept->name() : ""},
                 {"received_on", in.received_on.iso()},
                 {"custody", in.custody},
                 {"parties", std::move(parties)},
                 {"source_org", in.source_org},
                 {"source_doc_no", in.source_doc_no},
                 {"related_case_id", opt_id(in.related_case)},
                 {"unit_id", opt_id(c.unit())},
                 {"unit", org.unit_name(c.unit())},
                 {"withdrawn_on", opt_date(c.progress().withdrawn_on)}};
  coded(o, "category", in.category);
  coded(o, "difficulty", in.difficulty);
  coded(o, "status", c.status());
  return o;
}

json::object encode_assignment(const AssignmentRecord& a, const app::OrganisationView& org,
                               const std::map<std::int64_t, DrawEpoch>& epochs) {
  json::array candidates;
  for (const auto& c : a.candidates) {
    json::object x{{"unit_id", c.unit.value},       {"unit", org.unit_name(c.unit)},
                   {"position", c.position},        {"weight_sum", c.weight_sum},
                   {"share", c.share_bp / 10000.0}, {"load", load_value(c.weight_sum, c.share_bp)},
                   {"eligible", c.eligible},        {"exclusion", c.exclusion},
                   {"in_band", c.in_band}};
    candidates.push_back(std::move(x));
  }
  const Unit* unit = org.unit(a.unit);
  json::object o{{"id", a.id.value},
                 {"unit_id", a.unit.value},
                 {"unit", unit ? unit->name() : ""},
                 {"plan_id", a.plan.value},
                 {"plan_version", a.plan_version},
                 {"tolerance", a.tolerance},
                 {"min_pool", a.min_pool},
                 {"pool_size", a.pool_size},
                 {"band_size", a.band_size},
                 {"decided_at", iso_time(a.decided_at_us)},
                 {"approver", org.person_name(a.approver)},
                 {"request_id", opt_id(a.request)},
                 {"audit_seq", a.audit_seq},
                 {"candidates", std::move(candidates)}};
  coded(o, "method", a.method);
  if (unit) coded(o, "unit_kind", unit->kind());
  if (a.epoch) {
    json::object draw{
        {"epoch_id", a.epoch->value}, {"value", a.draw_value}, {"index", a.draw_index}};
    auto it = epochs.find(a.epoch->value);
    if (it != epochs.end()) {
      const DrawEpoch& e = it->second;
      draw["day"] = e.day.iso();
      draw["commitment"] = audit::to_hex(e.commitment);
      draw["revealed"] = e.closed_at_us.has_value();
      // The secret is shown only after the epoch has closed and revealed it in the audit log.
      draw["secret"] = e.closed_at_us ? json::value(audit::to_hex(e.secret)) : json::value(nullptr);
    }
    o["draw"] = std::move(draw);
  } else {
    o["draw"] = nullptr;
  }
  return o;
}

json::object encode_request(const AssignmentRequest& r, const app::OrganisationView& org) {
  json::object o{{"id", r.id.value},
                 {"case_id", r.case_id.value},
                 {"reason", r.reason},
                 {"reason_label", reason_label(r.reason)},
                 {"reason_text", r.reason_text},
                 {"target_unit_id", opt_id(r.target)},
                 {"target_unit", org.unit_name(r.target)},
                 {"requested_by_id", r.requested_by.value},
                 {"requested_by", org.person_name(r.requested_by)},
                 {"requested_at", iso_time(r.requested_at_us)},
                 {"decided_by", org.person_name(r.decided_by)},
                 {"decision_note", r.decision_note},
                 {"decided_at",
                  r.decided_at_us ? json::value(iso_time(r.decided_at_us)) : json::value(nullptr)}};
  coded(o, "kind", r.kind);
  coded(o, "status", r.status);
  return o;
}

json::object encode_plan(const AssignmentPlan& p, const app::OrganisationView& org) {
  const auto* dept = org.department(p.department);
  json::object rules{{"weight_ordinary", p.rules.weight_ordinary},
                     {"weight_difficult", p.rules.weight_difficult},
                     {"tolerance", p.rules.tolerance},
                     {"min_pool", p.rules.min_pool}};
  coded(rules, "mode", p.rules.mode);
  coded(rules, "designation_approver", p.rules.designation_approver);
  coded(rules, "change_approver", p.rules.change_approver);
  json::object o{{"id", p.id.value},
                 {"department_id", p.department.value},
                 {"department", dept ? dept->name() : ""},
                 {"version", p.version},
                 {"effective_from", p.effective_from.iso()},
                 {"proposed_by", org.person_name(p.proposed_by)},
                 {"approved_by", org.person_name(p.approved_by)},
                 {"rules", std::move(rules)}};
  coded(o, "status", p.status);
  return o;
}

json::object encode_alert(const Alert& a, const app::OrganisationView& org) {
  const auto* dept = a.department ? org.department(*a.department) : nullptr;
  return json::object{{"id", a.id.value},
                      {"kind", a.kind},
                      {"message", a.message},
                      {"department", dept ? dept->name() : ""},
                      {"case_id", opt_id(a.case_id)},
                      {"created_at", iso_time(a.created_at_us)}};
}

json::object encode_entry(const AuditEntry& e) {
  json::object fields;
  for (const auto& f : e.event.fields) fields[f.key] = f.value;
  return json::object{{"seq", e.seq},
                      {"time", iso_time(e.event.time_us)},
                      {"actor", e.event.actor},
                      {"action", e.event.action},
                      {"subject", e.event.subject},
                      {"fields", std::move(fields)},
                      {"hash", audit::to_hex(e.hash)}};
}

json::object encode_unit(const Unit& u, const app::OrganisationView& org) {
  json::array members, categories, difficulties;
  for (auto m : u.members())
    members.push_back(json::object{{"id", m.value}, {"name", org.person_name(m)}});
  json::array category_labels, difficulty_labels;
  for (auto c : u.categories()) {
    categories.emplace_back(std::string(code_of(c)));
    category_labels.emplace_back(std::string(zh_of(c)));
  }
  for (auto d : u.difficulties()) {
    difficulties.emplace_back(std::string(code_of(d)));
    difficulty_labels.emplace_back(std::string(zh_of(d)));
  }
  const auto* dept = org.department(u.department());
  json::object o{{"id", u.id().value},
                 {"name", u.name()},
                 {"department_id", u.department().value},
                 {"department", dept ? dept->name() : ""},
                 {"lead_id", u.lead().value},
                 {"lead", org.person_name(u.lead())},
                 {"members", std::move(members)},
                 {"categories", std::move(categories)},
                 {"category_labels", std::move(category_labels)},
                 {"difficulties", std::move(difficulties)},
                 {"difficulty_labels", std::move(difficulty_labels)},
                 {"share", u.share().decimal()},
                 {"position", u.position()},
                 {"active", u.active()}};
  coded(o, "kind", u.kind());
  return o;
}

json::object encode_workload(const app::DepartmentWorkload& w) {
  json::array units;
  for (const auto& [u, weight_sum] : w.units) {
    json::object o{
        {"unit_id", u.id().value},  {"unit", u.name()},
        {"active", u.active()},     {"share", u.share().decimal()},
        {"weight_sum", weight_sum}, {"load", load_value(weight_sum, u.share().basis_points)}};
    coded(o, "kind", u.kind());
    units.push_back(std::move(o));
  }
  return json::object{
      {"department_id", w.department.id().value},
      {"department", w.department.name()},
      {"procuratorate", w.procuratorate.name()},
      {"plan_id", w.plan ? json::value(w.plan->id.value) : json::value(nullptr)},
      {"plan_version", w.plan ? json::value(w.plan->version) : json::value(nullptr)},
      {"weights", json::object{{"ordinary", w.rules.weight_ordinary},
                               {"difficult", w.rules.weight_difficult}}},
      {"units", std::move(units)}};
}

json::object encode_person(const Person& p, const app::OrganisationView& org) {
  const auto* dept = org.department(p.department());
  json::array posts, post_labels, absences;
  for (const auto& post : p.posts()) {
    posts.emplace_back(std::string(code_of(post.kind)));
    post_labels.emplace_back(std::string(zh_of(post.kind)));
  }
  for (const auto& a : p.absences())
    absences.push_back(
        json::object{{"from", a.from.iso()}, {"to", a.to.iso()}, {"reason", a.reason}});
  json::object o{{"id", p.id().value},
                 {"name", p.name()},
                 {"procuratorate_id", p.procuratorate().value},
                 {"department_id", p.department().value},
                 {"department", dept ? dept->name() : ""},
                 {"posts", std::move(posts)},
                 {"post_labels", std::move(post_labels)},
                 {"absences", std::move(absences)}};
  coded(o, "category", p.category());
  return o;
}

}  // namespace zeren::http
