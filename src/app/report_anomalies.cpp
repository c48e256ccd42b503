// The anomaly report (SPEC §3): the tricks that defeated allocation systems elsewhere, looked for
// in the data — re-filing after a withdrawal, designations per department and requester, pools
// below the plan's minimum, absences that cluster.
#include <algorithm>
#include <map>

#include "app/permissions.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

namespace {
constexpr int kRefilingWindowDays = 90;

std::string parties_key(std::vector<std::string> parties) {
  std::sort(parties.begin(), parties.end());
  std::string k;
  for (const auto& p : parties) k += p + '\x1f';
  return k;
}
}  // namespace

Result<AnomalyReport> report_anomalies(Transaction& tx, const Context& ctx) {
  std::optional<ProcuratorateId> scope;
  if (!ctx.actor.console) {
    if (!role_allows(ctx.actor, Permission::read_anomalies))
      return Error::denied("the anomaly report is for case management, leaders and discipline");
    scope = ctx.actor.procuratorate;
  }
  auto procs = tx.organisation().list_procuratorates();
  auto depts = tx.organisation().list_departments(std::nullopt);
  auto persons = tx.organisation().list_persons(std::nullopt);
  auto units = tx.organisation().list_units(std::nullopt);
  auto cases = tx.cases().list_cases(std::nullopt);
  auto assignments = tx.assignments().list_assignments(std::nullopt);
  auto requests = tx.assignments().list_requests(std::nullopt);
  if (!procs) return procs.error();
  if (!depts) return depts.error();
  if (!persons) return persons.error();
  if (!units) return units.error();
  if (!cases) return cases.error();
  if (!assignments) return assignments.error();
  if (!requests) return requests.error();

  std::map<ProcuratorateId, const Procuratorate*> proc_by_id;
  for (const auto& p : *procs) proc_by_id[p.id()] = &p;
  auto in_scope = [&](ProcuratorateId p) {
    if (!scope) return true;
    const auto* proc = proc_by_id[p];
    return p == *scope || (proc && proc->parent() && *proc->parent() == *scope);
  };
  std::map<DepartmentId, const Department*> dept_by_id;
  for (const auto& d : *depts) dept_by_id[d.id()] = &d;
  auto dept_label = [&](DepartmentId id) {
    const auto* d = dept_by_id[id];
    return proc_by_id[d->procuratorate()]->name() + " " + d->name();
  };
  std::map<PersonId, const Person*> person_by_id;
  for (const auto& p : *persons) person_by_id[p.id()] = &p;
  std::map<CaseId, const Case*> case_by_id;
  for (const auto& c : *cases) case_by_id[c.id()] = &c;

  AnomalyReport report;

  // Re-filing: a later case with the same source document number or the same set of parties,
  // received within 90 days after a withdrawal.
  for (const auto& w : *cases) {
    const auto& withdrawn_on = w.progress().withdrawn_on;
    if (!withdrawn_on || !in_scope(w.intake().procuratorate)) continue;
    const auto wkey = parties_key(w.intake().parties);
    for (const auto& later : *cases) {
      if (later.id() == w.id() || later.intake().procuratorate != w.intake().procuratorate)
        continue;
      const auto days =
          later.intake().received_on.days_since_epoch() - withdrawn_on->days_since_epoch();
      if (days < 0 || days > kRefilingWindowDays) continue;
      std::string match;
      if (later.intake().source_doc_no == w.intake().source_doc_no)
        match = "source_doc_no";
      else if (parties_key(later.intake().parties) == wkey)
        match = "parties";
      if (match.empty()) continue;
      report.refiled.push_back(
          {w.id(), later.id(), w.number(), later.number(), match, static_cast<int>(days)});
    }
  }

  // Designations per department; small pools.
  std::map<DepartmentId, AnomalyReport::DesignationShare> share;
  for (const auto& a : *assignments) {
    const auto* row = case_by_id[a.case_id];
    if (!row || !in_scope(row->intake().procuratorate)) continue;
    auto& s = share[row->intake().department];
    s.department = dept_label(row->intake().department);
    ++s.assignments;
    if (a.method == AssignmentMethod::designated) ++s.designated;
    if (a.method != AssignmentMethod::designated && a.plan.valid() && a.pool_size < a.min_pool)
      report.small_pools.push_back(
          {row->number(), dept_label(row->intake().department), a.pool_size, a.min_pool});
  }
  for (auto& [id, s] : share) report.designations.push_back(s);

  // Requests per requester.
  std::map<PersonId, AnomalyReport::RequesterShare> by_requester;
  for (const auto& r : *requests) {
    const auto* row = case_by_id[r.case_id];
    if (!row || !in_scope(row->intake().procuratorate)) continue;
    auto& s = by_requester[r.requested_by];
    const auto* p = person_by_id[r.requested_by];
    s.person = p ? p->name() + " (" + std::to_string(p->id().value) + ")"
                 : std::to_string(r.requested_by.value);
    ++s.requests;
    if (r.status == RequestStatus::approved) ++s.approved;
  }
  for (auto& [id, s] : by_requester) report.requesters.push_back(s);

  // Clustered absences: days on which at least two unit leads of a department are away and they
  // lead at least a third of its active units.
  std::map<DepartmentId, std::vector<const Unit*>> units_of;
  for (const auto& u : *units)
    if (u.active()) units_of[u.department()].push_back(&u);
  for (const auto& [dept, list] : units_of) {
    if (!in_scope(dept_by_id[dept]->procuratorate())) continue;
    std::map<std::int64_t, int> absent_on;  // day -> units whose lead is away
    for (const auto* u : list) {
      const auto* lead = person_by_id[u->lead()];
      if (!lead) continue;
      for (const auto& a : lead->absences())
        for (auto d = a.from.days_since_epoch(); d <= a.to.days_since_epoch(); ++d) ++absent_on[d];
    }
    const int n = static_cast<int>(list.size());
    std::optional<AnomalyReport::AbsenceCluster> open;
    auto flush = [&] {
      if (open) report.absence_clusters.push_back(*open);
      open.reset();
    };
    std::int64_t previous = -1;
    for (const auto& [day, absent] : absent_on) {
      const bool cluster = absent >= 2 && absent * 3 >= n;
      if (!cluster || day != previous + 1) flush();
      if (cluster) {
        if (!open)
          open = AnomalyReport::AbsenceCluster{dept_label(dept), Date::from_days(day),
                                               Date::from_days(day), absent, n};
        open->to = Date::from_days(day);
        open->absent_leads = std::max(open->absent_leads, absent);
      }
      previous = day;
    }
    flush();
  }
  return report;
}

}  // namespace zeren::app
