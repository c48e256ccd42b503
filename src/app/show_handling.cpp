// A case's handling as a reader sees it: decisions, notes and follow-ups, named, with what this
// reader may do now (the page offers only those).
#include <algorithm>

#include "app/handling.hpp"
#include "app/queries.hpp"

namespace zeren::app {

namespace {

bool reaches(Transaction& tx, const Context& ctx, Permission p, const Case& c) {
  return ctx.actor.console ||
         (role_allows(ctx.actor, p) && authorize(tx, ctx.actor, p, c.intake().procuratorate));
}

}  // namespace

Result<CaseHandling> show_handling(Transaction& tx, const Context& ctx, const Case& c) {
  CaseHandling h;
  h.today = ctx.clock.today();
  const HandlingRepository::Scope scope{c.id(), {}};
  auto decisions = tx.handling().decisions(scope);
  if (!decisions) return decisions.error();
  h.decisions = std::move(*decisions);
  auto notes = tx.handling().notes(scope);
  if (!notes) return notes.error();
  h.notes = std::move(*notes);
  auto follow_ups = tx.handling().follow_ups(scope);
  if (!follow_ups) return follow_ups.error();
  h.follow_ups = std::move(*follow_ups);

  auto handler = handles_case(tx, c, ctx.actor.person);
  if (!handler) return handler.error();
  const bool handles = *handler && reaches(tx, ctx, Permission::handle_cases, c);
  const auto dept = actor_department(tx, ctx);
  const bool own = ctx.actor.procuratorate == c.intake().procuratorate;
  const bool case_management =
      ctx.actor.has(Role::case_manager) && reaches(tx, ctx, Permission::supervise_cases, c);
  const bool leader = own && reaches(tx, ctx, Permission::lead_cases, c);
  const bool pending = std::any_of(h.decisions.begin(), h.decisions.end(), [](const Decision& d) {
    return d.status == DecisionStatus::pending || d.status == DecisionStatus::referred;
  });
  const auto s = c.status();
  auto offer = [&](bool yes, const char* action) {
    if (yes) h.actions.emplace_back(action);
  };
  offer(handles && s == CaseStatus::assigned, "start");
  offer(handles && s == CaseStatus::returned, "resume");
  offer(handles && c.open() && s != CaseStatus::returned, "transfer");
  offer(case_management && (s == CaseStatus::concluded || s == CaseStatus::transferred), "archive");
  offer(handles && s == CaseStatus::in_progress && !pending, "propose_decision");
  offer(handles && s != CaseStatus::registered && s != CaseStatus::withdrawn, "record_act");
  offer(c.open() && (handles || (own && supervises_cases(ctx.actor))) &&
            reaches(tx, ctx, Permission::flag_cases, c),
        "flag");
  offer(c.open() && case_management, "issue_notice");
  offer(c.open() && leader, "pre_review");
  offer(c.open() && leader, "instruct_report");
  h.decision_types = default_power_list().for_category(c.intake().category);

  for (const auto& d : h.decisions) {
    if (may_decide(ctx, c, d, dept) && reaches(tx, ctx, Permission::decide_cases, c))
      h.can_decide.insert(d.id.value);
    if (handles && d.open_to_objection_by(ctx.actor.person)) h.can_object.insert(d.id.value);
  }
  const bool dept_head = heads_case_department(ctx, c, dept);
  for (const auto& f : h.follow_ups)
    if (!f.answered_on && (handles || (f.kind == FollowUpKind::notice && dept_head)))
      h.can_answer.insert(f.id.value);

  return h;
}

}  // namespace zeren::app
