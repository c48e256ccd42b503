// SessionRepository on SQLite.
#include <soci/soci.h>

#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

Result<SessionId> SqlTransaction::add_session(const Session& s) {
  return guarded_value<SessionId>([&]() -> Result<SessionId> {
    long long id = 0, user = s.user.value, created = s.created_us, seen = s.last_seen_us;
    statements_.run(
        "INSERT INTO session (token_hash, user_id, csrf_token, client, created_us, "
        "last_seen_us) VALUES (:t, :u, :c, :a, :cr, :ls) RETURNING id",
        use(s.token_hash), use(user), use(s.csrf_token), use(s.client), use(created), use(seen),
        into(id));
    return SessionId{id};
  });
}

Result<Session> SqlTransaction::find_session(const std::string& token_hash) {
  return guarded_value<Session>([&]() -> Result<Session> {
    Session s;
    long long id = 0, user = 0, created = 0, seen = 0, ended = 0;
    soci::indicator ended_ind = soci::i_null;
    statements_.run(
        "SELECT id, user_id, csrf_token, client, created_us, last_seen_us, ended_us "
        "FROM session WHERE token_hash = :t",
        use(token_hash), into(id), into(user), into(s.csrf_token), into(s.client), into(created),
        into(seen), into(ended, ended_ind));
    if (!sql_.got_data()) return Error::not_found("session", "no such session");
    s.id = SessionId{id};
    s.token_hash = token_hash;
    s.user = UserId{user};
    s.created_us = created;
    s.last_seen_us = seen;
    if (ended_ind != soci::i_null) s.ended_us = ended;
    return s;
  });
}

Status SqlTransaction::touch_session(SessionId id, std::int64_t now_us) {
  return guarded([&]() -> Status {
    long long v = id.value, now = now_us;
    statements_.run("UPDATE session SET last_seen_us = :n WHERE id = :id", use(now), use(v));
    return ok_status();
  });
}

Status SqlTransaction::end_session(SessionId id, std::int64_t now_us) {
  return guarded([&]() -> Status {
    long long v = id.value, now = now_us;
    statements_.run("UPDATE session SET ended_us = :n WHERE id = :id AND ended_us IS NULL",
                    use(now), use(v));
    return ok_status();
  });
}

Result<std::int64_t> SqlTransaction::count_live_sessions(std::int64_t idle_since_us,
                                                         std::int64_t created_since_us) {
  return guarded_value<std::int64_t>([&]() -> Result<std::int64_t> {
    long long n = 0, idle = idle_since_us, created = created_since_us;
    statements_.run(
        "SELECT COUNT(*) FROM session WHERE ended_us IS NULL AND last_seen_us > :i "
        "AND created_us > :c",
        use(idle), use(created), into(n));
    return static_cast<std::int64_t>(n);
  });
}

}  // namespace zeren::sql
