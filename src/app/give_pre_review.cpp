// 预审意见 (SPEC §7): the chief or a deputy chief reviews a case ahead of its decision.
#include "app/handling.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"
#include "domain/text.hpp"

namespace zeren::app {

Result<NoteId> give_pre_review(Transaction& tx, const Context& ctx, const GivePreReview& cmd) {
  auto c = case_for(tx, ctx, cmd.case_id, Permission::lead_cases);
  if (!c) return c.error();
  auto by = acting_person(ctx);
  if (!by && !ctx.actor.console) return by.error();
  if (!c->open()) return Error::conflict("case_closed", "案件已不在办理中 (not open)", "status");
  auto opinion = clean_text(cmd.opinion, "opinion", 4000);
  if (!opinion) return opinion.error();
  CaseNote n;
  n.case_id = c->id();
  n.kind = NoteKind::pre_review;
  n.on = ctx.clock.today();
  n.text = *opinion;
  n.person = ctx.actor.person;
  n.actor = ctx.actor.id;
  n.at_us = ctx.clock.now_us();
  auto id = tx.handling().add_note(n);
  if (!id) return id.error();
  ZEREN_TRY(record_change(
      tx, ctx, "case.pre_review", subject("case", c->id()),
      {{"note", std::to_string(id->value)}, {"opinion", *opinion}, {"case_number", c->number()}}));
  return id;
}

}  // namespace zeren::app
