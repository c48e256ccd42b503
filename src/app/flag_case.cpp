// 标记 (SPEC §7): a case flagged 新类型 / 重大疑难 / 质量风险 / 部门分歧 obliges its handler to
// report to the chief; the flag and the report it creates are one change.
#include "app/handling.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"
#include "domain/text.hpp"

namespace zeren::app {

Result<FollowUpId> flag_case(Transaction& tx, const Context& ctx, const FlagCase& cmd) {
  auto c = case_for(tx, ctx, cmd.case_id, Permission::flag_cases);
  if (!c) return c.error();
  if (!supervises_cases(ctx.actor)) ZEREN_TRY(require_handler(tx, ctx, *c));
  if (!c->open()) return Error::conflict("case_closed", "案件已不在办理中 (not open)", "status");
  std::string note;
  if (!cmd.note.empty()) {
    auto n = clean_text(cmd.note, "note", 2000);
    if (!n) return n.error();
    note = *n;
  }
  const Date today = ctx.clock.today();
  CaseNote n;
  n.case_id = c->id();
  n.kind = NoteKind::flag;
  n.code = std::string(code_of(cmd.flag));
  n.on = today;
  n.text = note;
  n.person = ctx.actor.person;
  n.actor = ctx.actor.id;
  n.at_us = ctx.clock.now_us();
  auto note_id = tx.handling().add_note(n);
  if (!note_id) return note_id.error();
  FollowUp f;
  f.case_id = c->id();
  f.kind = FollowUpKind::report;
  f.code = std::string(code_of(ReportOrigin::flag));
  f.flag = n.code;
  f.request = "案件已标记为「" + std::string(zh_of(cmd.flag)) + "」，承办检察官应向检察长报告" +
              (note.empty() ? "" : "：" + note);
  f.requested_by = ctx.actor.person;
  f.requested_actor = ctx.actor.id;
  f.requested_on = today;
  f.due_on =
      Date::from_days(today.days_since_epoch() + default_monitoring_rules().flag_report_days);
  auto id = tx.handling().add_follow_up(f);
  if (!id) return id.error();
  ZEREN_TRY(record_change(tx, ctx, "case.flag", subject("case", c->id()),
                          {{"note", std::to_string(note_id->value)},
                           {"flag", n.code},
                           {"text", note},
                           {"report", std::to_string(id->value)},
                           {"report_due", f.due_on.iso()},
                           {"case_number", c->number()}}));
  return id;
}

}  // namespace zeren::app
