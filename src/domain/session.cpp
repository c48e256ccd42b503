#include "domain/session.hpp"

namespace zeren {

LoginState LoginState::after_failure(std::int64_t now_us, const SessionPolicy& policy) const {
  LoginState next = *this;
  if (next.locked_until_us && now_us >= *next.locked_until_us) next = LoginState{};
  ++next.failed;
  if (next.failed >= policy.max_failures && !next.locked(now_us))
    next.locked_until_us = now_us + policy.lock_us;
  return next;
}

SessionStatus session_status(const Session& s, std::int64_t now_us, const SessionPolicy& policy) {
  if (s.ended_us) return SessionStatus::ended;
  if (now_us - s.created_us >= policy.absolute_us) return SessionStatus::absolute_expired;
  if (now_us - s.last_seen_us >= policy.idle_us) return SessionStatus::idle_expired;
  return SessionStatus::live;
}

}  // namespace zeren
