#include "app/permissions.hpp"
#include "app/record_change.hpp"
#include "app/unit_fields.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

Status update_unit(Transaction& tx, const Context& ctx, const UpdateUnit& cmd) {
  auto old = tx.organisation().find_unit(cmd.unit);
  if (!old) return Error::not_found("unit", "the unit does not exist");
  auto dept = tx.organisation().find_department(old->department());
  if (!dept) return dept.error();
  ZEREN_TRY(hide_out_of_scope(
      authorize(tx, ctx.actor, Permission::manage_organisation, dept->procuratorate()), "unit",
      "the unit"));
  auto unit =
      Unit::create(old->department(), old->kind(), cmd.name.value_or(old->name()),
                   cmd.lead.value_or(old->lead()), cmd.members.value_or(old->members()),
                   cmd.categories.value_or(old->categories()),
                   cmd.difficulties.value_or(old->difficulties()), cmd.share.value_or(old->share()),
                   cmd.position.value_or(old->position()), cmd.active.value_or(old->active()));
  if (!unit) return unit.error();
  unit->set_id(cmd.unit);
  auto fields = checked_unit_fields(tx, *unit, *dept);
  if (!fields) return fields.error();
  ZEREN_TRY(tx.organisation().save_unit(*unit));
  return as_status(record_change(tx, ctx, "organisation.unit.update", subject("unit", cmd.unit),
                                 std::move(*fields)));
}

}  // namespace zeren::app
