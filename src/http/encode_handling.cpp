// JSON answers for handling a case: the deadline, decisions, notes, follow-ups, the chief's
// dashboard and the year's statistics (the shapes the OpenAPI document describes).
#include <boost/json.hpp>

#include "http/encode.hpp"

namespace zeren::http {

namespace json = boost::json;

namespace {

// A stored code (notes and follow-ups keep theirs as text) with its label.
template <class E>
void coded_text(json::object& o, const char* key, const std::string& code) {
  o[key] = code;
  auto v = parse_term<E>(code, key);
  o[std::string(key) + "_label"] = v ? std::string(zh_of(*v)) : code;
}
json::value name_of(const app::OrganisationView& org, std::optional<PersonId> p) {
  if (!p) return nullptr;
  return json::value(org.person_name(p));
}

}  // namespace

json::value encode_deadline(const Case& c, Date today) {
  const auto& p = c.progress();
  if (!p.period || !c.open()) return nullptr;
  json::object o;
  coded(o, "kind", *p.period);
  o["start"] = opt_date(p.period_start);
  o["due"] = opt_date(p.due_on);
  o["basis"] = p.deadline_basis;
  if (p.due_on) {
    o["days_left"] = p.due_on->days_since_epoch() - today.days_since_epoch();
    o["state"] =
        std::string(code_of(deadline_state(default_deadline_rules(), *p.period, *p.due_on, today)));
  } else {
    o["days_left"] = nullptr;
    o["state"] = "unknown";
  }
  return o;
}

json::object encode_decision(const Decision& d, const app::OrganisationView& org, bool can_decide,
                             bool can_object) {
  json::array objections;
  for (const auto& x : d.objections)
    objections.push_back(
        {{"by_name", name_of(org, x.by)}, {"text", x.text}, {"at", iso_time(x.at_us)}});
  json::object o{{"id", d.id.value},
                 {"case_id", d.case_id.value},
                 {"self_decided", d.self_decided()},
                 {"contrary", d.contrary()},
                 {"reasoning", d.reasoning},
                 {"power_list_version", d.power_list_version},
                 {"proposed_by_name", name_of(org, d.proposed_by)},
                 {"proposed_at", iso_time(d.proposed_at_us)},
                 {"decided_by_name", name_of(org, d.decided_by)},
                 {"decided_at",
                  d.decided_at_us ? json::value(iso_time(*d.decided_at_us)) : json::value(nullptr)},
                 {"note", d.note},
                 {"document_number", d.document_number.empty() ? json::value(nullptr)
                                                               : json::value(d.document_number)},
                 {"objections", std::move(objections)},
                 {"can_decide", can_decide},
                 {"can_object", can_object}};
  coded(o, "type", d.type);
  if (d.proposed_type)
    coded(o, "proposed_type", *d.proposed_type);
  else
    o["proposed_type"] = nullptr;
  coded(o, "holder", d.holder);
  coded(o, "status", d.status);
  return o;
}

void encode_handling(json::object& out, const Case& c, const app::CaseHandling& h,
                     const app::OrganisationView& org) {
  out["complex"] = c.intake().complex;
  out["fast_track"] = c.intake().fast_track;
  out["sentence_over_one_year"] = c.intake().sentence_over_one_year;
  out["deadline"] = encode_deadline(c, h.today);
  out["returns"] = c.progress().returns;
  out["max_returns"] = default_deadline_rules().supplementary_max_rounds;
  out["extended"] = c.progress().extended;
  out["concluded_on"] = opt_date(c.progress().concluded_on);
  out["archived_on"] = opt_date(c.progress().archived_on);
  out["transferred_on"] = opt_date(c.progress().transferred_on);
  out["transferred_to"] = c.progress().transferred_to;
  json::array actions, types, decisions, acts, flags, pre_reviews, notices, reports;
  for (const auto& a : h.actions) actions.emplace_back(a);
  for (const auto& r : h.decision_types) {
    json::object t{{"basis", r.basis}};
    coded(t, "type", r.type);
    coded(t, "holder", r.holder);
    types.push_back(std::move(t));
  }
  for (const auto& d : h.decisions)
    decisions.push_back(encode_decision(d, org, h.can_decide.contains(d.id.value),
                                        h.can_object.contains(d.id.value)));
  for (const auto& n : h.notes) {
    json::object o{{"id", n.id.value},
                   {"on", n.on.iso()},
                   {"at", iso_time(n.at_us)},
                   {"person_name", name_of(org, n.person)}};
    if (n.kind == NoteKind::act) {
      coded_text<ActKind>(o, "kind", n.code);
      o["note"] = n.text;
      acts.push_back(std::move(o));
    } else if (n.kind == NoteKind::flag) {
      coded_text<CaseFlag>(o, "flag", n.code);
      o["note"] = n.text;
      o["by_name"] = o["person_name"];
      flags.push_back(std::move(o));
    } else {
      o["opinion"] = n.text;
      o["by_name"] = o["person_name"];
      pre_reviews.push_back(std::move(o));
    }
  }
  for (const auto& f : h.follow_ups) {
    json::object o{{"id", f.id.value},
                   {"requested_on", f.requested_on.iso()},
                   {"due_on", f.due_on.iso()},
                   {"requested_by_name", name_of(org, f.requested_by)},
                   {"answer", f.answered_on ? json::value(f.answer) : json::value(nullptr)},
                   {"answered_by_name", name_of(org, f.answered_by)},
                   {"answered_on", opt_date(f.answered_on)},
                   {"can_answer", h.can_answer.contains(f.id.value)}};
    coded(o, "state", f.state(h.today));
    if (f.kind == FollowUpKind::notice) {
      coded_text<NoticeLevel>(o, "level", f.code);
      o["content"] = f.request;
      notices.push_back(std::move(o));
    } else {
      coded_text<ReportOrigin>(o, "origin", f.code);
      if (f.flag.empty())
        o["flag"] = nullptr, o["flag_label"] = nullptr;
      else
        coded_text<CaseFlag>(o, "flag", f.flag);
      o["request"] = f.request;
      reports.push_back(std::move(o));
    }
  }
  out["actions"] = actions;
  out["decision_types"] = types;
  out["decisions"] = decisions;
  out["acts"] = acts;
  out["flags"] = flags;
  out["pre_reviews"] = pre_reviews;
  out["notices"] = notices;
  out["reports"] = reports;
}

namespace {

// One case of a monitoring list.
json::object monitoring_row(const app::Monitoring::Row& r, const app::OrganisationView& org) {
  const Case& c = r.c;
  const auto* dept = org.department(c.intake().department);
  json::array flags;
  for (const auto& f : r.flags) flags.emplace_back(f);
  json::object o{{"case_id", c.id().value},
                 {"number", c.number()},
                 {"unit", org.unit_name(c.unit())},
                 {"department", dept ? dept->name() : ""},
                 {"custody", c.intake().custody},
                 {"received_on", c.intake().received_on.iso()},
                 {"due", opt_date(c.progress().due_on)},
                 {"days_left", r.days_left ? json::value(*r.days_left) : json::value(nullptr)},
                 {"flags", std::move(flags)}};
  coded(o, "category", c.intake().category);
  coded(o, "status", c.status());
  return o;
}

json::array monitoring_rows(const app::Monitoring::List& l, const app::OrganisationView& org) {
  json::array a;
  for (const auto& r : l.rows) a.push_back(monitoring_row(r, org));
  return a;
}

}  // namespace

json::object encode_monitoring(const app::Monitoring& m, const app::OrganisationView& org) {
  json::object counts{{"in_progress", m.in_progress}};
  json::object lists;
  for (const auto& [list, l] : m.lists) {
    const std::string name(code_of(list));
    counts[name] = l.total;
    lists[name] = monitoring_rows(l, org);
  }
  counts["notices_awaiting_reply"] = static_cast<std::int64_t>(m.open_notices.size());
  counts["reports_awaiting"] = static_cast<std::int64_t>(m.open_reports.size());
  json::array units;
  for (const auto& u : m.units) {
    const Unit* unit = org.unit(u.unit);
    const Department* d = unit ? org.department(unit->department()) : nullptr;
    units.push_back({{"unit_id", u.unit.value},
                     {"unit", org.unit_name(u.unit)},
                     {"department", d ? d->name() : ""},
                     {"in_progress", u.in_progress},
                     {"near_expiry", u.near_expiry},
                     {"overdue", u.overdue}});
  }
  auto follow_up = [&](const FollowUp& f) {
    const auto number = m.numbers.find(f.case_id);
    json::object o{{"id", f.id.value},
                   {"case_id", f.case_id.value},
                   {"case_number", number == m.numbers.end() ? "" : number->second},
                   {"requested_on", f.requested_on.iso()},
                   {"due_on", f.due_on.iso()}};
    coded(o, "state", f.state(m.today));
    if (f.kind == FollowUpKind::notice) {
      coded_text<NoticeLevel>(o, "level", f.code);
    } else {
      coded_text<ReportOrigin>(o, "origin", f.code);
      if (f.flag.empty())
        o["flag"] = nullptr, o["flag_label"] = nullptr;
      else
        coded_text<CaseFlag>(o, "flag", f.flag);
    }
    return o;
  };
  json::array notices, reports;
  for (const auto& f : m.open_notices) notices.push_back(follow_up(f));
  for (const auto& f : m.open_reports) reports.push_back(follow_up(f));
  const auto& rules = default_deadline_rules();
  return {{"today", m.today.iso()},
          {"procuratorate_id", m.procuratorate.id().value},
          {"procuratorate", m.procuratorate.name()},
          {"alert_days",
           {{"prosecution_review", rules.alert_days_prosecution},
            {"arrest_review", rules.alert_days_arrest}}},
          {"counts", std::move(counts)},
          {"units", std::move(units)},
          {"lists", std::move(lists)},
          {"page_size", app::kMonitoringPage},
          {"notices", std::move(notices)},
          {"reports", std::move(reports)}};
}

json::object encode_monitoring_page(const app::MonitoringPage& p,
                                    const app::OrganisationView& org) {
  return {{"today", p.today.iso()},
          {"procuratorate_id", p.procuratorate.id().value},
          {"procuratorate", p.procuratorate.name()},
          {"list", code_of(p.list)},
          {"offset", p.offset},
          {"limit", p.limit},
          {"total", p.cases.total},
          {"rows", monitoring_rows(p.cases, org)}};
}

json::object encode_statistics(const app::HandlingStatistics& s) {
  auto ratio = [](const app::HandlingStatistics::Ratio& r) {
    return json::object{
        {"self", r.self},
        {"total", r.total},
        {"ratio", r.total ? json::value(double(r.self) / r.total) : json::value(nullptr)}};
  };
  json::array by_procuratorate, by_department, by_person, months, holders;
  for (const auto& r : s.by_procuratorate) {
    auto o = ratio(r);
    o["procuratorate"] = r.procuratorate;
    by_procuratorate.push_back(std::move(o));
  }
  for (const auto& r : s.by_department) {
    auto o = ratio(r);
    o["department"] = r.name;
    o["procuratorate"] = r.procuratorate;
    by_department.push_back(std::move(o));
  }
  for (const auto& r : s.by_person) {
    auto o = ratio(r);
    o["person"] = r.name;
    o["procuratorate"] = r.procuratorate;
    by_person.push_back(std::move(o));
  }
  for (const auto& [month, v] : s.by_month)
    months.push_back({{"month", month}, {"received", v.first}, {"concluded", v.second}});
  for (const auto& [holder, n] : s.decisions_by_holder) {
    json::object o{{"count", n}};
    coded(o, "holder", holder);
    holders.push_back(std::move(o));
  }
  json::object notices{{"total", 0}};
  std::int64_t total = 0;
  for (const auto& [level, n] : s.notices) {
    notices[level] = n;
    total += n;
  }
  notices["total"] = total;
  auto share = [&](int n) { return s.prosecutors ? double(n) / s.prosecutors : 0.0; };
  char ratio_text[64];
  std::snprintf(ratio_text, sizeof ratio_text, "1 : %.2f : %.2f", share(s.assistants),
                share(s.clerks));
  json::object overall = ratio(s.overall);
  return {
      {"year", s.year},
      {"self_decided_ratio",
       {{"overall", std::move(overall)},
        {"by_procuratorate", std::move(by_procuratorate)},
        {"by_department", std::move(by_department)},
        {"by_person", s.with_persons ? json::value(std::move(by_person)) : json::value(nullptr)}}},
      {"leader_direct_cases", s.leader_direct_cases},
      {"pre_reviews", s.pre_reviews},
      {"monitoring_notices", std::move(notices)},
      {"cases_by_unit_kind", {{"team", s.team_cases}, {"sole", s.sole_cases}}},
      {"staff",
       {{"prosecutors", s.prosecutors},
        {"assistants", s.assistants},
        {"clerks", s.clerks},
        {"ratio", s.prosecutors ? json::value(ratio_text) : json::value(nullptr)}}},
      {"cases_by_month", std::move(months)},
      {"decisions_by_holder", std::move(holders)}};
}

json::object encode_leaders(const app::LeaderReport& r) {
  json::array leaders;
  for (const auto& l : r.leaders) {
    json::object o{{"person_id", l.person.id().value},
                   {"person", l.person.name()},
                   {"procuratorate", l.procuratorate},
                   {"cases_led", l.cases_led},
                   {"cases_with_acts", l.cases_with_acts},
                   {"acts", l.acts},
                   {"average_caseload", l.average},
                   {"quota", l.quota},
                   {"quota_basis", l.basis},
                   {"met", l.met}};
    coded(o, "post", l.post);
    leaders.push_back(std::move(o));
  }
  const auto& q = default_leader_quotas();
  return {{"year", r.year},
          {"rules", {{"version", q.version}, {"source", q.source}}},
          {"leaders", std::move(leaders)}};
}

}  // namespace zeren::http
