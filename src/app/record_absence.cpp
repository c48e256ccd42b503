#include "app/permissions.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

Status record_absence(Transaction& tx, const Context& ctx, const RecordAbsence& cmd) {
  auto person = tx.organisation().find_person(cmd.person);
  if (!person) return Error::not_found("person", "the person does not exist");
  ZEREN_TRY(hide_out_of_scope(
      authorize(tx, ctx.actor, Permission::manage_organisation, person->procuratorate()), "person",
      "the person"));
  auto absence = Absence::create(cmd.from, cmd.to, cmd.reason);
  if (!absence) return absence.error();
  ZEREN_TRY(person->add_absence(*absence));
  ZEREN_TRY(tx.organisation().save_absences(*person));
  ZEREN_TRY(record_change(
      tx, ctx, "organisation.absence.add", subject("person", cmd.person),
      {{"from", absence->from.iso()}, {"to", absence->to.iso()}, {"reason", absence->reason}}));
  return ok_status();
}

}  // namespace zeren::app
