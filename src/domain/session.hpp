// Log-in sessions and the lock-out rule (SPEC §17; 等级保护 level 3 as the anchor).
//
// A session is a row in the database (so that every server instance sees it): the browser holds
// a random token in an HttpOnly cookie and the database keeps only the token's hash. A session is
// live until it is ended (log-out), has been idle for `idle_us`, or has lived `absolute_us`,
// whichever comes first; expiry needs no write, it follows from the times.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/ids.hpp"

namespace zeren {

using SessionId = Id<struct SessionTag>;

struct SessionPolicy {
  std::int64_t idle_us = 30LL * 60 * 1'000'000;        // 30 minutes without a request
  std::int64_t absolute_us = 12LL * 3600 * 1'000'000;  // 12 hours after log-in
  int max_failures = 5;                                // failed log-ins before the lock
  std::int64_t lock_us = 15LL * 60 * 1'000'000;        // how long the lock lasts
  std::int64_t touch_interval_us = 60LL * 1'000'000;   // last-seen is written at most this often
};

// The account's failed log-ins since its last success, and the lock they led to.
struct LoginState {
  int failed = 0;
  std::optional<std::int64_t> locked_until_us;

  bool locked(std::int64_t now_us) const { return locked_until_us && now_us < *locked_until_us; }
  // After one more failure: at `max_failures` the account locks for `lock_us`. A lock that has
  // run out starts the count again.
  LoginState after_failure(std::int64_t now_us, const SessionPolicy& policy) const;
};

struct Session {
  SessionId id;
  std::string token_hash;  // hex of the token's hash; the token itself is never stored
  UserId user;
  std::string csrf_token;
  std::string client;  // the address it logged in from
  std::int64_t created_us = 0;
  std::int64_t last_seen_us = 0;
  std::optional<std::int64_t> ended_us;
};

enum class SessionStatus { live, ended, idle_expired, absolute_expired };
SessionStatus session_status(const Session& s, std::int64_t now_us, const SessionPolicy& policy);

}  // namespace zeren
