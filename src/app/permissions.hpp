// Who may do what, over which procuratorate (SPEC §17): the role matrix as data, and the one
// check every use case makes first.
//
// Scope: an account acts on its own 院. For permissions that `reach_lower`, the leaders (检察长,
// 副检察长) and the case-management office (案件管理) of an upper 院 also reach the 院 directly
// below it, for supervision; nobody reaches any other 院. The three administrators are separated:
// the 系统管理员 manages accounts and the organisation's settings, the 安全管理员 grants roles
// (never their own), the 安全审计员 reads the audit trail only; none of them reads case content.
#pragma once

#include <optional>
#include <set>
#include <span>
#include <string_view>

#include "app/context.hpp"

namespace zeren::app {

enum class Permission {
  read_organisation,       // procuratorates, departments, people, units
  manage_organisation,     // units, members, shares, absences
  read_accounts,           // the list of accounts
  manage_accounts,         // create accounts
  grant_roles,             // change an account's roles (never one's own)
  read_cases,              // the case list, a case, its assignment and draw proof
  intake_cases,            // 受理 and 分案
  request_designation,     // ask for 指定分案
  request_handler_change,  // ask for 更换承办人 (the handler may ask for themselves)
  decide_reassignment,     // approve or reject such a request (the plan names the post)
  read_plans,              // department assignment plans
  propose_plans,
  decide_plans,     // approve a plan: the chief
  read_alerts,      // alerts of the case-management office (no eligible unit, small pool)
  read_anomalies,   // the anomaly report
  read_statistics,  // transparency statistics, without personal data
  read_audit_log,   // the audit trail and its verification
  handle_cases,     // the handler's work: start, propose decisions, acts, reports, replies
  decide_cases,     // decide what the power list puts with a leader (the holder is checked)
  flag_cases,  // flag a case for the chief (新类型, 重大疑难, 质量风险, 部门分歧)
  supervise_cases,   // case management: supervision notices, archiving
  lead_cases,        // the chief and deputies: pre-review opinions, instructions to report
  monitor_cases,     // the chief's dashboard: deadlines, returns, flags, notices
  read_performance,  // figures per person: self-decided ratio, leaders' own cases
};

struct Grant {
  Permission permission;
  std::string_view id;       // stable name, as in the API documentation
  std::set<Role> roles;      // any one of them suffices
  bool reach_lower = false;  // upper 院's leaders and case management also reach the lower 院
};

// The matrix, one row per permission.
std::span<const Grant> access_matrix();
const Grant& grant_for(Permission p);

// Whether the actor's roles allow `p` at all (scope aside).
bool role_allows(const Actor& actor, Permission p);

// Role first, then scope. `target` is the procuratorate the thing belongs to; empty means the
// whole system (only from a top-level 院). Refusals: code "forbidden" when the role does not
// allow it, "out_of_scope" when the target is outside the actor's reach.
Status authorize(Transaction& tx, const Actor& actor, Permission permission,
                 std::optional<ProcuratorateId> target);

// The procuratorates the actor reaches with `p` (own first), for lists and filters.
Result<std::vector<ProcuratorateId>> reach(Transaction& tx, const Actor& actor, Permission p);

// For reads by id: a thing outside the actor's scope is reported exactly like a missing one, so
// that ids of other 院 reveal nothing.
Status hide_out_of_scope(Status s, std::string field, std::string what);

}  // namespace zeren::app
