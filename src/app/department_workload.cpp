// 工作量: each unit of a department with the load the assignment engine sees now, under the
// department's approved plan (its weights and share), for the workload dashboard.
#include "app/assign_case.hpp"
#include "app/permissions.hpp"
#include "app/queries.hpp"

namespace zeren::app {

Result<DepartmentWorkload> department_workload(Transaction& tx, const Context& ctx,
                                               DepartmentId id) {
  auto dept = tx.organisation().find_department(id);
  if (!dept)
    return dept.error().kind == ErrorKind::not_found
               ? Error::not_found("department_id", "department not found")
               : dept.error();
  ZEREN_TRY(hide_out_of_scope(
      authorize(tx, ctx.actor, Permission::read_statistics, dept->procuratorate()), "department_id",
      "department"));
  auto proc = tx.organisation().find_procuratorate(dept->procuratorate());
  if (!proc) return proc.error();
  auto plan = plan_for(tx, ctx, id);
  if (!plan) return plan.error();
  DepartmentWorkload w{*proc, *dept, *plan, *plan ? (*plan)->rules : PlanRules{}, {}};
  auto weights = tx.cases().unit_weight_sums(id, w.rules, ctx.clock.today().year());
  if (!weights) return weights.error();
  auto units = tx.organisation().list_units(dept->procuratorate());
  if (!units) return units.error();
  for (const auto& u : *units) {
    if (u.department() != id) continue;
    const auto sum = weights->find(u.id());
    w.units.push_back({u, sum == weights->end() ? 0 : sum->second});
  }
  return w;
}

}  // namespace zeren::app
