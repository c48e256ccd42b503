#include "app/assign_case.hpp"

#include <algorithm>

#include "app/draws.hpp"
#include "app/organisation_lookup.hpp"
#include "app/record_change.hpp"
#include "domain/draw.hpp"
#include "domain/text.hpp"

namespace zeren::app {

namespace {

Result<DepartmentView> view_department(Transaction& tx, const Context& ctx, const Case& c,
                                       const PlanRules& rules) {
  if (ctx.views) return ctx.views->view(tx, ctx, c, rules);
  return read_department_view(tx, ctx, c, rules);
}

}  // namespace

Result<DepartmentView> read_department_view(Transaction& tx, const Context& ctx, const Case& c,
                                            const PlanRules& rules) {
  const auto& in = c.intake();
  auto org = OrganisationLookup::open(tx, ctx, in.procuratorate);
  if (!org) return org.error();
  auto units = org->department_units(in.department);
  if (!units) return units.error();
  auto weights = tx.cases().unit_weight_sums(in.department, rules, in.received_on.year());
  if (!weights) return weights.error();
  const Date today = ctx.clock.today();
  DepartmentView view;
  for (const auto& [unit, lead] : *units) {
    const Unit& u = *unit;
    UnitSnapshot s;
    s.unit = u.id();
    s.position = u.position();
    s.share_bp = u.share().basis_points;
    s.active = u.active();
    s.categories = EnumSet<CaseCategory>(u.categories());
    s.difficulties = EnumSet<Difficulty>(u.difficulties());
    s.lead = u.lead();
    s.people.reserve(1 + u.members().size());
    s.people.push_back(u.lead());
    s.people.insert(s.people.end(), u.members().begin(), u.members().end());
    s.lead_absent = lead && (lead->absent_on(today) || !lead->active_on(today));
    if (auto w = weights->find(u.id()); w != weights->end()) s.weight_sum = w->second;
    view.names[u.id()] = u.name();
    view.units.push_back(std::move(s));
  }
  return view;
}

namespace {

Result<CaseFacts> facts_for(Transaction& tx, const Case& c, const std::vector<UnitId>& excluded) {
  const auto& in = c.intake();
  CaseFacts f;
  f.category = in.category;
  f.difficulty = in.difficulty;
  f.recusals = in.recusals;
  f.investigators = in.investigators;
  f.excluded_units = excluded;
  if (in.related_case) {
    auto earlier = tx.cases().find_case(*in.related_case);
    if (!earlier) return earlier.error();
    f.earlier_unit = earlier->unit();
  }
  return f;
}

void add_candidates(std::vector<AuditField>& fields, const std::vector<Assessment>& candidates) {
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& a = candidates[i];
    const std::string k = "candidates." + std::to_string(i) + ".";
    fields.push_back({k + "unit", std::to_string(a.unit.value)});
    fields.push_back({k + "position", std::to_string(a.position)});
    fields.push_back({k + "weight_sum", std::to_string(a.weight_sum)});
    fields.push_back({k + "share_bp", std::to_string(a.share_bp)});
    fields.push_back({k + "eligible", a.eligible ? "1" : "0"});
    fields.push_back({k + "in_band", a.in_band ? "1" : "0"});
    if (!a.exclusion.empty()) fields.push_back({k + "exclusion", a.exclusion});
  }
}

Status alert(Transaction& tx, const Context& ctx, const Case& c, std::string kind,
             std::string message) {
  Alert a;
  a.procuratorate = c.intake().procuratorate;
  a.department = c.intake().department;
  a.case_id = c.id();
  a.kind = std::move(kind);
  a.message = std::move(message);
  a.created_at_us = ctx.clock.now_us();
  auto id = tx.assignments().add_alert(a);
  if (!id) return id.error();
  return ok_status();
}

// The record's plan, pool and decision fields; method, unit and candidates are the caller's.
AssignmentRecord record_for(const std::optional<AssignmentPlan>& plan, const Selection& sel,
                            std::optional<RequestId> request, std::optional<PersonId> approver) {
  AssignmentRecord r;
  if (plan) {
    r.plan = plan->id;
    r.plan_version = plan->version;
    r.tolerance = plan->rules.tolerance;
    r.min_pool = plan->rules.min_pool;
  }
  r.pool_size = sel.eligible_count();
  r.band_size = static_cast<int>(sel.band.size());
  r.request = request;
  r.approver = approver;
  return r;
}

// A case left unassigned keeps its state; an intake's is written as registered.
Status keep_unassigned(Transaction& tx, const Case& c, CaseRow row) {
  return row == CaseRow::unwritten ? tx.cases().add_case(c) : ok_status();
}

// Saves the case in its unit, the record and the one audit entry of this assignment.
Result<AssignmentRecord> commit(Transaction& tx, const Context& ctx, Case& c, CaseRow row,
                                AssignmentRecord r, std::vector<AuditField> fields) {
  const std::optional<UnitId> previous = c.unit();
  c.assign(r.unit);
  ZEREN_TRY(row == CaseRow::unwritten ? tx.cases().add_case(c) : tx.cases().save_case_state(c));
  fields.push_back({"method", std::string(code_of(r.method))});
  fields.push_back({"unit", std::to_string(r.unit.value)});
  fields.push_back({"case_number", c.number()});
  fields.push_back({"pool_size", std::to_string(r.pool_size)});
  fields.push_back({"band_size", std::to_string(r.band_size)});
  if (r.plan.valid()) {
    fields.push_back({"plan", std::to_string(r.plan.value)});
    fields.push_back({"plan_version", std::to_string(r.plan_version)});
    fields.push_back({"tolerance", std::to_string(r.tolerance)});
    fields.push_back({"min_pool", std::to_string(r.min_pool)});
  }
  if (previous) fields.push_back({"previous_unit", std::to_string(previous->value)});
  if (r.approver) fields.push_back({"approver", std::to_string(r.approver->value)});
  if (r.request) fields.push_back({"request", std::to_string(r.request->value)});
  add_candidates(fields, r.candidates);
  r.case_id = c.id();
  r.decided_at_us = ctx.clock.now_us();
  auto seq = record_change(tx, ctx, "case.assign", subject("case", c.id()), std::move(fields));
  if (!seq) return seq.error();
  r.audit_seq = *seq;
  auto id = tx.assignments().add_assignment(r);
  if (!id) return id.error();
  r.id = *id;
  return r;
}

}  // namespace

Result<std::optional<AssignmentPlan>> plan_for(Transaction& tx, const Context& ctx,
                                               DepartmentId department) {
  return tx.plans().approved_plan(department, ctx.clock.today());
}

Result<AssignmentOutcome> run_assignment(Transaction& tx, const Context& ctx,
                                         const DrawCrypto& crypto, Case& c, CaseRow row,
                                         const std::vector<UnitId>& excluded,
                                         std::optional<RequestId> request,
                                         std::optional<PersonId> approver) {
  AssignmentOutcome out;
  auto plan = plan_for(tx, ctx, c.intake().department);
  if (!plan) return plan.error();
  if (!*plan) {
    out.unassigned_reason = "no_plan";
    ZEREN_TRY(keep_unassigned(tx, c, row));
    ZEREN_TRY(alert(tx, ctx, c, "unassigned_case",
                    c.number() + " 未分案：受理部门没有已批准的分案方案 (no approved plan)"));
    ZEREN_TRY(record_change(tx, ctx, "case.unassigned", subject("case", c.id()),
                            {{"reason", out.unassigned_reason}, {"case_number", c.number()}}));
    return out;
  }
  const auto& rules = (*plan)->rules;
  auto view = view_department(tx, ctx, c, rules);
  if (!view) return view.error();
  auto facts = facts_for(tx, c, excluded);
  if (!facts) return facts.error();
  std::optional<UnitId> last;
  if (rules.mode == AssignmentMode::rotation) {
    auto l = tx.cases().last_drawn_unit(c.intake().department);
    if (!l) return l.error();
    last = *l;
  }
  Selection sel = select_unit(rules, *facts, view->units, last);

  AssignmentRecord r = record_for(*plan, sel, request, approver);
  std::vector<AuditField> fields;

  if (sel.outcome == Selection::Outcome::none) {
    out.unassigned_reason = "no_eligible_unit";
    ZEREN_TRY(keep_unassigned(tx, c, row));
    ZEREN_TRY(alert(tx, ctx, c, "unassigned_case",
                    c.number() + " 未分案：没有符合条件的办案单元 (no eligible unit)"));
    std::vector<AuditField> f{{"reason", out.unassigned_reason}, {"case_number", c.number()}};
    add_candidates(f, sel.candidates);
    ZEREN_TRY(record_change(tx, ctx, "case.unassigned", subject("case", c.id()), std::move(f)));
    return out;
  }
  const bool small_pool = r.pool_size < rules.min_pool;
  if (small_pool) fields.push_back({"small_pool_alarm", "1"});

  switch (sel.outcome) {
    case Selection::Outcome::follow_on:
      r.method = AssignmentMethod::follow_on;
      r.unit = sel.candidates[*sel.chosen].unit;
      break;
    case Selection::Outcome::rotation:
      r.method = AssignmentMethod::rotation;
      r.unit = sel.candidates[*sel.chosen].unit;
      break;
    case Selection::Outcome::draw: {
      auto epoch = current_epoch(tx, ctx, crypto);
      if (!epoch) return epoch.error();
      auto head = tx.audit().head();
      if (!head) return head.error();
      DrawInput in{c.id(), c.number(), r.plan, r.plan_version, sel.candidates, *head, {}};
      const Digest material = crypto.hash(canonical_draw(in));
      const auto secret = epoch->secret;
      const auto drawn = draw_index(
          [&](std::string_view m) { return crypto.mac(secret, m); },
          std::string_view(reinterpret_cast<const char*>(material.data()), material.size()),
          sel.band.size());
      r.method = AssignmentMethod::random;
      r.unit = sel.candidates[sel.band[drawn.index]].unit;
      r.epoch = epoch->id;
      r.draw_value = hex_encode(drawn.value);
      r.draw_index = static_cast<int>(drawn.index);
      fields.push_back({"epoch", std::to_string(epoch->id.value)});
      fields.push_back({"head", hex_encode(*head)});
      fields.push_back({"value", r.draw_value});
      fields.push_back({"index", std::to_string(drawn.index)});
      fields.push_back({"attempt", std::to_string(drawn.attempt)});
      break;
    }
    case Selection::Outcome::none: break;
  }
  r.candidates = std::move(sel.candidates);
  fields.push_back({"unit_name", view->names[r.unit]});
  auto saved = commit(tx, ctx, c, row, std::move(r), std::move(fields));
  if (!saved) return saved.error();
  out.record = std::move(*saved);
  // After the case is written: the alert names it.
  if (small_pool)
    ZEREN_TRY(alert(tx, ctx, c, "small_pool",
                    c.number() + " 分案池过小：" + std::to_string(out.record->pool_size) +
                        " 个符合条件的办案单元，少于方案规定的 " + std::to_string(rules.min_pool)));
  return out;
}

namespace {
struct DesignationCheck {
  std::optional<AssignmentPlan> plan;
  Selection selection;
  DepartmentView view;
};
Result<DesignationCheck> check_target(Transaction& tx, const Context& ctx, const Case& c,
                                      UnitId target) {
  auto plan = plan_for(tx, ctx, c.intake().department);
  if (!plan) return plan.error();
  const PlanRules rules = *plan ? (*plan)->rules : PlanRules{};
  auto view = view_department(tx, ctx, c, rules);
  if (!view) return view.error();
  auto facts = facts_for(tx, c, {});
  if (!facts) return facts.error();
  Selection sel = select_unit(rules, *facts, view->units);
  auto it = std::find_if(sel.candidates.begin(), sel.candidates.end(),
                         [&](const Assessment& a) { return a.unit == target; });
  if (it == sel.candidates.end())
    return Error::invalid("unit", "unit_not_in_department",
                          "the designated unit is not a unit of the case's department");
  if (!it->eligible)
    return Error::invalid(
        "unit", "unit_excluded",
        "该办案单元不能承办此案 (the designated unit cannot take this case): " + it->exclusion);
  if (c.unit() && *c.unit() == target)
    return Error::invalid("unit", "same_unit", "the case is already with that unit");
  return DesignationCheck{std::move(*plan), std::move(sel), std::move(*view)};
}
}  // namespace

Status check_designation(Transaction& tx, const Context& ctx, const Case& c, UnitId target) {
  auto checked = check_target(tx, ctx, c, target);
  return checked ? ok_status() : Status(checked.error());
}

Result<AssignmentRecord> designate(Transaction& tx, const Context& ctx, Case& c, UnitId target,
                                   RequestId request, PersonId approver) {
  auto checked = check_target(tx, ctx, c, target);
  if (!checked) return checked.error();
  AssignmentRecord r = record_for(checked->plan, checked->selection, request, approver);
  r.method = AssignmentMethod::designated;
  r.unit = target;
  r.candidates = std::move(checked->selection.candidates);
  return commit(tx, ctx, c, CaseRow::written, std::move(r),
                {{"unit_name", checked->view.names[target]}});
}

}  // namespace zeren::app
