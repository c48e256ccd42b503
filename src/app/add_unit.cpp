#include "app/permissions.hpp"
#include "app/record_change.hpp"
#include "app/unit_fields.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

// Checks the unit against its department and people; the audit fields describing it.
Result<std::vector<AuditField>> checked_unit_fields(Transaction& tx, const Unit& unit,
                                                    const Department& dept) {
  auto lead = tx.organisation().find_person(unit.lead());
  if (!lead) return Error::not_found("lead", "the lead does not exist");
  std::vector<Person> members;
  for (auto m : unit.members()) {
    auto p = tx.organisation().find_person(m);
    if (!p)
      return Error::not_found("members", "member " + std::to_string(m.value) + " does not exist");
    members.push_back(std::move(*p));
  }
  ZEREN_TRY(check_unit(unit, dept, *lead, members));
  std::vector<AuditField> fields{{"department", std::to_string(unit.department().value)},
                                 {"kind", std::string(code_of(unit.kind()))},
                                 {"name", unit.name()},
                                 {"lead", std::to_string(unit.lead().value)},
                                 {"share_bp", std::to_string(unit.share().basis_points)},
                                 {"position", std::to_string(unit.position())},
                                 {"active", unit.active() ? "true" : "false"}};
  std::vector<std::string> ids, categories, difficulties;
  for (auto m : unit.members()) ids.push_back(std::to_string(m.value));
  for (auto c : unit.categories()) categories.emplace_back(code_of(c));
  for (auto d : unit.difficulties()) difficulties.emplace_back(code_of(d));
  add_list(fields, "members", ids);
  add_list(fields, "categories", categories);
  add_list(fields, "difficulties", difficulties);
  return fields;
}

Result<UnitId> add_unit(Transaction& tx, const Context& ctx, const AddUnit& cmd) {
  auto dept = tx.organisation().find_department(cmd.department);
  if (!dept) return Error::not_found("department", "the department does not exist");
  ZEREN_TRY(hide_out_of_scope(
      authorize(tx, ctx.actor, Permission::manage_organisation, dept->procuratorate()),
      "department", "the department"));
  auto unit = Unit::create(cmd.department, cmd.kind, cmd.name, cmd.lead, cmd.members,
                           cmd.categories, cmd.difficulties, cmd.share, cmd.position, cmd.active);
  if (!unit) return unit.error();
  auto fields = checked_unit_fields(tx, *unit, *dept);
  if (!fields) return fields.error();
  auto id = tx.organisation().add_unit(*unit);
  if (!id) return id.error();
  ZEREN_TRY(
      record_change(tx, ctx, "organisation.unit.add", subject("unit", *id), std::move(*fields)));
  return id;
}

}  // namespace zeren::app
