#include "cli/common.hpp"

#include <boost/json.hpp>
#include <pwd.h>
#include <unistd.h>

#include <cmath>
#include <iostream>

#include "app/use_cases.hpp"
#include "audit/store_audit.hpp"
#include "cli/system_clock.hpp"

namespace zeren::cli {

int exit_code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_argument: return 3;
    case ErrorKind::not_found: return 4;
    case ErrorKind::conflict: return 5;
    case ErrorKind::permission_denied: return 6;
    case ErrorKind::unavailable: return 7;
    case ErrorKind::storage: return 8;
    case ErrorKind::corruption: return 9;
    case ErrorKind::unauthenticated: return 6;
    case ErrorKind::locked: return 6;
    case ErrorKind::rate_limited: return 7;
  }
  return 8;
}

boost::json::value json_number(double v) {
  if (std::isfinite(v) && v == static_cast<double>(static_cast<std::int64_t>(v)))
    return static_cast<std::int64_t>(v);
  return v;
}

void print_json(const boost::json::value& v) { std::cout << boost::json::serialize(v) << '\n'; }

int report_error(const Error& e, bool json) {
  if (json) {
    boost::json::object err{{"code", e.code}, {"message", e.message}};
    err["field"] = e.field.empty() ? boost::json::value(nullptr) : boost::json::value(e.field);
    print_json(boost::json::object{{"error", err}});
  } else {
    std::cerr << "zeren: " << e.message;
    if (!e.field.empty()) std::cerr << " [" << e.field << "]";
    std::cerr << '\n';
  }
  return exit_code_for(e.kind);
}

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

namespace {
std::string os_user() {
  if (const passwd* pw = getpwuid(geteuid())) return pw->pw_name;
  return std::to_string(geteuid());
}
}  // namespace

Result<Session> open_session(const std::string& database, bool create,
                             std::optional<audit::HashAlgorithm> hash, int readers) {
  StoreOptions options{database, create, hash};
  options.readers = readers;
  auto opened = open_store(options);
  if (!opened) return opened.error();
  Session s{std::move(*opened), app::Actor::console_operator(os_user()), database};
  // The checkpoint key lives beside the database; it is made with the database.
  auto key = s.opened.created ? audit::load_or_create_signing_key(database)
                              : audit::load_signing_key(database);
  if (!key) return key.error();
  // A database opened by a newer binary may have been migrated: record it.
  if (s.opened.created || !s.opened.applied_migrations.empty()) {
    app::Context ctx{s.actor, system_clock()};
    const app::RecordInitialisation cmd{s.opened.created, s.opened.applied_migrations,
                                        std::string(audit::name_of(s.opened.hash)),
                                        s.opened.schema_version};
    ZEREN_TRY(s.store().transact(
        [&](Transaction& tx) { return app::record_initialisation(tx, ctx, cmd); }));
    ZEREN_TRY(checkpoint_after_change(s, system_clock()));
  }
  return s;
}

Status checkpoint_after_change(Session& s, const Clock& clock) {
  auto key = audit::load_signing_key(s.database);
  if (!key) return key.error();
  auto c = audit::write_checkpoint(s.store(), *key, clock);
  if (!c) return c.error();
  return ok_status();
}

}  // namespace zeren::cli
