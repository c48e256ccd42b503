// 透明度: how cases were assigned, per department and month, without any personal data.
#include <algorithm>

#include "app/permissions.hpp"
#include "app/queries.hpp"

namespace zeren::app {

Result<Transparency> transparency(Transaction& tx, const Context& ctx) {
  auto within = reach(tx, ctx.actor, Permission::read_statistics);
  if (!within) return within.error();
  Transparency t;
  for (auto pid : *within) {
    auto proc = tx.organisation().find_procuratorate(pid);
    auto depts = tx.organisation().list_departments(pid);
    auto cases = tx.cases().list_cases(pid);
    auto assignments = tx.assignments().list_assignments(pid);
    auto requests = tx.assignments().list_requests(pid);
    if (!proc) return proc.error();
    if (!depts) return depts.error();
    if (!cases) return cases.error();
    if (!assignments) return assignments.error();
    if (!requests) return requests.error();
    std::map<std::int64_t, Transparency::Row> rows;
    std::map<std::int64_t, std::int64_t> dept_of_case;
    std::map<std::int64_t, std::string> month_of_case;
    std::map<std::int64_t, long long> pool_sum;
    std::map<std::int64_t, int> pool_n;
    for (const auto& d : *depts) {
      if (d.kind() != DepartmentKind::business) continue;
      rows[d.id().value] = Transparency::Row{proc->name(), d.name(), {}, 0, 0, 0, 0, 0};
    }
    for (const auto& r : *cases) {
      const auto dept = r.intake().department.value;
      dept_of_case[r.id().value] = dept;
      month_of_case[r.id().value] = r.intake().received_on.iso().substr(0, 7);
      auto it = rows.find(dept);
      if (it == rows.end()) continue;
      ++it->second.cases;
      if (r.status() == CaseStatus::registered) ++it->second.unassigned;
    }
    for (const auto& a : *assignments) {
      auto it = rows.find(dept_of_case[a.case_id.value]);
      if (it == rows.end()) continue;
      const std::string method(code_of(a.method));
      ++it->second.by_method[method];
      ++t.by_month[month_of_case[a.case_id.value]][method];
      if (a.method == AssignmentMethod::random) {
        auto& row = it->second;
        row.min_pool = pool_n[it->first] == 0 ? a.pool_size : std::min(row.min_pool, a.pool_size);
        row.max_pool = std::max(row.max_pool, a.pool_size);
        pool_sum[it->first] += a.pool_size;
        ++pool_n[it->first];
      }
    }
    for (auto& [id, row] : rows) {
      if (pool_n[id] > 0) row.mean_pool = static_cast<double>(pool_sum[id]) / pool_n[id];
      t.departments.push_back(std::move(row));
    }
    for (const auto& r : *requests) {
      if (r.status != RequestStatus::approved) continue;
      (r.kind == RequestKind::designation ? t.designations : t.changes_of_handler)++;
    }
  }
  return t;
}

Result<std::vector<AuditEntry>> read_audit_trail(Transaction& tx, const Context& ctx,
                                                 std::uint64_t from, int limit) {
  ZEREN_TRY(authorize(tx, ctx.actor, Permission::read_audit_log, std::nullopt));
  if (limit < 1 || limit > 500) return Error::invalid("limit", "out_of_range", "limit is 1 to 500");
  if (from < 1) return Error::invalid("from", "out_of_range", "from starts at 1");
  return tx.audit().read(from, from + static_cast<std::uint64_t>(limit) - 1);
}

Result<std::vector<UserAccount>> list_accounts(Transaction& tx, const Context& ctx) {
  auto within = reach(tx, ctx.actor, Permission::read_accounts);
  if (!within) return within.error();
  auto all = tx.users().list_users();
  if (!all) return all.error();
  std::vector<UserAccount> out;
  for (auto& u : *all)
    if (std::find(within->begin(), within->end(), u.procuratorate()) != within->end())
      out.push_back(std::move(u));
  return out;
}

}  // namespace zeren::app
