#include "app/permissions.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

Result<ProcuratorateId> add_procuratorate(Transaction& tx, const Context& ctx,
                                          const AddProcuratorate& cmd) {
  ZEREN_TRY(authorize(tx, ctx.actor, Permission::manage_organisation, cmd.parent));
  auto p = Procuratorate::create(cmd.name, cmd.short_code, cmd.level, cmd.parent);
  if (!p) return p.error();
  if (cmd.parent) {
    auto parent = tx.organisation().find_procuratorate(*cmd.parent);
    if (!parent) return Error::not_found("parent", "the parent procuratorate does not exist");
    ZEREN_TRY(check_parent(cmd.level, *parent));
  }
  auto id = tx.organisation().add_procuratorate(*p);
  if (!id) return id.error();
  std::vector<AuditField> fields{{"name", p->name()},
                                 {"short_code", p->short_code()},
                                 {"level", std::string(code_of(p->level()))}};
  if (p->parent()) fields.push_back({"parent", std::to_string(p->parent()->value)});
  ZEREN_TRY(record_change(tx, ctx, "organisation.procuratorate.add",
                          subject("procuratorate", *id), std::move(fields)));
  return id;
}

}  // namespace zeren::app
