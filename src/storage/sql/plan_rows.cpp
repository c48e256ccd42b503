// PlanRepository on SQLite.
#include <soci/soci.h>

#include "storage/sql/rows.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

Result<PlanId> SqlTransaction::add_plan(const AssignmentPlan& p) {
  return guarded_value<PlanId>([&]() -> Result<PlanId> {
    long long id = 0, dept = p.department.value, proposer = p.proposed_by.value;
    long long approver = p.approved_by ? p.approved_by->value : 0;
    soci::indicator approver_ind = p.approved_by ? soci::i_ok : soci::i_null;
    const auto& r = p.rules;
    const std::string mode(code_of(r.mode)), da(code_of(r.designation_approver)),
        ca(code_of(r.change_approver)), status(code_of(p.status)), from = p.effective_from.iso();
    int version = p.version, wo = r.weight_ordinary, wd = r.weight_difficult, tol = r.tolerance,
        pool = r.min_pool;
    statements_.run(
        "INSERT INTO assignment_plan (department_id, version, mode, weight_ordinary, "
        "weight_difficult, tolerance, min_pool, designation_approver, change_approver, "
        "effective_from, status, proposed_by, approved_by) VALUES (:d, :v, :m, :wo, :wd, :t, "
        ":p, :da, :ca, :f, :s, :pb, :ab) RETURNING id",
        use(dept), use(version), use(mode), use(wo), use(wd), use(tol), use(pool), use(da), use(ca),
        use(from), use(status), use(proposer), use(approver, approver_ind), into(id));
    return PlanId{id};
  });
}

Status SqlTransaction::save_plan_status(const AssignmentPlan& p) {
  return guarded([&]() -> Status {
    long long id = p.id.value;
    long long approver = p.approved_by ? p.approved_by->value : 0;
    soci::indicator approver_ind = p.approved_by ? soci::i_ok : soci::i_null;
    const std::string status(code_of(p.status));
    statements_.run("UPDATE assignment_plan SET status = :s, approved_by = :a WHERE id = :id",
                    use(status), use(approver, approver_ind), use(id));
    return ok_status();
  });
}

Result<std::vector<AssignmentPlan>> SqlTransaction::load_plans(const std::string& where,
                                                               std::int64_t arg) {
  return guarded_value<std::vector<AssignmentPlan>>([&]() -> Result<std::vector<AssignmentPlan>> {
    std::vector<AssignmentPlan> out;
    long long id = 0, dept = 0, proposer = 0, approver = 0;
    int version = 0, wo = 0, wd = 0, tol = 0, pool = 0;
    std::string mode, da, ca, from, status;
    soci::indicator approver_ind = soci::i_ok;
    soci::statement& st = statements_.unbound(
        "SELECT id, department_id, version, mode, weight_ordinary, weight_difficult, "
        "tolerance, min_pool, designation_approver, change_approver, effective_from, status, "
        "proposed_by, approved_by FROM assignment_plan " +
        where + " ORDER BY department_id, version");
    if (!where.empty()) st.exchange(use(arg));
    st.exchange(into(id));
    st.exchange(into(dept));
    st.exchange(into(version));
    st.exchange(into(mode));
    st.exchange(into(wo));
    st.exchange(into(wd));
    st.exchange(into(tol));
    st.exchange(into(pool));
    st.exchange(into(da));
    st.exchange(into(ca));
    st.exchange(into(from));
    st.exchange(into(status));
    st.exchange(into(proposer));
    st.exchange(into(approver, approver_ind));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      AssignmentPlan p;
      p.id = PlanId{id};
      p.department = DepartmentId{dept};
      p.version = version;
      p.rules.mode = term_or_throw<AssignmentMode>(mode);
      p.rules.weight_ordinary = wo;
      p.rules.weight_difficult = wd;
      p.rules.tolerance = tol;
      p.rules.min_pool = pool;
      p.rules.designation_approver = term_or_throw<Approver>(da);
      p.rules.change_approver = term_or_throw<Approver>(ca);
      auto d = Date::parse(from);
      if (!d) throw std::runtime_error("bad stored date " + from);
      p.effective_from = *d;
      p.status = term_or_throw<PlanStatus>(status);
      p.proposed_by = PersonId{proposer};
      if (approver_ind != soci::i_null) p.approved_by = PersonId{approver};
      out.push_back(std::move(p));
    }
    return out;
  });
}

Result<AssignmentPlan> SqlTransaction::find_plan(PlanId id) {
  auto all = load_plans("WHERE id = :a", id.value);
  if (!all) return all.error();
  if (all->empty())
    return Error::not_found("plan", "plan " + std::to_string(id.value) + " not found");
  return std::move(all->front());
}

Result<std::optional<AssignmentPlan>> SqlTransaction::approved_plan(DepartmentId d, Date on) {
  auto all = load_plans("WHERE department_id = :a AND status = 'approved'", d.value);
  if (!all) return all.error();
  std::optional<AssignmentPlan> in_force;
  for (auto& p : *all)  // by version, ascending
    if (p.effective_from <= on && (!in_force || in_force->effective_from <= p.effective_from))
      in_force = std::move(p);
  return in_force;
}

Result<std::vector<AssignmentPlan>> SqlTransaction::list_plans(std::optional<DepartmentId> d) {
  return d ? load_plans("WHERE department_id = :a", d->value) : load_plans("", 0);
}

}  // namespace zeren::sql
