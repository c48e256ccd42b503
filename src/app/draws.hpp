// Draw epochs (SPEC §3): one secret a day, committed to in the audit log before the day's first
// draw and revealed in it when the epoch closes.
#pragma once

#include "app/context.hpp"

namespace zeren::app {

// Reveals every open epoch of a day before today. record_change calls it before every change, so
// the first action of a later day closes the epochs of earlier days.
Status close_past_epochs(Transaction& tx, const Context& ctx);

// Reveals every open epoch, today's too when `include_today` (zeren epoch close --now).
// Returns how many were closed.
Result<int> close_epochs(Transaction& tx, const Context& ctx, bool include_today);

// Today's open epoch, opened (secret made, commitment logged) when there is none.
Result<DrawEpoch> current_epoch(Transaction& tx, const Context& ctx, const DrawCrypto& crypto);

}  // namespace zeren::app
