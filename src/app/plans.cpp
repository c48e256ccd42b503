// 分案方案: proposed by the department (or the case-management office), approved by the chief.
#include "app/permissions.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

namespace {
Result<Person> acting_person(Transaction& tx, const Actor& a) {
  if (!a.person) return Error::denied("this needs an account that belongs to a person");
  return tx.organisation().find_person(*a.person);
}

void plan_fields(std::vector<AuditField>& f, const AssignmentPlan& p) {
  const auto& r = p.rules;
  f.push_back({"department", std::to_string(p.department.value)});
  f.push_back({"version", std::to_string(p.version)});
  f.push_back({"mode", std::string(code_of(r.mode))});
  f.push_back({"weight_ordinary", std::to_string(r.weight_ordinary)});
  f.push_back({"weight_difficult", std::to_string(r.weight_difficult)});
  f.push_back({"tolerance", std::to_string(r.tolerance)});
  f.push_back({"min_pool", std::to_string(r.min_pool)});
  f.push_back({"designation_approver", std::string(code_of(r.designation_approver))});
  f.push_back({"change_approver", std::string(code_of(r.change_approver))});
  f.push_back({"effective_from", p.effective_from.iso()});
}
}  // namespace

Result<PlanId> propose_plan(Transaction& tx, const Context& ctx, const ProposePlan& cmd) {
  auto dept = tx.organisation().find_department(cmd.department);
  if (!dept) return Error::not_found("department", "the department does not exist");
  if (!ctx.actor.console && !role_allows(ctx.actor, Permission::propose_plans))
    return Error::denied(
        "only a department head, the case-management office or the chief proposes a plan");
  ZEREN_TRY(
      hide_out_of_scope(authorize(tx, ctx.actor, Permission::propose_plans, dept->procuratorate()),
                        "department", "the department"));
  if (dept->kind() != DepartmentKind::business)
    return Error::invalid("department", "not_a_business_department",
                          dept->name() + " handles no cases");
  ZEREN_TRY(cmd.rules.check());
  auto person = acting_person(tx, ctx.actor);
  if (!person) return Error::denied("a plan is proposed by a person of the 院");
  auto existing = tx.plans().list_plans(cmd.department);
  if (!existing) return existing.error();
  AssignmentPlan p;
  p.department = cmd.department;
  p.version = existing->empty() ? 1 : existing->back().version + 1;
  p.rules = cmd.rules;
  p.effective_from = cmd.effective_from;
  p.status = PlanStatus::proposed;
  p.proposed_by = person->id();
  auto id = tx.plans().add_plan(p);
  if (!id) return id.error();
  std::vector<AuditField> f;
  plan_fields(f, p);
  ZEREN_TRY(record_change(tx, ctx, "assignment.plan.propose", subject("plan", *id), std::move(f)));
  return id;
}

Status decide_plan(Transaction& tx, const Context& ctx, const DecidePlan& cmd) {
  auto plan = tx.plans().find_plan(cmd.plan);
  if (!plan) return Error::not_found("plan", "the plan does not exist");
  auto dept = tx.organisation().find_department(plan->department);
  if (!dept) return dept.error();
  if (!ctx.actor.console && !role_allows(ctx.actor, Permission::decide_plans))
    return Error::denied(
        "只有本院检察长可以批准分案方案 (only the chief of the 院 approves a plan)");
  ZEREN_TRY(
      hide_out_of_scope(authorize(tx, ctx.actor, Permission::decide_plans, dept->procuratorate()),
                        "plan", "the plan"));
  auto person = acting_person(tx, ctx.actor);
  if (!person) return person.error();
  if (person->procuratorate() != dept->procuratorate() || !person->holds(PostKind::chief))
    return Error::refused(
        "approver_post_required",
        "只有本院检察长可以批准分案方案 (only the chief of the 院 approves a plan)");
  if (person->id() == plan->proposed_by)
    return Error::refused("self_approval",
                          "提出人不能批准自己的方案 (the proposer cannot approve their own plan)");
  if (plan->status != PlanStatus::proposed)
    return Error::conflict("already_decided", "the plan was already decided", "plan");
  if (!cmd.approve && cmd.note.empty())
    return Error::invalid("note", "note_required", "驳回须说明理由 (a rejection needs a reason)");
  if (cmd.approve && plan->effective_from <= ctx.clock.today()) {
    // In force at once: it replaces the plan in force. A plan approved for a later day leaves the
    // current one in force until then (approved_plan picks by effective date).
    auto current = tx.plans().approved_plan(plan->department, ctx.clock.today());
    if (!current) return current.error();
    if (*current) {
      (*current)->status = PlanStatus::superseded;
      ZEREN_TRY(tx.plans().save_plan_status(**current));
    }
  }
  plan->status = cmd.approve ? PlanStatus::approved : PlanStatus::rejected;
  plan->approved_by = person->id();
  ZEREN_TRY(tx.plans().save_plan_status(*plan));
  ZEREN_TRY(record_change(tx, ctx,
                          cmd.approve ? "assignment.plan.approve" : "assignment.plan.reject",
                          subject("plan", plan->id),
                          {{"version", std::to_string(plan->version)},
                           {"department", std::to_string(plan->department.value)},
                           {"note", cmd.note}}));
  return ok_status();
}

}  // namespace zeren::app
