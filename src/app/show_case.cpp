#include <algorithm>

#include "app/permissions.hpp"
#include "app/queries.hpp"

namespace zeren::app {

namespace {

// "user:N" and "person:N" of `entries`, named: an account by its person's name (else its user
// name), a person by name. Others ("cli:root") keep their id.
Result<std::map<std::string, std::string>> actor_names(Transaction& tx,
                                                       const std::vector<AuditEntry>& entries) {
  std::map<std::string, std::string> out;
  for (const auto& e : entries) {
    const std::string& actor = e.event.actor;
    if (out.contains(actor)) continue;
    const auto colon = actor.find(':');
    if (colon == std::string::npos) continue;
    const std::string kind = actor.substr(0, colon);
    std::int64_t n = 0;
    try {
      n = std::stoll(actor.substr(colon + 1));
    } catch (const std::exception&) {
      continue;
    }
    std::optional<PersonId> person;
    if (kind == "user") {
      auto u = tx.users().find_user(UserId{n});
      if (!u) {
        if (u.error().kind == ErrorKind::not_found) continue;
        return u.error();
      }
      out[actor] = u->username();
      person = u->person();
    } else if (kind == "person") {
      person = PersonId{n};
    }
    if (!person) continue;
    auto p = tx.organisation().find_person(*person);
    if (p)
      out[actor] = p->name();
    else if (p.error().kind != ErrorKind::not_found)
      return p.error();
  }
  return out;
}

}  // namespace

Result<CaseDetail> show_case(Transaction& tx, const Context& ctx, CaseId id) {
  if (!role_allows(ctx.actor, Permission::read_cases) && !ctx.actor.console)
    return Error::denied("your roles do not allow reading cases (您的角色无权查看案件)");
  auto c = tx.cases().find_case(id);
  if (!c)
    return c.error().kind == ErrorKind::not_found ? Error::not_found("case", "the case not found")
                                                  : c.error();
  ZEREN_TRY(
      hide_out_of_scope(authorize(tx, ctx.actor, Permission::read_cases, c->intake().procuratorate),
                        "case", "the case"));
  CaseDetail d{std::move(*c), {}, {}, {}, {}, {}};
  auto a = tx.assignments().assignments_for_case(id);
  if (!a) return a.error();
  d.assignments = std::move(*a);
  auto reqs = tx.assignments().requests_for_case(id);
  if (!reqs) return reqs.error();
  d.requests = std::move(*reqs);
  auto timeline = tx.audit().read_subject("case:" + std::to_string(id.value));
  if (!timeline) return timeline.error();
  d.timeline = std::move(*timeline);
  auto names = actor_names(tx, d.timeline);
  if (!names) return names.error();
  d.actor_names = std::move(*names);
  auto epochs = draw_epochs(tx, d.assignments);
  if (!epochs) return epochs.error();
  d.epochs = std::move(*epochs);
  return d;
}

Result<std::map<std::int64_t, DrawEpoch>> draw_epochs(
    Transaction& tx, const std::vector<AssignmentRecord>& assignments) {
  std::map<std::int64_t, DrawEpoch> out;
  const bool random = std::any_of(assignments.begin(), assignments.end(),
                                  [](const AssignmentRecord& r) { return r.epoch.has_value(); });
  if (!random) return out;
  auto epochs = tx.epochs().list_epochs();
  if (!epochs) return epochs.error();
  for (const auto& r : assignments)
    for (const auto& e : *epochs)
      if (r.epoch && e.id == *r.epoch) out[e.id.value] = e;
  return out;
}

}  // namespace zeren::app
