// The handlers behind the route table (routes.cpp), grouped by area in handlers_*.cpp. Each
// decodes the request, runs one use case in one transaction and encodes the answer.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <map>

#include "http/api.hpp"

namespace zeren::http {

using Who = const app::Authenticated*;

// Runs `work` in one transaction; its value is the body of a `status` answer, its error the error
// answer (and the transaction rolls back).
Response run_json(Api& api, int status,
                  const std::function<Result<boost::json::value>(Transaction&)>& work);
app::Context context_of(Api& api, Who who);
// A path parameter that must be a positive integer id.
Result<std::int64_t> path_id(const Request& r, const char* name);
// An optional query parameter that, when given, must be a positive integer (400 naming it).
Result<std::optional<std::int64_t>> query_id(const Request& r, const char* name);
// The same error with its field named as the request body names it (use cases name fields as
// their commands do: "lead" for the body's "lead_id").
Response error_named(Error e, std::initializer_list<std::pair<const char*, const char*>> renames);
// run_json, with error fields renamed as above.
Response run_json(Api& api, int status,
                  const std::function<Result<boost::json::value>(Transaction&)>& work,
                  std::initializer_list<std::pair<const char*, const char*>> renames);

// The case as GET /api/v1/cases/{id} answers it (with its handling), for every change to reuse.
Result<boost::json::object> case_answer(Transaction& tx, const app::Context& ctx, CaseId id);

// system
Response healthz(Api&, const Request&, Who);
Response metrics(Api&, const Request&, Who);
Response openapi(Api&, const Request&, Who);
// session
Response session_create(Api&, const Request&, Who);
Response session_show(Api&, const Request&, Who);
Response session_delete(Api&, const Request&, Who);
Response session_password(Api&, const Request&, Who);
// organisation
Response org_procuratorates(Api&, const Request&, Who);
Response org_departments(Api&, const Request&, Who);
Response org_people(Api&, const Request&, Who);
Response org_units(Api&, const Request&, Who);
Response org_unit_add(Api&, const Request&, Who);
Response org_unit_update(Api&, const Request&, Who);
Response org_absence_add(Api&, const Request&, Who);
// accounts
Response users_list(Api&, const Request&, Who);
Response users_add(Api&, const Request&, Who);
Response users_roles(Api&, const Request&, Who);
// cases
Response cases_list(Api&, const Request&, Who);
Response cases_add(Api&, const Request&, Who);
Response cases_show(Api&, const Request&, Who);
Response cases_verify_draw(Api&, const Request&, Who);
// requests and approvals
Response requests_designation(Api&, const Request&, Who);
Response requests_change(Api&, const Request&, Who);
Response requests_list(Api&, const Request&, Who);
Response requests_decide(Api&, const Request&, Who);
Response approvals(Api&, const Request&, Who);
Response alerts(Api&, const Request&, Who);
// handling
Response cases_transition(Api&, const Request&, Who);
Response cases_archive(Api&, const Request&, Who);
Response cases_decision_propose(Api&, const Request&, Who);
Response decisions_decide(Api&, const Request&, Who);
Response decisions_object(Api&, const Request&, Who);
Response cases_act(Api&, const Request&, Who);
Response cases_flag(Api&, const Request&, Who);
Response cases_pre_review(Api&, const Request&, Who);
Response cases_notice(Api&, const Request&, Who);
Response cases_report_instruction(Api&, const Request&, Who);
Response follow_ups_answer(Api&, const Request&, Who);
Response monitoring(Api&, const Request&, Who);
Response monitoring_list(Api&, const Request&, Who);
Response statistics_summary(Api&, const Request&, Who);
Response statistics_leaders(Api&, const Request&, Who);
// plans
Response plans_list(Api&, const Request&, Who);
Response plans_propose(Api&, const Request&, Who);
Response plans_decide(Api&, const Request&, Who);
// audit and statistics
Response audit_trail(Api&, const Request&, Who);
Response audit_verify(Api&, const Request&, Who);
Response statistics_transparency(Api&, const Request&, Who);
Response statistics_workload(Api&, const Request&, Who);

}  // namespace zeren::http
