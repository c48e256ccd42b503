// The year's figures of the responsibility system (SPEC §15: the seed's numbers come out of the
// data): self-decided ratio, leaders' direct cases, pre-reviews, monitoring notices, cases per unit
// kind, staff and its ratio, cases per month, decisions per holder.
#include "app/handling.hpp"
#include "app/queries.hpp"

namespace zeren::app {

namespace {

std::string month_of(Date d) {
  return d.iso().substr(0, 7);
}

}  // namespace

Result<HandlingStatistics> handling_statistics(Transaction& tx, const Context& ctx, int year) {
  if (year < 2000 || year > 2100)
    return Error::invalid("year", "out_of_range", "year is 2000 to 2100");
  auto within = reach(tx, ctx.actor, Permission::read_statistics);
  if (!within) return within.error();
  HandlingStatistics s;
  s.year = year;
  s.with_persons = ctx.actor.console || role_allows(ctx.actor, Permission::read_performance);
  // Names and kinds from the organisation of the reach, read once and kept while it stays the
  // same (view_organisation_within); its lookups find each by id.
  auto org = view_organisation_within(tx, ctx, *within);
  if (!org) return org.error();
  const OrganisationView& view = **org;
  const auto procuratorate_name = [&](ProcuratorateId id) {
    const Procuratorate* p = view.procuratorate(id);
    return p ? p->name() : std::string();
  };
  const Date year_end = *Date::from_ymd(year, 12, 31);
  for (const auto& p : view.persons) {
    if (!p.active_on(year_end)) continue;
    s.prosecutors += p.category() == PersonCategory::prosecutor;
    s.assistants += p.category() == PersonCategory::assistant;
    s.clerks += p.category() == PersonCategory::clerk;
  }
  for (int m = 1; m <= 12; ++m) s.by_month[month_of(*Date::from_ymd(year, m, 1))];

  auto counts = tx.cases().year_counts(*within, year);
  if (!counts) return counts.error();
  for (const auto& [month, n] : counts->received_by_month)
    s.by_month[month].first += static_cast<int>(n);
  for (const auto& [month, n] : counts->concluded_by_month)
    s.by_month[month].second += static_cast<int>(n);
  for (const auto& [unit, n] : counts->received_by_unit) {
    const Unit* u = view.unit(unit);
    if (!u) continue;
    (u->kind() == UnitKind::team ? s.team_cases : s.sole_cases) += static_cast<int>(n);
    const Person* lead = view.person(u->lead());
    if (lead && lead->is_leader()) s.leader_direct_cases += static_cast<int>(n);
  }

  // The year's decisions, notes and follow-ups only, found by their dates.
  const HandlingRepository::Scope scope{std::nullopt, *within, year};
  auto decisions = tx.handling().decisions(scope);
  if (!decisions) return decisions.error();
  // Each decided case's department, and through it its 院.
  std::set<CaseId> decided;
  for (const auto& d : *decisions) decided.insert(d.case_id);
  auto case_departments = tx.cases().case_departments(decided);
  if (!case_departments) return case_departments.error();
  // Per 院, per department and per handler, by id: two 院 both have a 第一检察部.
  std::map<ProcuratorateId, HandlingStatistics::Ratio> by_proc;
  std::map<DepartmentId, HandlingStatistics::Ratio> by_dept;
  std::map<PersonId, HandlingStatistics::Ratio> by_person;
  for (const auto& d : *decisions) {
    if (d.status != DecisionStatus::issued || !d.decided_at_us) continue;
    if (Date::in_china(*d.decided_at_us).year() != year) continue;
    ++s.decisions_by_holder[d.holder];
    const bool self = d.self_decided();
    s.overall.self += self;
    ++s.overall.total;
    auto c = case_departments->find(d.case_id);
    const Department* dept = c != case_departments->end() ? view.department(c->second) : nullptr;
    if (dept) {
      const ProcuratorateId proc = dept->procuratorate();
      auto& p = by_proc[proc];
      p.name = p.procuratorate = procuratorate_name(proc);
      auto& r = by_dept[dept->id()];
      r.name = dept->name();
      r.procuratorate = procuratorate_name(proc);
      for (auto* x : {&p, &r}) {
        x->self += self;
        ++x->total;
      }
    }
    auto& r = by_person[d.proposed_by];
    if (const Person* p = view.person(d.proposed_by)) {
      r.name = p->name();
      r.procuratorate = procuratorate_name(p->procuratorate());
    }
    r.self += self;
    ++r.total;
  }
  for (const auto& [id, r] : by_proc) s.by_procuratorate.push_back(r);
  for (const auto& [id, r] : by_dept) s.by_department.push_back(r);
  if (s.with_persons)
    for (const auto& [id, r] : by_person) s.by_person.push_back(r);

  auto notes = tx.handling().notes(scope);
  if (!notes) return notes.error();
  for (const auto& n : *notes)
    if (n.kind == NoteKind::pre_review && n.on.year() == year) ++s.pre_reviews;
  auto follow_ups = tx.handling().follow_ups(scope);
  if (!follow_ups) return follow_ups.error();
  for (const char* level : {"oral", "written", "report_chief"}) s.notices[level] = 0;
  for (const auto& f : *follow_ups)
    if (f.kind == FollowUpKind::notice && f.requested_on.year() == year) ++s.notices[f.code];
  return s;
}

}  // namespace zeren::app
