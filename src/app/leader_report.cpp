// 院领导直接办案 (SPEC §6): per leader, the cases they led as the unit's lead in the year, with the
// personal acts recorded on them, against the quota of their post: a share of the average annual
// caseload of their 院's business-department prosecutors (or a fixed count).
#include <cstdio>

#include "app/handling.hpp"
#include "app/queries.hpp"

namespace zeren::app {

Result<LeaderReport> leader_report(Transaction& tx, const Context& ctx, int year) {
  if (year < 2000 || year > 2100)
    return Error::invalid("year", "out_of_range", "year is 2000 to 2100");
  auto within = reach(tx, ctx.actor, Permission::read_performance);
  if (!within) return within.error();
  const LeaderQuotas& quotas = default_leader_quotas();
  LeaderReport report;
  report.year = year;
  for (auto proc_id : *within) {
    auto proc = tx.organisation().find_procuratorate(proc_id);
    if (!proc) return proc.error();
    auto depts = tx.organisation().list_departments(proc_id);
    if (!depts) return depts.error();
    auto units = tx.organisation().list_units(proc_id);
    if (!units) return units.error();
    auto persons = tx.organisation().list_persons(proc_id);
    if (!persons) return persons.error();
    auto rows = tx.cases().list_cases(proc_id);
    if (!rows) return rows.error();
    auto notes = tx.handling().notes({std::nullopt, {proc_id}});
    if (!notes) return notes.error();

    std::set<DepartmentId> business;
    for (const auto& d : *depts)
      if (d.kind() == DepartmentKind::business) business.insert(d.id());
    std::map<UnitId, PersonId> lead_of;
    for (const auto& u : *units) lead_of[u.id()] = u.lead();
    // Cases of the year per lead.
    std::map<PersonId, std::set<CaseId>> led;
    for (const auto& r : *rows) {
      const Case& c = r;
      if (c.status() == CaseStatus::withdrawn || !c.unit()) continue;
      if (c.intake().received_on.year() != year) continue;
      led[lead_of[*c.unit()]].insert(c.id());
    }
    const Date year_end = *Date::from_ymd(year, 12, 31);
    int counted = 0, caseload = 0;
    for (const auto& p : *persons)
      if (p.category() == PersonCategory::prosecutor && !p.is_leader() &&
          business.contains(p.department()) && p.active_on(year_end)) {
        ++counted;
        caseload += static_cast<int>(led[p.id()].size());
      }
    const double average = counted ? double(caseload) / counted : 0.0;
    for (const auto& p : *persons) {
      if (!p.is_leader()) continue;
      const PostKind post = p.holds(PostKind::chief) ? PostKind::chief : PostKind::deputy_chief;
      const LeaderQuotaRule* rule = quotas.rule_for(post);
      if (!rule) continue;
      LeaderReport::Row row{p, proc->name(), post, 0, 0, 0, 0, average, "", false};
      const auto& mine = led[p.id()];
      row.cases_led = static_cast<int>(mine.size());
      std::set<CaseId> with_acts;
      for (const auto& n : *notes)
        if (n.kind == NoteKind::act && n.person == p.id() && mine.contains(n.case_id)) {
          ++row.acts;
          with_acts.insert(n.case_id);
        }
      row.cases_with_acts = static_cast<int>(with_acts.size());
      row.quota = leader_quota(*rule, average);
      char buf[160];
      if (rule->fixed)
        std::snprintf(buf, sizeof buf, "固定办案数 %d 件", *rule->fixed);
      else
        std::snprintf(buf, sizeof buf, "本院业务部门检察官平均办案量 %.1f 件 × %g%%", average,
                      rule->ratio * 100);
      row.basis = buf;
      row.met = row.cases_led >= row.quota;
      report.leaders.push_back(std::move(row));
    }
  }
  return report;
}

}  // namespace zeren::app
