// What the chief's dashboard (monitoring.cpp) and its paged lists (monitoring_list.cpp) share:
// which 院 the reader watches, and a page of a list's cases as the dashboard shows them.
#pragma once

#include "app/queries.hpp"

namespace zeren::app {

// The 院 `procuratorate` names (the reader's own when none), once the reader may monitor it: an
// out-of-scope 院 is not_found, as if it did not exist.
Result<Procuratorate> watched_procuratorate(Transaction& tx, const Context& ctx,
                                            std::optional<ProcuratorateId> procuratorate);

// Up to `limit` of the list's cases from `offset`, with their days left and flags.
Result<std::vector<Monitoring::Row>> watch_rows(Transaction& tx, const Watch& w, WatchList list,
                                                int offset, int limit);

}  // namespace zeren::app
