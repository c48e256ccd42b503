// 书面异议 (Rules art 7): a handler who thinks a decision made over their case wrong says so in
// writing, and executes it. Only against a decision issued by someone else.
#include "app/handling.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"
#include "domain/text.hpp"

namespace zeren::app {

Status object_to_decision(Transaction& tx, const Context& ctx, const ObjectToDecision& cmd) {
  auto d = tx.handling().find_decision(cmd.decision);
  if (!d) return d.error();
  auto c = case_for(tx, ctx, d->case_id, Permission::handle_cases);
  if (!c)
    return c.error().kind == ErrorKind::not_found ? Error::not_found("decision", "no such decision")
                                                  : c.error();
  ZEREN_TRY(require_handler(tx, ctx, *c));
  auto by = acting_person(ctx);
  if (!by) return by.error();
  if (!d->open_to_objection_by(*by))
    return Error::conflict("nothing_to_object",
                           "只能对他人作出的决定提出书面异议 (only a decision issued by another)",
                           "decision");
  auto text = clean_text(cmd.text, "text", 4000);
  if (!text) return text.error();
  d->objections.push_back({*by, *text, ctx.clock.now_us()});
  ZEREN_TRY(tx.handling().save_decision(*d));
  auto fields = decision_fields(*d, *c);
  fields.push_back({"objection", *text});
  fields.push_back({"objector", std::to_string(by->value)});
  return as_status(record_change(tx, ctx, "case.decision.objection", subject("case", c->id()),
                                 std::move(fields)));
}

}  // namespace zeren::app
