#include "intake_setup.hpp"

#include <sys/wait.h>
#include <chrono>
#include <cstdlib>
#include <stdexcept>

#include "app/use_cases.hpp"

namespace zeren::bench {

namespace {

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

int shell(const std::string& command) {
  const int status = std::system(command.c_str());
  if (status == -1) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

[[noreturn]] void fail(const std::string& what, const Error& e) {
  throw std::runtime_error(what + ": " + e.code + ": " + e.message);
}

}  // namespace

std::int64_t FixedDayClock::now_us() const {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void load_demo_with_cli(const std::string& zeren, const std::string& db, const std::string& log) {
  const int rc = shell(quoted(zeren) + " demo --db " + quoted(db) + " --no-history > " +
                       quoted(log) + " 2>&1");
  if (rc != 0)
    throw std::runtime_error("`zeren demo` exited with " + std::to_string(rc) + "; see " + log);
}

int verify_audit_with_cli(const std::string& zeren, const std::string& db, const std::string& log) {
  return shell(quoted(zeren) + " audit verify --db " + quoted(db) + " >> " + quoted(log) + " 2>&1");
}

IntakeTarget prepare_department(Store& store, const Clock& clock,
                                const std::string& procuratorate_code,
                                const std::string& department_name,
                                const std::string& case_manager) {
  IntakeTarget target;
  PersonId chief;
  PlanId proposed;
  auto found = store.transact([&](Transaction& tx) -> Status {
    auto proc = tx.organisation().find_procuratorate_by_code(procuratorate_code);
    if (!proc) return proc.error();
    auto dept = tx.organisation().find_department_by_name(proc->id(), department_name);
    if (!dept) return dept.error();
    target.procuratorate = proc->id();
    target.department = dept->id();
    auto units = tx.organisation().list_units(proc->id());
    if (!units) return units.error();
    for (const auto& u : *units)
      if (u.department() == dept->id()) ++target.units;
    auto persons = tx.organisation().list_persons(proc->id());
    if (!persons) return persons.error();
    for (const auto& p : *persons)
      if (p.holds(PostKind::chief)) chief = p.id();
    if (!chief.valid()) return Error::not_found("chief", procuratorate_code + " has no chief");

    auto existing = tx.plans().approved_plan(dept->id(), clock.today());
    if (!existing) return existing.error();
    if (*existing) return ok_status();
    auto actor = app::actor_for_user(tx, case_manager);
    if (!actor) return actor.error();
    const app::Context ctx{*actor, clock};
    auto id = app::propose_plan(tx, ctx, {dept->id(), PlanRules{}, clock.today()});
    if (!id) return id.error();
    proposed = *id;
    return ok_status();
  });
  if (!found) fail("cannot prepare " + department_name, found.error());
  if (!proposed.valid()) return target;

  auto approved = store.transact([&](Transaction& tx) -> Status {
    auto actor = app::actor_for_person(tx, chief);
    if (!actor) return actor.error();
    const app::Context ctx{*actor, clock};
    return app::decide_plan(tx, ctx, {proposed, true, "同意"});
  });
  if (!approved) fail("cannot approve the plan", approved.error());
  target.plan_created = true;
  return target;
}

}  // namespace zeren::bench
