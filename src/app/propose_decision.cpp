// The handler proposes a decision (SPEC §5). The power list says who holds it: within the
// handler's own power it is issued at once (检察官自行决定); otherwise it waits for the holder, and
// a decision for the committee or the higher 院 is recorded as referred there.
#include "app/handling.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"
#include "domain/text.hpp"

namespace zeren::app {

Result<Decision> propose_decision(Transaction& tx, const Context& ctx, const ProposeDecision& cmd) {
  auto c = case_for(tx, ctx, cmd.case_id, Permission::handle_cases);
  if (!c) return c.error();
  ZEREN_TRY(require_handler(tx, ctx, *c));
  auto by = acting_person(ctx);
  if (!by) return by.error();
  const PowerList& list = default_power_list();
  auto rule = list.rule_for(c->intake().category, cmd.type);
  if (!rule) return rule.error();
  auto reasoning = clean_text(cmd.reasoning, "reasoning", 4000);
  if (!reasoning) return reasoning.error();
  if (c->status() != CaseStatus::in_progress)
    return Error::conflict("illegal_transition",
                           "案件当前状态为「" + std::string(zh_of(c->status())) +
                               "」，不能提出决定（须在办理中） (only a case in progress)",
                           "status");

  Decision d;
  d.case_id = c->id();
  d.type = cmd.type;
  d.holder = rule->holder;
  d.power_list_version = list.version;
  d.reasoning = *reasoning;
  d.proposed_by = *by;
  d.proposed_actor = ctx.actor.id;
  d.proposed_at_us = ctx.clock.now_us();

  std::string action;
  if (rule->holder == PowerHolder::prosecutor ||
      holds_power(ctx, *c, rule->holder, actor_department(tx, ctx))) {
    ZEREN_TRY(issue_decision(tx, ctx, *c, d));
    action = "case.decision.issue";
  } else {
    d.status =
        rule->holder == PowerHolder::committee || rule->holder == PowerHolder::higher_procuratorate
            ? DecisionStatus::referred
            : DecisionStatus::pending;
    ZEREN_TRY(c->await_decision());
    ZEREN_TRY(tx.cases().save_case_state(*c));
    auto id = tx.handling().add_decision(d);
    if (!id) return id.error();
    d.id = *id;
    action = "case.decision.propose";
  }
  auto fields = decision_fields(d, *c);
  fields.push_back({"reasoning", d.reasoning});
  ZEREN_TRY(record_change(tx, ctx, action, subject("case", c->id()), std::move(fields)));
  return d;
}

}  // namespace zeren::app
