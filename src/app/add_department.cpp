#include "app/permissions.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

Result<DepartmentId> add_department(Transaction& tx, const Context& ctx, const AddDepartment& cmd) {
  ZEREN_TRY(authorize(tx, ctx.actor, Permission::manage_organisation, cmd.procuratorate));
  auto d = Department::create(cmd.procuratorate, cmd.name, cmd.kind, cmd.categories);
  if (!d) return d.error();
  auto id = tx.organisation().add_department(*d);
  if (!id) return id.error();
  std::vector<AuditField> fields{{"procuratorate", std::to_string(cmd.procuratorate.value)},
                                 {"name", d->name()},
                                 {"kind", std::string(code_of(d->kind()))}};
  std::vector<std::string> categories;
  for (auto c : d->categories()) categories.emplace_back(code_of(c));
  add_list(fields, "categories", categories);
  ZEREN_TRY(record_change(tx, ctx, "organisation.department.add", subject("department", *id),
                          std::move(fields)));
  return id;
}

}  // namespace zeren::app
