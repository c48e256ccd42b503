#include "app/permissions.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace zeren::app {

namespace {

using enum Role;

// Everyone who works on cases in a 院.
#define ZEREN_CASE_READERS                                                                      \
  case_manager, prosecutor, assistant, clerk, dept_head, deputy_chief, chief, committee_member, \
      discipline

const std::array<Grant, 24> kMatrix{{
    {Permission::read_organisation,
     "read_organisation",
     {ZEREN_CASE_READERS, personnel, sysadmin, secadmin},
     true},
    {Permission::manage_organisation, "manage_organisation", {personnel, sysadmin}, false},
    {Permission::read_accounts, "read_accounts", {sysadmin, secadmin}, false},
    {Permission::manage_accounts, "manage_accounts", {sysadmin, secadmin}, false},
    {Permission::grant_roles, "grant_roles", {secadmin}, false},
    {Permission::read_cases, "read_cases", {ZEREN_CASE_READERS}, true},
    {Permission::intake_cases, "intake_cases", {case_manager}, false},
    {Permission::request_designation,
     "request_designation",
     {case_manager, dept_head, deputy_chief, chief},
     false},
    {Permission::request_handler_change,
     "request_handler_change",
     {case_manager, prosecutor, dept_head, deputy_chief, chief},
     false},
    {Permission::decide_reassignment,
     "decide_reassignment",
     {dept_head, deputy_chief, chief},
     false},
    {Permission::read_plans, "read_plans", {ZEREN_CASE_READERS}, true},
    {Permission::propose_plans, "propose_plans", {case_manager, dept_head, chief}, false},
    {Permission::decide_plans, "decide_plans", {chief}, false},
    {Permission::read_alerts, "read_alerts", {case_manager, dept_head, deputy_chief, chief}, true},
    {Permission::read_anomalies,
     "read_anomalies",
     {case_manager, deputy_chief, chief, discipline},
     true},
    {Permission::read_statistics,
     "read_statistics",
     {ZEREN_CASE_READERS, personnel, people_supervisor, sysadmin, secadmin},
     true},
    {Permission::read_audit_log, "read_audit_log", {auditor}, false},
    {Permission::handle_cases, "handle_cases", {prosecutor, dept_head, deputy_chief, chief}, false},
    {Permission::decide_cases, "decide_cases", {dept_head, deputy_chief, chief}, false},
    {Permission::flag_cases,
     "flag_cases",
     {case_manager, prosecutor, dept_head, deputy_chief, chief},
     false},
    {Permission::supervise_cases, "supervise_cases", {case_manager}, true},
    {Permission::lead_cases, "lead_cases", {deputy_chief, chief}, false},
    {Permission::monitor_cases,
     "monitor_cases",
     {case_manager, dept_head, deputy_chief, chief},
     true},
    {Permission::read_performance,
     "read_performance",
     {case_manager, dept_head, deputy_chief, chief, discipline, personnel},
     true},
}};

#undef ZEREN_CASE_READERS

bool supervises_lower(const Actor& a) {
  return a.has(Role::chief) || a.has(Role::deputy_chief) || a.has(Role::case_manager);
}

}  // namespace

std::span<const Grant> access_matrix() {
  return kMatrix;
}

const Grant& grant_for(Permission p) {
  for (const auto& g : kMatrix)
    if (g.permission == p) return g;
  throw std::logic_error("permission missing from the access matrix");
}

bool role_allows(const Actor& a, Permission p) {
  const auto& g = grant_for(p);
  return std::any_of(a.roles.begin(), a.roles.end(), [&](Role r) { return g.roles.contains(r); });
}

Status authorize(Transaction& tx, const Actor& actor, Permission permission,
                 std::optional<ProcuratorateId> target) {
  if (actor.console) return ok_status();
  if (!role_allows(actor, permission))
    return Error::denied("your roles do not allow this (您的角色无此权限)");
  if (!actor.procuratorate) return Error::denied("your account has no procuratorate");
  if (!target) {
    // System-wide: only from a top-level procuratorate.
    auto own = tx.organisation().find_procuratorate(*actor.procuratorate);
    if (!own) return own.error();
    if (own->parent())
      return Error::out_of_scope("this covers other procuratorates (超出本院范围)");
    return ok_status();
  }
  if (*target == *actor.procuratorate) return ok_status();
  if (grant_for(permission).reach_lower && supervises_lower(actor)) {
    auto t = tx.organisation().find_procuratorate(*target);
    if (!t) return t.error();
    if (t->parent() && *t->parent() == *actor.procuratorate) return ok_status();
  }
  return Error::out_of_scope("this belongs to another procuratorate (非本院范围)");
}

Result<std::vector<ProcuratorateId>> reach(Transaction& tx, const Actor& actor, Permission p) {
  std::vector<ProcuratorateId> out;
  if (actor.console) {
    auto all = tx.organisation().list_procuratorates();
    if (!all) return all.error();
    for (const auto& pr : *all) out.push_back(pr.id());
    return out;
  }
  if (!role_allows(actor, p))
    return Error::denied("your roles do not allow this (您的角色无此权限)");
  if (!actor.procuratorate) return Error::denied("your account has no procuratorate");
  out.push_back(*actor.procuratorate);
  if (grant_for(p).reach_lower && supervises_lower(actor)) {
    auto lower = tx.organisation().lower_procuratorates(*actor.procuratorate);
    if (!lower) return lower.error();
    out.insert(out.end(), lower->begin(), lower->end());
  }
  return out;
}

Status hide_out_of_scope(Status s, std::string field, std::string what) {
  if (!s && s.error().code == "out_of_scope")
    return Error::not_found(std::move(field), what + " not found");
  return s;
}

}  // namespace zeren::app
