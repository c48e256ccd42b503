// What the handling use cases share (SPEC §2, §4–§7): reaching a case, knowing who handles it,
// and starting a statutory period on the real calendar.
#pragma once

#include <optional>

#include "app/context.hpp"
#include "app/permissions.hpp"

namespace zeren::app {

// The case, when `p` reaches its 院; a case outside the actor's reach is "not found".
Result<Case> case_for(Transaction& tx, const Context& ctx, CaseId id, Permission p);

// Whether `person` leads or belongs to the case's unit (承办人 / 办案组成员).
Result<bool> handles_case(Transaction& tx, const Case& c, std::optional<PersonId> person);
// Refuses with 403 "not_handler" unless the actor handles the case (the console may act).
Status require_handler(Transaction& tx, const Context& ctx, const Case& c);

// The review period of the case's category (审查逮捕 / 审查起诉), if it has a statutory one.
std::optional<DeadlineKind> review_period(const Case& c);
// Starts `kind` on `start` and records its last day computed with the official calendar and the
// deadline rules; a year the calendar lacks leaves the due day empty and says so in the basis.
void start_period(Case& c, DeadlineKind kind, Date start);
// Recomputes the running period (after an extension), keeping its start.
void recompute_period(Case& c);

// Issues `d` on `c` now, by the acting person: applies its effect to the case (办结, 退回补充侦查
// with its period, 延长 with the period recomputed), gives it the next 文书号 and saves both.
// The caller saves nothing itself and records the audit entry.
Status issue_decision(Transaction& tx, const Context& ctx, Case& c, Decision& d);

// The department of the actor's person (none for an account without one).
std::optional<DepartmentId> actor_department(Transaction& tx, const Context& ctx);
// Whether the actor heads the case's department (部门负责人 of it, in its 院).
bool heads_case_department(const Context& ctx, const Case& c, std::optional<DepartmentId> dept);
// Whether the actor's roles supervise their 院's cases: case management, department heads and
// the 院's leaders (they may flag any case there, not only their own).
bool supervises_cases(const Actor& a);

// Whether the actor holds `holder`'s power over case `c` (the chief of its 院; the head of its
// department for 审核). The committee and the higher 院 decide outside daily handling.
bool holds_power(const Context& ctx, const Case& c, PowerHolder holder,
                 std::optional<DepartmentId> actor_department);
// Whether the actor may decide `d` now: it is pending, they hold its power, and it is not their
// own proposal.
bool may_decide(const Context& ctx, const Case& c, const Decision& d,
                std::optional<DepartmentId> actor_department);

// Audit fields describing a decision.
std::vector<AuditField> decision_fields(const Decision& d, const Case& c);

// The person acting, required for acts recorded in a person's name.
Result<PersonId> acting_person(const Context& ctx);

}  // namespace zeren::app
