#include "app/record_change.hpp"
#include "app/sessions.hpp"

namespace zeren::app {

Status log_out(Transaction& tx, const Context& ctx, SessionId session) {
  ZEREN_TRY(tx.sessions().end_session(session, ctx.clock.now_us()));
  return as_status(record_change(tx, ctx, "session.logout", ctx.actor.id,
                                 {{"session", std::to_string(session.value)}}));
}

}  // namespace zeren::app
