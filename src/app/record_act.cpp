// 亲历办案 (SPEC §6): a key personal act, recorded by the person who did it on a case they handle.
// Leaders' own cases count only where they lead the unit; the acts show they did the work.
#include "app/handling.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"
#include "domain/text.hpp"

namespace zeren::app {

Result<NoteId> record_act(Transaction& tx, const Context& ctx, const RecordAct& cmd) {
  auto c = case_for(tx, ctx, cmd.case_id, Permission::handle_cases);
  if (!c) return c.error();
  ZEREN_TRY(require_handler(tx, ctx, *c));
  auto by = acting_person(ctx);
  if (!by) return by.error();
  if (c->status() == CaseStatus::registered || c->status() == CaseStatus::withdrawn)
    return Error::conflict("illegal_transition", "案件尚未分案或已撤回 (not handled)", "status");
  if (ctx.clock.today() < cmd.on)
    return Error::invalid("on", "date_in_future", "the date is after today");
  if (cmd.on < c->intake().received_on)
    return Error::invalid("on", "before_received", "the date is before the case was received");
  std::string note;
  if (!cmd.note.empty()) {
    auto n = clean_text(cmd.note, "note", 2000);
    if (!n) return n.error();
    note = *n;
  }
  CaseNote n;
  n.case_id = c->id();
  n.kind = NoteKind::act;
  n.code = std::string(code_of(cmd.kind));
  n.on = cmd.on;
  n.text = note;
  n.person = *by;
  n.actor = ctx.actor.id;
  n.at_us = ctx.clock.now_us();
  auto id = tx.handling().add_note(n);
  if (!id) return id.error();
  ZEREN_TRY(record_change(tx, ctx, "case.act", subject("case", c->id()),
                          {{"note", std::to_string(id->value)},
                           {"kind", n.code},
                           {"on", n.on.iso()},
                           {"person", std::to_string(by->value)},
                           {"text", note},
                           {"case_number", c->number()}}));
  return id;
}

}  // namespace zeren::app
