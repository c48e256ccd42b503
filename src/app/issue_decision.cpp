// Issuing a decision: what it does to the case, and its document number (文书号), in one place for
// the self-decided path and the holder's approval.
#include "app/handling.hpp"

namespace zeren::app {

Status issue_decision(Transaction& tx, const Context& ctx, Case& c, Decision& d) {
  const Date today = ctx.clock.today();
  const auto& in = c.intake();
  switch (effect_of(d.type)) {
    case DecisionEffect::conclude: ZEREN_TRY(c.conclude(today)); break;
    case DecisionEffect::return_for_investigation:
      ZEREN_TRY(
          c.return_for_investigation(today, default_deadline_rules().supplementary_max_rounds));
      start_period(c, DeadlineKind::supplementary_investigation, today);
      break;
    case DecisionEffect::extend:
      if (in.custody && in.category == CaseCategory::arrest_review)
        return Error::conflict(
            "no_extension",
            "在押犯罪嫌疑人的审查逮捕期限（七日）不能延长 (no extension in custody)", "type");
      if (in.fast_track)
        return Error::conflict("no_extension", "速裁案件不适用延长 (a fast-tracked case)", "type");
      ZEREN_TRY(c.extend());
      recompute_period(c);
      break;
  }
  auto proc = tx.organisation().find_procuratorate(in.procuratorate);
  if (!proc) return proc.error();
  const std::string code = business_code(in.category);
  auto serial = tx.handling().next_document_serial(in.procuratorate, code, today.year());
  if (!serial) return serial.error();
  d.document_number = format_case_number(kDefaultDocumentNumberFormat, proc->short_code(), code,
                                         today.year(), *serial);
  d.status = DecisionStatus::issued;
  d.decided_by = ctx.actor.person;
  d.decided_actor = ctx.actor.id;
  d.decided_at_us = ctx.clock.now_us();
  ZEREN_TRY(tx.cases().save_case_state(c));
  if (d.id.valid()) return tx.handling().save_decision(d);
  auto id = tx.handling().add_decision(d);
  if (!id) return id.error();
  d.id = *id;
  return ok_status();
}

bool holds_power(const Context& ctx, const Case& c, PowerHolder holder,
                 std::optional<DepartmentId> actor_department) {
  if (ctx.actor.console) return true;
  if (ctx.actor.procuratorate != c.intake().procuratorate) return false;
  switch (holder) {
    case PowerHolder::chief: return ctx.actor.has(Role::chief);
    case PowerHolder::department_head: return heads_case_department(ctx, c, actor_department);
    default: return false;
  }
}

bool may_decide(const Context& ctx, const Case& c, const Decision& d,
                std::optional<DepartmentId> actor_department) {
  return d.status == DecisionStatus::pending && holds_power(ctx, c, d.holder, actor_department) &&
         ctx.actor.person != d.proposed_by;
}

std::vector<AuditField> decision_fields(const Decision& d, const Case& c) {
  std::vector<AuditField> f{
      {"decision", std::to_string(d.id.value)},         {"type", std::string(code_of(d.type))},
      {"holder", std::string(code_of(d.holder))},       {"power_list", d.power_list_version},
      {"status", std::string(code_of(d.status))},       {"case_number", c.number()},
      {"case_status", std::string(code_of(c.status()))}};
  if (d.proposed_type) f.push_back({"proposed_type", std::string(code_of(*d.proposed_type))});
  if (!d.document_number.empty()) f.push_back({"document_number", d.document_number});
  if (d.status == DecisionStatus::issued)
    f.push_back({"self_decided", d.self_decided() ? "1" : "0"});
  if (c.progress().due_on) f.push_back({"due_on", c.progress().due_on->iso()});
  return f;
}

}  // namespace zeren::app
