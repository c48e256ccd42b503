// The written answer to a follow-up: the reply to a supervision notice (the handler or the head of
// the case's department) or the report to the chief (the handler). Answered once.
#include "app/handling.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"
#include "domain/text.hpp"

namespace zeren::app {

Status answer_follow_up(Transaction& tx, const Context& ctx, const AnswerFollowUp& cmd) {
  auto f = tx.handling().find_follow_up(cmd.follow_up);
  if (!f) return f.error();
  auto c = case_for(tx, ctx, f->case_id, Permission::handle_cases);
  if (!c)
    return c.error().kind == ErrorKind::not_found ? Error::not_found("follow_up", "not found")
                                                  : c.error();
  bool allowed = ctx.actor.console;
  if (!allowed) {
    auto h = handles_case(tx, *c, ctx.actor.person);
    if (!h) return h.error();
    allowed = *h;
  }
  if (!allowed && f->kind == FollowUpKind::notice)
    allowed = heads_case_department(ctx, *c, actor_department(tx, ctx));
  if (!allowed)
    return Error::refused("not_handler", f->kind == FollowUpKind::notice
                                             ? "监控通知由承办检察官或部门负责人书面回复"
                                             : "报告由本案承办检察官提交");
  if (f->answered_on)
    return Error::conflict("already_answered", "已经答复过 (already answered)", "follow_up");
  auto text = clean_text(cmd.text, "text", 4000);
  if (!text) return text.error();
  f->answer = *text;
  f->answered_by = ctx.actor.person;
  f->answered_actor = ctx.actor.id;
  f->answered_on = ctx.clock.today();
  ZEREN_TRY(tx.handling().save_follow_up_answer(*f));
  const bool notice = f->kind == FollowUpKind::notice;
  return as_status(record_change(tx, ctx, notice ? "case.notice.reply" : "case.report.file",
                                 subject("case", c->id()),
                                 {{notice ? "notice" : "report", std::to_string(f->id.value)},
                                  {"text", *text},
                                  {"due_on", f->due_on.iso()},
                                  {"late", *f->answered_on > f->due_on ? "1" : "0"},
                                  {"case_number", c->number()}}));
}

}  // namespace zeren::app
