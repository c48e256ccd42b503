// One of the chief's dashboard lists (SPEC §7) page by page: the dashboard shows the first page of
// each, this the rest, in the same order (the most urgent first).
#include "app/watch.hpp"

namespace zeren::app {

Result<MonitoringPage> monitoring_list(Transaction& tx, const Context& ctx,
                                       std::optional<ProcuratorateId> procuratorate,
                                       WatchList list, int offset, int limit) {
  if (offset < 0) return Error::invalid("offset", "out_of_range", "offset is 0 or more");
  if (limit < 1 || limit > 100) return Error::invalid("limit", "out_of_range", "limit is 1 to 100");
  auto proc = watched_procuratorate(tx, ctx, procuratorate);
  if (!proc) return proc.error();
  MonitoringPage page{*proc, ctx.clock.today(), list, offset, limit, {}};
  const Watch w = watch_of(default_deadline_rules(), proc->id(), page.today);
  auto counts = tx.cases().watch_counts(w);
  if (!counts) return counts.error();
  page.cases.total = counts->lists[list];
  auto rows = watch_rows(tx, w, list, offset, limit);
  if (!rows) return rows.error();
  page.cases.rows = std::move(*rows);
  return page;
}

}  // namespace zeren::app
