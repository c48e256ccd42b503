#include "app/watch.hpp"

#include "app/permissions.hpp"

namespace zeren::app {

Result<Procuratorate> watched_procuratorate(Transaction& tx, const Context& ctx,
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
  return *proc;
}

Result<std::vector<Monitoring::Row>> watch_rows(Transaction& tx, const Watch& w, WatchList list,
                                                int offset, int limit) {
  auto cases = tx.cases().watch_list(w, list, offset, limit);
  if (!cases) return cases.error();
  std::vector<CaseId> ids;
  for (const auto& c : *cases) ids.push_back(c.id());
  auto flags = tx.handling().flags_of(ids);
  if (!flags) return flags.error();
  std::vector<Monitoring::Row> rows;
  rows.reserve(cases->size());
  for (auto& c : *cases) {
    std::optional<int> days_left;
    if (const auto& p = c.progress(); p.due_on && p.period)
      days_left = static_cast<int>(p.due_on->days_since_epoch() - w.today.days_since_epoch());
    auto f = flags->find(c.id());
    rows.push_back({std::move(c), days_left,
                    f == flags->end() ? std::vector<std::string>{} : std::move(f->second)});
  }
  return rows;
}

}  // namespace zeren::app
