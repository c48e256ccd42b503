// 指示报告 (SPEC §7): the chief or a deputy chief asks the handler to report on a case by a date.
#include "app/handling.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"
#include "domain/text.hpp"

namespace zeren::app {

Result<FollowUpId> instruct_report(Transaction& tx, const Context& ctx, const InstructReport& cmd) {
  auto c = case_for(tx, ctx, cmd.case_id, Permission::lead_cases);
  if (!c) return c.error();
  if (!c->open()) return Error::conflict("case_closed", "案件已不在办理中 (not open)", "status");
  auto request = clean_text(cmd.request, "request", 2000);
  if (!request) return request.error();
  const Date today = ctx.clock.today();
  if (cmd.due_on < today)
    return Error::invalid("due_on", "date_in_past", "the report cannot be due before today");
  FollowUp f;
  f.case_id = c->id();
  f.kind = FollowUpKind::report;
  f.code = std::string(code_of(ReportOrigin::instruction));
  f.request = *request;
  f.requested_by = ctx.actor.person;
  f.requested_actor = ctx.actor.id;
  f.requested_on = today;
  f.due_on = cmd.due_on;
  auto id = tx.handling().add_follow_up(f);
  if (!id) return id.error();
  ZEREN_TRY(record_change(tx, ctx, "case.report_instruction", subject("case", c->id()),
                          {{"report", std::to_string(id->value)},
                           {"request", *request},
                           {"due_on", f.due_on.iso()},
                           {"case_number", c->number()}}));
  return id;
}

}  // namespace zeren::app
