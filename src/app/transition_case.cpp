// The life cycle's direct steps: 开始办理, the file back from 补充侦查 (the review period restarts,
// CPL art 175), 移送 and 归档. Decisions move the case too (propose_decision.cpp).
#include "app/handling.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"
#include "domain/text.hpp"

namespace zeren::app {

Status transition_case(Transaction& tx, const Context& ctx, const TransitionCase& cmd) {
  const Permission p =
      cmd.action == CaseAction::archive ? Permission::supervise_cases : Permission::handle_cases;
  auto c = case_for(tx, ctx, cmd.case_id, p);
  if (!c) return c.error();
  // Archiving is case management's (its role was checked); every other step the handler's.
  if (cmd.action != CaseAction::archive) ZEREN_TRY(require_handler(tx, ctx, *c));
  const Date today = ctx.clock.today();
  const Date on = cmd.on.value_or(today);
  if (today < on) return Error::invalid("on", "date_in_future", "the date is after today");
  std::string reason;
  if (!cmd.reason.empty() || cmd.action == CaseAction::transfer) {
    auto r = clean_line(cmd.reason, "reason", 500);
    if (!r) return r.error();
    reason = *r;
  }
  std::vector<AuditField> fields{{"action", std::string(code_of(cmd.action))},
                                 {"from", std::string(code_of(c->status()))}};
  switch (cmd.action) {
    case CaseAction::start: ZEREN_TRY(c->start()); break;
    case CaseAction::resume:
      ZEREN_TRY(c->resume(on));
      if (auto period = review_period(*c)) start_period(*c, *period, on);
      break;
    case CaseAction::transfer: {
      auto to = clean_line(cmd.transfer_to, "transfer_to", 100);
      if (!to) return to.error();
      ZEREN_TRY(c->transfer(on, *to));
      fields.push_back({"transfer_to", *to});
      break;
    }
    case CaseAction::archive: ZEREN_TRY(c->archive(on)); break;
  }
  ZEREN_TRY(tx.cases().save_case_state(*c));
  fields.push_back({"to", std::string(code_of(c->status()))});
  fields.push_back({"on", on.iso()});
  if (!reason.empty()) fields.push_back({"reason", reason});
  if (c->progress().due_on) fields.push_back({"due_on", c->progress().due_on->iso()});
  fields.push_back({"case_number", c->number()});
  return as_status(
      record_change(tx, ctx, "case.transition", subject("case", c->id()), std::move(fields)));
}

}  // namespace zeren::app
