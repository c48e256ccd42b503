// 指定分案 and 更换承办人: request → approval. Nothing takes effect before approval; the approver
// holds the post the plan names and is never the requester.
#include "app/assign_case.hpp"
#include "app/handling.hpp"
#include "app/permissions.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

namespace {

Result<Case> case_in_scope(Transaction& tx, const Context& ctx, CaseId id) {
  auto c = case_for(tx, ctx, id, Permission::read_cases);
  if (!c) return c.error();
  if (c->status() == CaseStatus::withdrawn)
    return Error::conflict("case_withdrawn", "the case was withdrawn", "case");
  return c;
}

Result<PersonId> requester(const Context& ctx) {
  if (!ctx.actor.person) return Error::denied("a request is made by a person of the 院");
  return *ctx.actor.person;
}

Result<RequestId> save_request(Transaction& tx, const Context& ctx, AssignmentRequest r,
                               const Case& c) {
  r.requested_at_us = ctx.clock.now_us();
  r.requested_by_actor = ctx.actor.id;
  r.status = RequestStatus::pending;
  auto id = tx.assignments().add_request(r);
  if (!id) return id.error();
  std::vector<AuditField> f{{"request", std::to_string(id->value)},
                            {"kind", std::string(code_of(r.kind))},
                            {"reason", r.reason},
                            {"reason_text", r.reason_text},
                            {"requested_by", std::to_string(r.requested_by.value)},
                            {"case_number", c.number()}};
  if (r.target) f.push_back({"target", std::to_string(r.target->value)});
  ZEREN_TRY(record_change(tx, ctx, "assignment.request", subject("case", c.id()), std::move(f)));
  return id;
}

}  // namespace

Result<RequestId> request_designation(Transaction& tx, const Context& ctx,
                                      const RequestDesignation& cmd) {
  auto c = case_in_scope(tx, ctx, cmd.case_id);
  if (!c) return c.error();
  if (!ctx.actor.console && !role_allows(ctx.actor, Permission::request_designation))
    return Error::denied(
        "指定分案须由案管、部门负责人或院领导提出 (case management, department head or leaders)");
  ZEREN_TRY(authorize(tx, ctx.actor, Permission::request_designation, c->intake().procuratorate));
  auto by = requester(ctx);
  if (!by) return by.error();
  auto reason = check_reason(RequestKind::designation, cmd.reason, cmd.reason_text);
  if (!reason) return reason.error();
  ZEREN_TRY(check_designation(tx, ctx, *c, cmd.target));
  AssignmentRequest r;
  r.case_id = c->id();
  r.kind = RequestKind::designation;
  r.reason = *reason;
  r.reason_text = cmd.reason_text;
  r.target = cmd.target;
  r.requested_by = *by;
  return save_request(tx, ctx, std::move(r), *c);
}

Result<RequestId> request_change_of_handler(Transaction& tx, const Context& ctx,
                                            const RequestChangeOfHandler& cmd) {
  auto c = case_in_scope(tx, ctx, cmd.case_id);
  if (!c) return c.error();
  if (c->status() != CaseStatus::assigned || !c->unit())
    return Error::conflict("case_not_assigned", "the case has no handler to change", "case");
  auto by = requester(ctx);
  if (!by) return by.error();
  if (!ctx.actor.console && !role_allows(ctx.actor, Permission::request_handler_change))
    return Error::denied("更换承办人须由承办人、本部门负责人、案管或院领导提出");
  ZEREN_TRY(
      authorize(tx, ctx.actor, Permission::request_handler_change, c->intake().procuratorate));
  if (!ctx.actor.console) {
    bool allowed = ctx.actor.has(Role::case_manager) || ctx.actor.has(Role::deputy_chief) ||
                   ctx.actor.has(Role::chief);
    if (ctx.actor.has(Role::dept_head)) {
      auto p = tx.organisation().find_person(*by);
      if (!p) return p.error();
      for (const auto& post : p->posts())
        if (post.kind == PostKind::department_head && !post.departments.empty() &&
            post.departments.front() == c->intake().department)
          allowed = true;
    }
    if (!allowed) {
      auto u = tx.organisation().find_unit(*c->unit());
      if (u && u->includes(*by)) allowed = true;  // the handler asks for themselves
    }
    if (!allowed)
      return Error::refused(
          "not_allowed_for_case",
          "更换承办人须由承办人、本部门负责人、案管或院领导提出 (only the handler, the "
          "department's head, case management or leaders ask)");
  }
  auto reason = check_reason(RequestKind::change_of_handler, cmd.reason, cmd.reason_text);
  if (!reason) return reason.error();
  AssignmentRequest r;
  r.case_id = c->id();
  r.kind = RequestKind::change_of_handler;
  r.reason = *reason;
  r.reason_text = cmd.reason_text;
  r.requested_by = *by;
  return save_request(tx, ctx, std::move(r), *c);
}

Result<std::optional<AssignmentRecord>> decide_request(Transaction& tx, const Context& ctx,
                                                       const DrawCrypto& crypto,
                                                       const DecideRequest& cmd) {
  auto r = tx.assignments().find_request(cmd.request);
  if (!r) return Error::not_found("request", "the request does not exist");
  auto c = case_in_scope(tx, ctx, r->case_id);
  if (!c) return c.error();
  if (r->status != RequestStatus::pending)
    return Error::conflict("already_decided", "the request was already decided", "request");
  if (!ctx.actor.console && !role_allows(ctx.actor, Permission::decide_reassignment))
    return Error::denied("your roles do not allow deciding requests (您的角色无审批权限)");
  ZEREN_TRY(authorize(tx, ctx.actor, Permission::decide_reassignment, c->intake().procuratorate));
  if (!ctx.actor.person) return Error::denied("a request is decided by a person of the 院");
  auto approver = tx.organisation().find_person(*ctx.actor.person);
  if (!approver) return approver.error();
  if (approver->id() == r->requested_by)
    return Error::refused(
        "self_approval",
        "申请人不能审批自己的申请 (the requester cannot approve their own request)");
  auto plan = plan_for(tx, ctx, c->intake().department);
  if (!plan) return plan.error();
  const PlanRules rules = *plan ? (*plan)->rules : PlanRules{};
  const Approver needed =
      r->kind == RequestKind::designation ? rules.designation_approver : rules.change_approver;
  if (approver->procuratorate() != c->intake().procuratorate ||
      !holds_approver_post(*approver, needed, c->intake().department))
    return Error::refused("approver_post_required", "审批人须为" + std::string(zh_of(needed)) +
                                                        " (the plan names who approves)");
  if (!cmd.approve && cmd.note.empty())
    return Error::invalid("note", "note_required", "驳回须说明理由 (a rejection needs a reason)");

  r->status = cmd.approve ? RequestStatus::approved : RequestStatus::rejected;
  r->decided_by = approver->id();
  r->decision_note = cmd.note;
  r->decided_at_us = ctx.clock.now_us();
  ZEREN_TRY(tx.assignments().save_request_decision(*r));
  std::vector<AuditField> f{{"request", std::to_string(r->id.value)},
                            {"kind", std::string(code_of(r->kind))},
                            {"decision", cmd.approve ? "approved" : "rejected"},
                            {"note", cmd.note},
                            {"approver", std::to_string(approver->id().value)}};
  if (cmd.designate) f.push_back({"designate", std::to_string(cmd.designate->value)});
  ZEREN_TRY(record_change(tx, ctx,
                          cmd.approve ? "assignment.request.approve" : "assignment.request.reject",
                          subject("case", c->id()), std::move(f)));
  if (!cmd.approve) return std::optional<AssignmentRecord>{};

  if (r->kind == RequestKind::designation || cmd.designate) {
    const UnitId target = r->kind == RequestKind::designation ? *r->target : *cmd.designate;
    auto rec = designate(tx, ctx, *c, target, r->id, approver->id());
    if (!rec) return rec.error();
    return std::optional<AssignmentRecord>{std::move(*rec)};
  }
  // Change of handler: draw again without the old unit.
  auto outcome =
      run_assignment(tx, ctx, crypto, *c, CaseRow::written, {*c->unit()}, r->id, approver->id());
  if (!outcome) return outcome.error();
  if (!outcome->record)
    return Error::conflict(
        "no_eligible_unit",
        "没有其他符合条件的办案单元，请指定承办单元 (no other eligible unit: designate one)",
        "designate");
  return std::optional<AssignmentRecord>{std::move(outcome->record)};
}

}  // namespace zeren::app
