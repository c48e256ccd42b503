#include "app/draws.hpp"

#include "app/record_change.hpp"
#include "domain/text.hpp"

namespace zeren::app {

namespace {

// Epoch entries are the system's, not the actor's: they happen because the day turned.
Status append_system(Transaction& tx, const Context& ctx, std::string action, std::string subject,
                     std::vector<AuditField> fields) {
  auto e = tx.audit().append(
      AuditEvent{ctx.clock.now_us(), "system", std::move(action), std::move(subject), std::move(fields)});
  if (!e) return e.error();
  return ok_status();
}

Status reveal(Transaction& tx, const Context& ctx, const DrawEpoch& e) {
  ZEREN_TRY(tx.epochs().close_epoch(e.id, ctx.clock.now_us()));
  return append_system(tx, ctx, "draw.epoch.close", subject("epoch", e.id),
                       {{"day", e.day.iso()},
                        {"commitment", hex_encode(e.commitment)},
                        {"secret", hex_encode(e.secret)}});
}

}  // namespace

Result<int> close_epochs(Transaction& tx, const Context& ctx, bool include_today) {
  auto open = tx.epochs().open_epochs();
  if (!open) return open.error();
  const Date today = ctx.clock.today();
  int closed = 0;
  for (const auto& e : *open)
    if (e.day < today || include_today) {
      ZEREN_TRY(reveal(tx, ctx, e));
      ++closed;
    }
  return closed;
}

Status close_past_epochs(Transaction& tx, const Context& ctx) {
  auto n = close_epochs(tx, ctx, false);
  if (!n) return n.error();
  return ok_status();
}

Result<DrawEpoch> current_epoch(Transaction& tx, const Context& ctx, const DrawCrypto& crypto) {
  ZEREN_TRY(close_past_epochs(tx, ctx));
  auto open = tx.epochs().open_epochs();
  if (!open) return open.error();
  if (!open->empty()) return open->back();
  DrawEpoch e;
  e.day = ctx.clock.today();
  e.secret = crypto.fresh_secret();
  e.commitment = crypto.commitment(e.secret);
  e.opened_at_us = ctx.clock.now_us();
  auto id = tx.epochs().add_epoch(e);
  if (!id) return id.error();
  e.id = *id;
  ZEREN_TRY(append_system(tx, ctx, "draw.epoch.open", subject("epoch", e.id),
                          {{"day", e.day.iso()},
                           {"commitment", hex_encode(e.commitment)}}));
  return e;
}

}  // namespace zeren::app
