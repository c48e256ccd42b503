// What every subcommand shares: opening the store as the console operator, printing results and
// errors (text for people, --json for scripts), and the one error-kind → exit-code mapping.
#pragma once

#include <boost/json/fwd.hpp>
#include <functional>
#include <memory>
#include <string>

#include "app/context.hpp"
#include "audit/checkpoint.hpp"
#include "storage/open_store.hpp"

namespace CLI {
class App;
}

namespace zeren::cli {

// Exit codes: 0 ok; 1 the audit log does not verify; 2 usage; then one per error kind.
int exit_code_for(ErrorKind kind);
inline constexpr int kExitNotVerified = 1;
inline constexpr int kExitUsage = 2;

// Prints `e` on stderr, or as {"error": {...}} on stdout with --json; returns its exit code.
int report_error(const Error& e, bool json);
void print_json(const boost::json::value& v);
// A number as JSON: whole values as integers (400, not 4E2).
boost::json::value json_number(double v);

struct Session {
  OpenedStore opened;
  app::Actor actor;
  std::string database;
  Store& store() { return *opened.store; }
};

// Opens the database (creating it when `create`), as the console operator. `readers`: SQLite's
// read-only connections beside the writer (StoreOptions::readers), for the server.
Result<Session> open_session(const std::string& database, bool create,
                             std::optional<audit::HashAlgorithm> hash = {}, int readers = 0);

// Signs a checkpoint of the current head with the key beside the database.
Status checkpoint_after_change(Session& s, const Clock& clock);

const Clock& system_clock();

// Each subcommand registers itself; `run` is set to the chosen command's action.
using Action = std::function<int()>;
void add_init(CLI::App& app, Action& run);
void add_demo(CLI::App& app, Action& run);
void add_org(CLI::App& app, Action& run);
void add_user(CLI::App& app, Action& run);
void add_audit(CLI::App& app, Action& run);
void add_case(CLI::App& app, Action& run);
void add_epoch(CLI::App& app, Action& run);
void add_report(CLI::App& app, Action& run);
void add_simulate(CLI::App& app, Action& run);
void add_serve(CLI::App& app, Action& run);
void add_calendar(CLI::App& app, Action& run);
void add_deadline(CLI::App& app, Action& run);
void add_backup(CLI::App& app, Action& run);
void add_import(CLI::App& app, Action& run);
void add_gen(CLI::App& app, Action& run);

}  // namespace zeren::cli
