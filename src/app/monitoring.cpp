// 检察长监控 (SPEC §7): one 院's open cases against their statutory periods, with what waits for
// the chief and what has not been answered.
#include <algorithm>

#include "app/handling.hpp"
#include "app/queries.hpp"

namespace zeren::app {

Result<Monitoring> monitoring(Transaction& tx, const Context& ctx,
                              std::optional<ProcuratorateId> procuratorate) {
  if (!ctx.actor.console && !role_allows(ctx.actor, Permission::monitor_cases))
    return Error::denied("your roles do not allow monitoring (您的角色无权查看流程监控)");
  if (!procuratorate) procuratorate = ctx.actor.procuratorate;
  if (!procuratorate)
    return Error::invalid("procuratorate", "required", "procuratorate is required");
  auto proc = tx.organisation().find_procuratorate(*procuratorate);
  if (!proc) return Error::not_found("procuratorate", "no such procuratorate");
  ZEREN_TRY(hide_out_of_scope(authorize(tx, ctx.actor, Permission::monitor_cases, *procuratorate),
                              "procuratorate", "procuratorate"));
  Monitoring m{*proc, ctx.clock.today(), 0, {}, {}, {}, {}, {}};
  for (const char* list : {"near_expiry", "overdue", "extended", "returned", "in_custody",
                           "awaiting_chief", "flagged"})
    m.lists[list];

  auto rows = tx.cases().list_open_cases(*procuratorate);
  if (!rows) return rows.error();
  const HandlingRepository::Scope scope{std::nullopt, {*procuratorate}};
  auto decisions = tx.handling().decisions(scope);
  if (!decisions) return decisions.error();
  auto notes = tx.handling().notes(scope);
  if (!notes) return notes.error();
  auto follow_ups = tx.handling().follow_ups(scope);
  if (!follow_ups) return follow_ups.error();

  std::map<CaseId, std::vector<std::string>> flags;
  for (const auto& n : *notes)
    if (n.kind == NoteKind::flag) {
      auto& f = flags[n.case_id];
      if (std::find(f.begin(), f.end(), n.code) == f.end()) f.push_back(n.code);
    }
  std::set<CaseId> awaiting_chief;
  for (const auto& d : *decisions)
    if (d.status == DecisionStatus::pending && d.holder == PowerHolder::chief)
      awaiting_chief.insert(d.case_id);

  std::map<UnitId, Monitoring::UnitCounts> units;
  for (auto& r : *rows) {
    const Case& c = r;
    if (!c.open()) continue;
    ++m.in_progress;
    Monitoring::Row row{r, std::nullopt, flags[c.id()]};
    const auto& p = c.progress();
    bool near = false, overdue = false;
    if (p.due_on && p.period) {
      row.days_left = static_cast<int>(p.due_on->days_since_epoch() - m.today.days_since_epoch());
      const auto state = deadline_state(default_deadline_rules(), *p.period, *p.due_on, m.today);
      overdue = state == DeadlineState::overdue;
      near = state == DeadlineState::near;
    }
    if (c.unit()) {
      auto& u = units[*c.unit()];
      u.unit = *c.unit();
      ++u.in_progress;
      u.near_expiry += near;
      u.overdue += overdue;
    }
    if (near) m.lists["near_expiry"].push_back(row);
    if (overdue) m.lists["overdue"].push_back(row);
    if (p.extended) m.lists["extended"].push_back(row);
    if (c.status() == CaseStatus::returned) m.lists["returned"].push_back(row);
    if (c.intake().custody) m.lists["in_custody"].push_back(row);
    if (awaiting_chief.contains(c.id())) m.lists["awaiting_chief"].push_back(row);
    if (!row.flags.empty()) m.lists["flagged"].push_back(row);
  }
  for (auto& [id, u] : units) m.units.push_back(u);
  // Most urgent first.
  for (const char* list : {"near_expiry", "overdue"})
    std::stable_sort(m.lists[list].begin(), m.lists[list].end(),
                     [](const Monitoring::Row& a, const Monitoring::Row& b) {
                       return a.days_left.value_or(0) < b.days_left.value_or(0);
                     });
  for (const auto& r : *rows) m.numbers[r.id()] = r.number();
  for (auto& f : *follow_ups) {
    if (f.answered_on) continue;
    (f.kind == FollowUpKind::notice ? m.open_notices : m.open_reports).push_back(std::move(f));
  }
  return m;
}

}  // namespace zeren::app
