#include "app/sessions.hpp"

namespace zeren::app {

Result<Authenticated> authenticate(Transaction& tx, const Clock& clock,
                                   const SessionSecrets& secrets, const SessionPolicy& policy,
                                   const std::string& token) {
  const auto required = [] {
    return Error::unauthenticated("session_required", "请先登录 (please log in)");
  };
  if (token.empty()) return required();
  auto s = tx.sessions().find_session(secrets.token_hash(token));
  if (!s) return s.error().kind == ErrorKind::not_found ? required() : s.error();
  const std::int64_t now = clock.now_us();
  switch (session_status(*s, now, policy)) {
    case SessionStatus::live: break;
    case SessionStatus::ended:
      return Error::unauthenticated("session_ended",
                                    "您已退出登录，请重新登录 (you logged out; log in again)");
    case SessionStatus::idle_expired:
    case SessionStatus::absolute_expired:
      return Error::unauthenticated("session_expired",
                                    "登录已超时，请重新登录 (session expired; log in again)");
  }
  auto user = tx.users().find_user(s->user);
  if (!user) return user.error();
  if (now - s->last_seen_us >= policy.touch_interval_us) {
    ZEREN_TRY(tx.sessions().touch_session(s->id, now));
    s->last_seen_us = now;
  }
  Actor actor = Actor::for_account(*user);
  return Authenticated{std::move(actor), std::move(*user), std::move(*s)};
}

Result<std::int64_t> count_live_sessions(Transaction& tx, const Clock& clock,
                                         const SessionPolicy& policy) {
  const std::int64_t now = clock.now_us();
  return tx.sessions().count_live_sessions(now - policy.idle_us, now - policy.absolute_us);
}

}  // namespace zeren::app
