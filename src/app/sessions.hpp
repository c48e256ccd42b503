// Log-in, who is logged in, log-out and the password change (SPEC §17). Log-in takes the Store,
// not a transaction: the slow Argon2id check runs between two short transactions, so it never
// holds the database.
#pragma once

#include <string>

#include "app/context.hpp"

namespace zeren::app {

struct LogIn {
  std::string username;
  std::string password;
  std::string client;  // the client's address, recorded with the session and in the audit log
};
struct LoggedIn {
  UserAccount user;
  Session session;
  std::string token;  // for the cookie; only its hash is stored
};
// Refusals: unauthenticated "invalid_credentials" (unknown user or wrong password: the same answer
// and about the same time), locked "account_locked" while a lock lasts, also for the right
// password. The `max_failures`-th failure starts the lock. Every attempt is audited.
Result<LoggedIn> log_in(Store& store, const Clock& clock, const PasswordHasher& hasher,
                        const SessionSecrets& secrets, const SessionPolicy& policy,
                        const LogIn& cmd);

struct Authenticated {
  Actor actor;
  UserAccount user;
  Session session;
};
// The live session behind `token`, touched (its last-seen time, at most once per
// `touch_interval_us`; not an audited change). Refusals: unauthenticated "session_required" (no
// such session), "session_ended", "session_expired".
Result<Authenticated> authenticate(Transaction& tx, const Clock& clock,
                                   const SessionSecrets& secrets, const SessionPolicy& policy,
                                   const std::string& token);

// Ends the session on the server.
Status log_out(Transaction& tx, const Context& ctx, SessionId session);

struct ChangePassword {
  UserId user;
  std::string current_password;
  std::string new_password;
};
// The account's own password; clears "must change at first log-in". The new one follows the
// password rule and differs from the current one.
Status change_password(Transaction& tx, const Context& ctx, const PasswordHasher& hasher,
                       const ChangePassword& cmd);

// Live sessions now (for /metrics).
Result<std::int64_t> count_live_sessions(Transaction& tx, const Clock& clock,
                                         const SessionPolicy& policy);

}  // namespace zeren::app
