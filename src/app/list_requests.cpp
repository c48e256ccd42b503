#include "app/assign_case.hpp"
#include "app/handling.hpp"
#include "app/permissions.hpp"
#include "app/queries.hpp"

namespace zeren::app {

Result<std::vector<AssignmentRequest>> list_requests(Transaction& tx, const Context& ctx,
                                                     bool pending_only) {
  auto within = reach(tx, ctx.actor, Permission::read_cases);
  if (!within) return within.error();
  std::vector<AssignmentRequest> out;
  for (auto p : *within) {
    auto r = tx.assignments().list_requests(p);
    if (!r) return r.error();
    for (auto& x : *r)
      if (!pending_only || x.status == RequestStatus::pending) out.push_back(std::move(x));
  }
  return out;
}

Result<Inbox> approvals_inbox(Transaction& tx, const Context& ctx) {
  Inbox inbox;
  if (!ctx.actor.person || !ctx.actor.procuratorate) return inbox;
  auto me = tx.organisation().find_person(*ctx.actor.person);
  if (!me) return me.error();
  const ProcuratorateId own = *ctx.actor.procuratorate;
  if (role_allows(ctx.actor, Permission::decide_reassignment)) {
    auto reqs = tx.assignments().list_requests(own);
    if (!reqs) return reqs.error();
    for (auto& r : *reqs) {
      if (r.status != RequestStatus::pending || r.requested_by == me->id()) continue;
      auto c = tx.cases().find_case(r.case_id);
      if (!c) return c.error();
      auto plan = plan_for(tx, ctx, c->intake().department);
      if (!plan) return plan.error();
      const PlanRules rules = *plan ? (*plan)->rules : PlanRules{};
      const Approver needed =
          r.kind == RequestKind::designation ? rules.designation_approver : rules.change_approver;
      if (holds_approver_post(*me, needed, c->intake().department))
        inbox.requests.push_back(std::move(r));
    }
  }
  if (role_allows(ctx.actor, Permission::decide_plans) && me->holds(PostKind::chief)) {
    auto depts = tx.organisation().list_departments(own);
    if (!depts) return depts.error();
    for (const auto& d : *depts) {
      auto plans = tx.plans().list_plans(d.id());
      if (!plans) return plans.error();
      for (auto& p : *plans)
        if (p.status == PlanStatus::proposed && p.proposed_by != me->id())
          inbox.plans.push_back(std::move(p));
    }
  }
  if (role_allows(ctx.actor, Permission::decide_cases)) {
    auto decisions = tx.handling().decisions({std::nullopt, {own}});
    if (!decisions) return decisions.error();
    for (auto& d : *decisions) {
      if (d.status != DecisionStatus::pending) continue;
      auto c = tx.cases().find_case(d.case_id);
      if (!c) return c.error();
      if (!may_decide(ctx, *c, d, me->department())) continue;
      inbox.decision_cases.emplace(c->id(), std::move(*c));
      inbox.decisions.push_back(std::move(d));
    }
  }
  return inbox;
}

Result<std::vector<AssignmentPlan>> list_plans(Transaction& tx, const Context& ctx,
                                               std::optional<DepartmentId> department) {
  auto within = reach(tx, ctx.actor, Permission::read_plans);
  if (!within) return within.error();
  std::vector<AssignmentPlan> out;
  if (department) {
    auto d = tx.organisation().find_department(*department);
    if (!d) return Error::not_found("department", "the department not found");
    ZEREN_TRY(
        hide_out_of_scope(authorize(tx, ctx.actor, Permission::read_plans, d->procuratorate()),
                          "department", "the department"));
    return tx.plans().list_plans(*department);
  }
  for (auto p : *within) {
    auto depts = tx.organisation().list_departments(p);
    if (!depts) return depts.error();
    for (const auto& d : *depts) {
      auto plans = tx.plans().list_plans(d.id());
      if (!plans) return plans.error();
      out.insert(out.end(), plans->begin(), plans->end());
    }
  }
  return out;
}

Result<std::vector<Alert>> list_alerts(Transaction& tx, const Context& ctx) {
  auto within = reach(tx, ctx.actor, Permission::read_alerts);
  if (!within) return within.error();
  std::vector<Alert> out;
  for (auto p : *within) {
    auto a = tx.assignments().list_alerts(p);
    if (!a) return a.error();
    out.insert(out.end(), a->begin(), a->end());
  }
  return out;
}

}  // namespace zeren::app
