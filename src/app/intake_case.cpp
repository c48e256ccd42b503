// 受理: the case-management office registers a case; it gets its gapless number and is assigned
// in the same transaction, so a case is never left half-registered.
#include "app/assign_case.hpp"
#include "app/handling.hpp"
#include "app/organisation_lookup.hpp"
#include "app/permissions.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

namespace {

// Only an active member of the 院's case-management office takes in cases.
Status authorize_intake(Transaction& tx, OrganisationLookup& org, const Context& ctx,
                        ProcuratorateId where) {
  if (ctx.actor.console) return ok_status();
  if (!role_allows(ctx.actor, Permission::intake_cases))
    return Error::denied(
        "只有案件管理部门可以受理案件 (only the case-management office takes in cases)");
  ZEREN_TRY(authorize(tx, ctx.actor, Permission::intake_cases, where));
  if (!ctx.actor.person) return Error::denied("the account belongs to no person");
  auto p = org.person(*ctx.actor.person);
  if (!p) return p.error();
  auto d = org.department(p->department());
  if (!d) return d.error();
  if (p->procuratorate() != where || d->kind() != DepartmentKind::case_management ||
      !p->active_on(ctx.clock.today()))
    return Error::denied(
        "须为本院案件管理部在职人员 (an active member of the 院's case-management office)");
  return ok_status();
}

Status check_people(OrganisationLookup& org, const std::vector<PersonId>& people,
                    const char* field) {
  for (auto p : people)
    if (!org.person(p))
      return Error::not_found(field, std::string(field) + " names person " +
                                         std::to_string(p.value) + ", who does not exist");
  return ok_status();
}

}  // namespace

Result<IntakeResult> intake_case(Transaction& tx, const Context& ctx, const DrawCrypto& crypto,
                                 CaseIntake intake) {
  auto org = OrganisationLookup::open(tx, ctx, intake.procuratorate);
  if (!org) return org.error();
  ZEREN_TRY(authorize_intake(tx, *org, ctx, intake.procuratorate));
  auto registered = Case::register_intake(std::move(intake), ctx.clock.today());
  if (!registered) return registered.error();
  Case c = std::move(*registered);
  const auto& in = c.intake();

  auto proc = org->procuratorate(in.procuratorate);
  if (!proc) return Error::not_found("procuratorate", "the procuratorate does not exist");
  auto dept = org->department(in.department);
  if (!dept || dept->procuratorate() != in.procuratorate)
    return Error::not_found("department", "no such department in " + proc->name());
  if (!dept->accepts(in.category))
    return Error::invalid("category", "category_not_in_department",
                          dept->name() + " 不受理 " + std::string(zh_of(in.category)) +
                              " (the department does not handle this category)");
  if (in.related_case) {
    auto related = tx.cases().find_case(*in.related_case);
    if (!related) return Error::not_found("related_case", "the related case does not exist");
    if (related->intake().procuratorate != in.procuratorate)
      return Error::invalid("related_case", "related_case_of_other_procuratorate",
                            "the related case belongs to another procuratorate");
  }
  ZEREN_TRY(check_people(*org, in.recusals, "recusals"));
  ZEREN_TRY(check_people(*org, in.investigators, "investigators"));

  const std::string code = business_code(in.category);
  auto serial = tx.cases().next_case_serial(in.procuratorate, code, in.received_on.year());
  if (!serial) return serial.error();
  c.set_number(format_case_number(kDefaultCaseNumberFormat, proc->short_code(), code,
                                  in.received_on.year(), *serial));
  if (auto period = review_period(c)) start_period(c, *period, in.received_on);
  // The case is written once, by the assignment below, as it stands after it.
  auto id = tx.cases().next_case_id();
  if (!id) return id.error();
  c.set_id(*id);

  std::vector<AuditField> fields{{"number", c.number()},
                                 {"procuratorate", std::to_string(in.procuratorate.value)},
                                 {"department", std::to_string(in.department.value)},
                                 {"category", std::string(code_of(in.category))},
                                 {"received_on", in.received_on.iso()},
                                 {"difficulty", std::string(code_of(in.difficulty))},
                                 {"custody", in.custody ? "1" : "0"},
                                 {"source_org", in.source_org},
                                 {"source_doc_no", in.source_doc_no}};
  if (in.complex) fields.push_back({"complex", "1"});
  if (in.fast_track) fields.push_back({"fast_track", "1"});
  if (in.sentence_over_one_year) fields.push_back({"sentence_over_one_year", "1"});
  if (c.progress().period) {
    fields.push_back({"period", std::string(code_of(*c.progress().period))});
    fields.push_back({"due_on", c.progress().due_on ? c.progress().due_on->iso() : ""});
  }
  add_list(fields, "parties", in.parties);
  if (in.related_case) fields.push_back({"related_case", std::to_string(in.related_case->value)});
  std::vector<std::string> recusals, investigators;
  for (auto p : in.recusals) recusals.push_back(std::to_string(p.value));
  for (auto p : in.investigators) investigators.push_back(std::to_string(p.value));
  add_list(fields, "recusals", recusals);
  add_list(fields, "investigators", investigators);
  ZEREN_TRY(record_change(tx, ctx, "case.register", subject("case", c.id()), std::move(fields)));

  auto outcome =
      run_assignment(tx, ctx, crypto, c, CaseRow::unwritten, {}, std::nullopt, std::nullopt);
  if (!outcome) return outcome.error();
  return IntakeResult{std::move(c), std::move(outcome->record), outcome->unassigned_reason};
}

}  // namespace zeren::app
