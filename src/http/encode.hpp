// JSON answers of the API. Ids are numbers; every coded value comes with its Chinese label
// (`*_label`), so the UI never keeps its own copy of the vocabulary.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "app/queries.hpp"

namespace zeren::http {

// A coded value as `key` with its Chinese label as `key_label`.
template <class E>
void coded(boost::json::object& o, const char* key, E value) {
  o[key] = std::string(code_of(value));
  o[std::string(key) + "_label"] = std::string(zh_of(value));
}
// An optional id or date as a number / ISO text, or null.
template <class Tag>
boost::json::value opt_id(const std::optional<Id<Tag>>& id) {
  if (id) return id->value;
  return nullptr;
}
inline boost::json::value opt_date(const std::optional<Date>& d) {
  if (d) return boost::json::value(d->iso());
  return nullptr;
}

std::string iso_time(std::int64_t us);  // "2026-11-26T09:30:00+08:00" (China Standard Time)

boost::json::object encode_user(const UserAccount& u, const app::OrganisationView* org);
boost::json::object encode_case(const Case& c, const app::OrganisationView& org);
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
// A decision, its people named from `org`; `can_decide` / `can_object`: what the reader may do.
boost::json::object encode_decision(const Decision& d, const app::OrganisationView& org,
                                    bool can_decide, bool can_object);
// Adds the case's handling (deadline, decisions, notes, follow-ups, allowed actions) to its answer.
void encode_handling(boost::json::object& out, const Case& c, const app::CaseHandling& h,
                     const app::OrganisationView& org);
boost::json::object encode_monitoring(const app::Monitoring& m, const app::OrganisationView& org);
boost::json::object encode_monitoring_page(const app::MonitoringPage& p,
                                           const app::OrganisationView& org);
boost::json::object encode_statistics(const app::HandlingStatistics& s);
boost::json::object encode_leaders(const app::LeaderReport& r);

}  // namespace zeren::http
