// 流程监控 (Rules art 665): case management reminds orally, issues a written notice, or in a
// serious case also reports to the chief; the department replies in writing within 10 days.
#include "app/handling.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"
#include "domain/text.hpp"

namespace zeren::app {

Result<FollowUpId> issue_notice(Transaction& tx, const Context& ctx, const IssueNotice& cmd) {
  auto c = case_for(tx, ctx, cmd.case_id, Permission::supervise_cases);
  if (!c) return c.error();
  if (!c->open()) return Error::conflict("case_closed", "案件已不在办理中 (not open)", "status");
  auto content = clean_text(cmd.content, "content", 4000);
  if (!content) return content.error();
  const Date today = ctx.clock.today();
  FollowUp f;
  f.case_id = c->id();
  f.kind = FollowUpKind::notice;
  f.code = std::string(code_of(cmd.level));
  f.request = *content;
  f.requested_by = ctx.actor.person;
  f.requested_actor = ctx.actor.id;
  f.requested_on = today;
  f.due_on =
      Date::from_days(today.days_since_epoch() + default_monitoring_rules().notice_reply_days);
  auto id = tx.handling().add_follow_up(f);
  if (!id) return id.error();
  ZEREN_TRY(record_change(tx, ctx, "case.notice", subject("case", c->id()),
                          {{"notice", std::to_string(id->value)},
                           {"level", f.code},
                           {"content", *content},
                           {"reply_due", f.due_on.iso()},
                           {"case_number", c->number()}}));
  return id;
}

}  // namespace zeren::app
