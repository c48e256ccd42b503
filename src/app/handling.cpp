#include "app/handling.hpp"

#include <algorithm>

namespace zeren::app {

Result<Case> case_for(Transaction& tx, const Context& ctx, CaseId id, Permission p) {
  auto c = tx.cases().find_case(id);
  if (!c)
    return c.error().kind == ErrorKind::not_found
               ? Error::not_found("case", "the case does not exist")
               : c.error();
  if (!ctx.actor.console && !role_allows(ctx.actor, p))
    return Error::denied("your roles do not allow this (您的角色无此权限)");
  ZEREN_TRY(hide_out_of_scope(authorize(tx, ctx.actor, p, c->intake().procuratorate), "case",
                              "the case"));
  return c;
}

Result<bool> handles_case(Transaction& tx, const Case& c, std::optional<PersonId> person) {
  if (!person || !c.unit()) return false;
  auto u = tx.organisation().find_unit(*c.unit());
  if (!u) return u.error();
  const auto& m = u->members();
  return u->lead() == *person || std::find(m.begin(), m.end(), *person) != m.end();
}

Status require_handler(Transaction& tx, const Context& ctx, const Case& c) {
  if (ctx.actor.console) return ok_status();
  auto h = handles_case(tx, c, ctx.actor.person);
  if (!h) return h.error();
  if (!*h)
    return Error::refused("not_handler",
                          "只有本案承办检察官或办案组成员可以办理 (only the case's handlers)");
  return ok_status();
}

std::optional<DeadlineKind> review_period(const Case& c) {
  switch (c.intake().category) {
    case CaseCategory::arrest_review: return DeadlineKind::arrest_review;
    case CaseCategory::prosecution_review: return DeadlineKind::prosecution_review;
    default: return std::nullopt;
  }
}

void start_period(Case& c, DeadlineKind kind, Date start) {
  const auto& in = c.intake();
  DeadlineFacts f{kind, start};
  f.custody = in.custody;
  f.complex = kind != DeadlineKind::supplementary_investigation && c.progress().extended;
  f.fast_track = kind == DeadlineKind::prosecution_review && in.fast_track;
  f.sentence_over_one_year = f.fast_track && in.sentence_over_one_year;
  if (f.fast_track) f.complex = false;
  auto d = compute_deadline(default_deadline_rules(), official_calendar(), f);
  if (d)
    c.set_period(kind, start, d->due, d->basis);
  else
    c.set_period(kind, start, std::nullopt, "期限无法计算：" + d.error().message);
}

void recompute_period(Case& c) {
  const auto& p = c.progress();
  if (p.period && p.period_start) start_period(c, *p.period, *p.period_start);
}

std::optional<DepartmentId> actor_department(Transaction& tx, const Context& ctx) {
  if (!ctx.actor.person) return std::nullopt;
  auto p = tx.organisation().find_person(*ctx.actor.person);
  return p ? std::optional<DepartmentId>{p->department()} : std::nullopt;
}

bool heads_case_department(const Context& ctx, const Case& c, std::optional<DepartmentId> dept) {
  return ctx.actor.has(Role::dept_head) && ctx.actor.procuratorate == c.intake().procuratorate &&
         dept == c.intake().department;
}

bool supervises_cases(const Actor& a) {
  return a.has(Role::case_manager) || a.has(Role::dept_head) || a.has(Role::deputy_chief) ||
         a.has(Role::chief);
}

Result<PersonId> acting_person(const Context& ctx) {
  if (!ctx.actor.person)
    return Error::refused("no_person", "此操作须由本院人员以本人名义进行 (an account of a person)");
  return *ctx.actor.person;
}

}  // namespace zeren::app
