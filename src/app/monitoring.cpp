// 检察长监控 (SPEC §7): one 院's open cases against their statutory periods, with what waits for
// the chief and what has not been answered. The database counts the open cases per unit and on
// each list; the dashboard reads only the first page of each list and the unanswered follow-ups,
// so its cost does not grow with the 院's open cases.
#include <set>

#include "app/watch.hpp"

namespace zeren::app {

Result<Monitoring> monitoring(Transaction& tx, const Context& ctx,
                              std::optional<ProcuratorateId> procuratorate) {
  auto proc = watched_procuratorate(tx, ctx, procuratorate);
  if (!proc) return proc.error();
  Monitoring m{*proc, ctx.clock.today(), {}, {}, {}, {}, {}, {}};
  const Watch w = watch_of(default_deadline_rules(), proc->id(), m.today);

  auto counts = tx.cases().watch_counts(w);
  if (!counts) return counts.error();
  m.in_progress = counts->in_progress;
  for (const auto& u : counts->units)
    m.units.push_back({u.unit, u.in_progress, u.near_expiry, u.overdue});
  for (const auto& [list, total] : counts->lists) {
    auto& l = m.lists[list];
    l.total = total;
    if (total == 0) continue;
    auto rows = watch_rows(tx, w, list, 0, kMonitoringPage);
    if (!rows) return rows.error();
    l.rows = std::move(*rows);
  }

  const HandlingRepository::Scope scope{std::nullopt, {proc->id()}};
  auto follow_ups = tx.handling().unanswered_follow_ups(scope);
  if (!follow_ups) return follow_ups.error();
  std::set<CaseId> cases;
  for (auto& f : *follow_ups) {
    cases.insert(f.case_id);
    (f.kind == FollowUpKind::notice ? m.open_notices : m.open_reports).push_back(std::move(f));
  }
  for (const auto& [list, l] : m.lists)
    for (const auto& r : l.rows) m.numbers[r.c.id()] = r.c.number();
  for (auto id : cases) {
    if (m.numbers.contains(id)) continue;
    auto c = tx.cases().find_case(id);
    if (!c) return c.error();
    m.numbers[id] = c->number();
  }
  return m;
}

}  // namespace zeren::app
