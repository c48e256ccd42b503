// The holder of the power decides a proposal (SPEC §5): approve, not approve (deciding another type
// instead is a contrary decision the handler may object to), or send it to the committee. The
// proposer never decides their own proposal here.
#include "app/handling.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"
#include "domain/text.hpp"

namespace zeren::app {

Result<Decision> decide_decision(Transaction& tx, const Context& ctx, const DecideDecision& cmd) {
  auto d = tx.handling().find_decision(cmd.decision);
  if (!d) return d.error();
  auto c = case_for(tx, ctx, d->case_id, Permission::decide_cases);
  if (!c)
    return c.error().kind == ErrorKind::not_found ? Error::not_found("decision", "no such decision")
                                                  : c.error();
  if (d->status != DecisionStatus::pending)
    return Error::conflict(
        "already_decided",
        "该决定事项已处理（" + std::string(zh_of(d->status)) + "） (already decided)", "decision");
  if (!holds_power(ctx, *c, d->holder, actor_department(tx, ctx)))
    return Error::refused("not_holder", "此事项由" + std::string(zh_of(d->holder)) +
                                            "决定，您不享有该项权力 (you do not hold this power)");
  if (ctx.actor.person && *ctx.actor.person == d->proposed_by)
    return Error::refused("own_proposal", "不能决定本人提出的事项 (not one's own proposal)");
  std::string note;
  if (!cmd.note.empty() || cmd.outcome != DecisionOutcome::approve) {
    auto n = clean_text(cmd.note, "note", 2000);
    if (!n) return n.error();
    note = *n;
  }
  if (cmd.instead && cmd.outcome != DecisionOutcome::reject)
    return Error::invalid("instead", "instead_without_reject",
                          "只有不同意时才能改为其他决定 (instead goes with reject)");
  d->note = note;
  switch (cmd.outcome) {
    case DecisionOutcome::approve: ZEREN_TRY(issue_decision(tx, ctx, *c, *d)); break;
    case DecisionOutcome::reject:
      if (cmd.instead) {
        auto rule = default_power_list().rule_for(c->intake().category, *cmd.instead);
        if (!rule) return Error::invalid("instead", rule.error().code, rule.error().message);
        if (*cmd.instead == d->type)
          return Error::invalid("instead", "same_type",
                                "改为的决定与原提议相同 (same as proposed)");
        d->proposed_type = d->type;
        d->type = *cmd.instead;
        ZEREN_TRY(issue_decision(tx, ctx, *c, *d));
      } else {
        d->status = DecisionStatus::rejected;
        d->decided_by = ctx.actor.person;
        d->decided_actor = ctx.actor.id;
        d->decided_at_us = ctx.clock.now_us();
        ZEREN_TRY(c->decision_refused());
        ZEREN_TRY(tx.cases().save_case_state(*c));
        ZEREN_TRY(tx.handling().save_decision(*d));
      }
      break;
    case DecisionOutcome::refer:
      d->status = DecisionStatus::referred;
      d->decided_by = ctx.actor.person;
      d->decided_actor = ctx.actor.id;
      d->decided_at_us = ctx.clock.now_us();
      ZEREN_TRY(tx.handling().save_decision(*d));
      break;
  }
  auto fields = decision_fields(*d, *c);
  fields.push_back({"outcome", std::string(code_of(cmd.outcome))});
  if (!note.empty()) fields.push_back({"note", note});
  ZEREN_TRY(
      record_change(tx, ctx, "case.decision.decide", subject("case", c->id()), std::move(fields)));
  return std::move(*d);
}

}  // namespace zeren::app
