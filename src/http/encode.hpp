// JSON answers of the API. Ids are numbers; every coded value comes with its Chinese label
// (`*_label`), so the UI never keeps its own copy of the vocabulary.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "app/queries.hpp"

namespace zeren::http {

std::string iso_time(std::int64_t us);  // "2026-11-26T09:30:00+08:00" (China Standard Time)

boost::json::object encode_user(const UserAccount& u, const app::OrganisationView* org);
boost::json::object encode_case(const CaseRepository::CaseRow& row,
                                const app::OrganisationView& org);
boost::json::object encode_assignment(const AssignmentRecord& a, const app::OrganisationView& org,
                                      const std::map<std::int64_t, DrawEpoch>& epochs);
boost::json::object encode_request(const AssignmentRequest& r, const app::OrganisationView& org);
boost::json::object encode_plan(const AssignmentPlan& p, const app::OrganisationView& org);
boost::json::object encode_alert(const Alert& a, const app::OrganisationView& org);
boost::json::object encode_entry(const AuditEntry& e);
boost::json::object encode_unit(const Unit& u, const app::OrganisationView& org);
boost::json::object encode_workload(const app::DepartmentWorkload& w);
boost::json::object encode_person(const Person& p, const app::OrganisationView& org);
// Handling (encode_handling.cpp).
boost::json::value encode_deadline(const Case& c, Date today);  // null when no period runs
boost::json::object encode_decision(const Decision& d, const app::CaseHandling& h);
// Adds the case's handling (deadline, decisions, notes, follow-ups, allowed actions) to its answer.
void encode_handling(boost::json::object& out, const Case& c, const app::CaseHandling& h);
boost::json::object encode_monitoring(const app::Monitoring& m, const app::OrganisationView& org);
boost::json::object encode_statistics(const app::HandlingStatistics& s);
boost::json::object encode_leaders(const app::LeaderReport& r);

}  // namespace zeren::http
