// Every endpoint, in one table. `permission` is checked against the role matrix before the
// handler runs; the use case then checks scope (and its own business rules) again.
#include "http/handlers.hpp"

namespace zeren::http {

const std::vector<Route>& routes() {
  using P = app::Permission;
  static const std::vector<Route> table{
      {"GET", "/healthz", std::nullopt, false, false,
       "Liveness: the server answers and its database opens", healthz},
      {"GET", "/metrics", std::nullopt, false, false, "Prometheus metrics", metrics},
      {"GET", "/api/v1/openapi.json", std::nullopt, false, false, "This API's OpenAPI 3.1 document",
       openapi},

      {"POST", "/api/v1/session", std::nullopt, false, false, "Log in", session_create},
      {"GET", "/api/v1/session", std::nullopt, true, true, "Who is logged in", session_show},
      {"DELETE", "/api/v1/session", std::nullopt, true, true, "Log out", session_delete},
      {"PUT", "/api/v1/session/password", std::nullopt, true, true, "Change one's own password",
       session_password},

      {"GET", "/api/v1/procuratorates", P::read_organisation, true, false,
       "Procuratorates in scope", org_procuratorates},
      {"GET", "/api/v1/departments", P::read_organisation, true, false, "Departments in scope",
       org_departments},
      {"GET", "/api/v1/people", P::read_organisation, true, false, "People in scope", org_people},
      {"GET", "/api/v1/units", P::read_organisation, true, false, "Handling units in scope",
       org_units},
      {"POST", "/api/v1/units", P::manage_organisation, true, false, "Add a handling unit",
       org_unit_add},
      {"PUT", "/api/v1/units/{id}", P::manage_organisation, true, false,
       "Change a unit: members, lead, share, position, active", org_unit_update},
      {"POST", "/api/v1/people/{id}/absences", P::manage_organisation, true, false,
       "Record an absence", org_absence_add},

      {"GET", "/api/v1/users", P::read_accounts, true, false, "Accounts in scope", users_list},
      {"POST", "/api/v1/users", P::manage_accounts, true, false, "Create an account", users_add},
      {"PUT", "/api/v1/users/{id}/roles", P::grant_roles, true, false,
       "Set an account's roles (not one's own)", users_roles},

      {"GET", "/api/v1/cases", P::read_cases, true, false, "Cases, filtered and paged", cases_list},
      {"POST", "/api/v1/cases", P::intake_cases, true, false, "Take in a case and assign it",
       cases_add},
      {"GET", "/api/v1/cases/{id}", P::read_cases, true, false,
       "One case with its timeline and assignment explanation", cases_show},
      {"GET", "/api/v1/cases/{id}/assignments/{assignment}/verify", P::read_cases, true, false,
       "Re-verify one draw", cases_verify_draw},
      {"POST", "/api/v1/cases/{id}/designation-requests", P::request_designation, true, false,
       "Ask for 指定分案", requests_designation},
      {"POST", "/api/v1/cases/{id}/handler-change-requests", P::request_handler_change, true, false,
       "Ask for 更换承办人", requests_change},

      {"POST", "/api/v1/cases/{id}/transitions", P::handle_cases, true, false,
       "The handler starts, resumes after 补充侦查, or transfers a case", cases_transition},
      {"POST", "/api/v1/cases/{id}/archive", P::supervise_cases, true, false,
       "Case management archives a concluded case", cases_archive},
      {"POST", "/api/v1/cases/{id}/decisions", P::handle_cases, true, false,
       "Propose a decision: issued at once within the handler's power, else to its holder",
       cases_decision_propose},
      {"POST", "/api/v1/decisions/{id}/decision", P::decide_cases, true, false,
       "The holder decides a proposed decision", decisions_decide},
      {"POST", "/api/v1/decisions/{id}/objections", P::handle_cases, true, false,
       "A handler's written objection to a decision made over their case", decisions_object},
      {"POST", "/api/v1/cases/{id}/acts", P::handle_cases, true, false,
       "Record a key personal act of handling (亲历办案)", cases_act},
      {"POST", "/api/v1/cases/{id}/flags", P::flag_cases, true, false,
       "Flag a case; the handler must report to the chief", cases_flag},
      {"POST", "/api/v1/cases/{id}/pre-reviews", P::lead_cases, true, false,
       "A pre-review opinion of the chief or a deputy", cases_pre_review},
      {"POST", "/api/v1/cases/{id}/notices", P::supervise_cases, true, false,
       "A supervision notice of case management", cases_notice},
      {"POST", "/api/v1/cases/{id}/report-instructions", P::lead_cases, true, false,
       "Instruct the handler to report", cases_report_instruction},
      {"POST", "/api/v1/notices/{id}/reply", P::handle_cases, true, false,
       "The written reply to a supervision notice", follow_ups_answer},
      {"POST", "/api/v1/reports/{id}", P::handle_cases, true, false,
       "File the report the chief asked for (or a flag requires)", follow_ups_answer},
      {"GET", "/api/v1/monitoring", P::monitor_cases, true, false,
       "The chief's dashboard of one 院", monitoring},
      {"GET", "/api/v1/monitoring/cases", P::monitor_cases, true, false,
       "One list of the chief's dashboard, page by page", monitoring_list},

      {"GET", "/api/v1/requests", P::read_cases, true, false,
       "Designation and change-of-handler requests in scope", requests_list},
      {"POST", "/api/v1/requests/{id}/decision", P::decide_reassignment, true, false,
       "Approve or reject a request", requests_decide},
      {"GET", "/api/v1/approvals", std::nullopt, true, false, "What waits for this user's approval",
       approvals},
      {"GET", "/api/v1/alerts", P::read_alerts, true, false, "Alerts of the case-management office",
       alerts},

      {"GET", "/api/v1/plans", P::read_plans, true, false, "Department assignment plans",
       plans_list},
      {"POST", "/api/v1/plans", P::propose_plans, true, false, "Propose a plan", plans_propose},
      {"POST", "/api/v1/plans/{id}/decision", P::decide_plans, true, false,
       "Approve or reject a plan", plans_decide},

      {"GET", "/api/v1/audit", P::read_audit_log, true, false, "The audit trail", audit_trail},
      {"GET", "/api/v1/audit/verify", P::read_audit_log, true, false, "Verify the whole audit log",
       audit_verify, Pace::long_running},
      {"GET", "/api/v1/statistics/transparency", P::read_statistics, true, false,
       "Assignment transparency statistics", statistics_transparency},
      {"GET", "/api/v1/statistics/workload", P::read_statistics, true, false,
       "Each unit's load in a department, as the assignment engine sees it", statistics_workload},
      {"GET", "/api/v1/statistics/summary", P::read_statistics, true, false,
       "The year's figures of the responsibility system", statistics_summary},
      {"GET", "/api/v1/statistics/leaders", P::read_performance, true, false,
       "Leaders' own cases against their quotas", statistics_leaders},
  };
  return table;
}

}  // namespace zeren::http
