// 撤回: a case leaves the office (and its unit's load). Recorded so that a later re-filing of the
// same matter can be found (the anomaly report).
#include "app/record_change.hpp"
#include "app/use_cases.hpp"
#include "domain/text.hpp"

namespace zeren::app {

Status withdraw_case(Transaction& tx, const Context& ctx, const WithdrawCase& cmd) {
  auto c = tx.cases().find_case(cmd.case_id);
  if (!c) return Error::not_found("case", "the case does not exist");
  if (!ctx.actor.console &&
      (!ctx.actor.has(Role::case_manager) || ctx.actor.procuratorate != c->intake().procuratorate))
    return Error::denied("只有本院案件管理部门可以撤回案件 (only the 院's case-management office)");
  auto reason = clean_line(cmd.reason, "reason", 500);
  if (!reason) return reason.error();
  ZEREN_TRY(c->withdraw(ctx.clock.today()));
  ZEREN_TRY(tx.cases().save_case_state(*c));
  ZEREN_TRY(record_change(tx, ctx, "case.withdraw", subject("case", c->id()),
                          {{"reason", *reason}, {"case_number", c->number()}}));
  return ok_status();
}

}  // namespace zeren::app
