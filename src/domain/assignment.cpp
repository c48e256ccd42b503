#include "domain/assignment.hpp"

#include <algorithm>
#include <string_view>

namespace zeren {

ZEREN_DEFINE_TERMS(AssignmentMode, {AssignmentMode::balanced_random, "balanced_random", "均衡随机"},
            {AssignmentMode::rotation, "rotation", "轮流"})
ZEREN_DEFINE_TERMS(AssignmentMethod, {AssignmentMethod::random, "random", "随机分案"},
            {AssignmentMethod::rotation, "rotation", "轮流分案"},
            {AssignmentMethod::follow_on, "follow_on", "捕诉一体延续"},
            {AssignmentMethod::designated, "designated", "指定分案"})
ZEREN_DEFINE_TERMS(Approver, {Approver::chief, "chief", "检察长"},
            {Approver::supervising_deputy, "supervising_deputy", "分管副检察长"})
ZEREN_DEFINE_TERMS(PlanStatus, {PlanStatus::proposed, "proposed", "待批准"},
            {PlanStatus::approved, "approved", "已批准"}, {PlanStatus::rejected, "rejected", "已驳回"},
            {PlanStatus::superseded, "superseded", "已失效"})

Status PlanRules::check() const {
  if (weight_ordinary < 1 || weight_ordinary > 100)
    return Error::invalid("weight_ordinary", "invalid_weight", "普通 weight is 1..100");
  if (weight_difficult < 1 || weight_difficult > 100)
    return Error::invalid("weight_difficult", "invalid_weight", "疑难 weight is 1..100");
  if (tolerance < 0 || tolerance > 1000)
    return Error::invalid("tolerance", "invalid_tolerance", "tolerance is 0..1000");
  if (min_pool < 1 || min_pool > 100)
    return Error::invalid("min_pool", "invalid_min_pool", "minimum pool size is 1..100");
  return ok_status();
}

bool holds_approver_post(const Person& p, Approver approver, DepartmentId department) {
  for (const auto& post : p.posts()) {
    if (approver == Approver::chief && post.kind == PostKind::chief) return true;
    if (approver == Approver::supervising_deputy && post.kind == PostKind::deputy_chief &&
        std::find(post.departments.begin(), post.departments.end(), department) !=
            post.departments.end())
      return true;
  }
  return false;
}

bool load_less(const Assessment& a, const Assessment& b) {
  // a.w / a.s < b.w / b.s  <=>  a.w * b.s < b.w * a.s  (shares are positive)
  return a.weight_sum * b.share_bp < b.weight_sum * a.share_bp;
}

bool load_within(const Assessment& a, const Assessment& b, int tolerance) {
  // a.w * 10000 / a.s <= b.w * 10000 / b.s + t, multiplied through by a.s * b.s (both positive).
  const std::int64_t t = tolerance;
  return a.weight_sum * 10000 * b.share_bp <=
         b.weight_sum * 10000 * a.share_bp + t * a.share_bp * b.share_bp;
}

double load_value(std::int64_t weight_sum, int share_bp) {
  return static_cast<double>(weight_sum) * 10000.0 / share_bp;
}

int Selection::eligible_count() const {
  return static_cast<int>(
      std::count_if(candidates.begin(), candidates.end(), [](const Assessment& a) { return a.eligible; }));
}

namespace {

bool contains(const std::vector<PersonId>& v, PersonId p) {
  return std::find(v.begin(), v.end(), p) != v.end();
}

// The stable code of why `u` cannot take the case; empty when it can.
std::string_view exclusion_for(const UnitSnapshot& u, const CaseFacts& f) {
  if (!u.active) return "inactive";
  if (!u.categories.contains(f.category)) return "category_not_accepted";
  if (!u.difficulties.contains(f.difficulty)) return "difficulty_not_accepted";
  if (std::find(f.excluded_units.begin(), f.excluded_units.end(), u.unit) != f.excluded_units.end())
    return "previous_handler";
  if (f.category == CaseCategory::reconsideration && f.earlier_unit && *f.earlier_unit == u.unit)
    return "original_handler";
  if (u.lead_absent) return "lead_absent";
  if (f.recusals.empty() && f.investigators.empty()) return {};  // most cases name nobody
  for (auto p : u.people) {
    if (contains(f.recusals, p)) return "recusal";
    if (contains(f.investigators, p)) return "investigator";
  }
  return {};
}

bool before_in_position(const UnitSnapshot& a, const UnitSnapshot& b) {
  return a.position != b.position ? a.position < b.position : a.unit < b.unit;
}

}  // namespace

Selection select_unit(const PlanRules& plan, const CaseFacts& facts,
                      const std::vector<UnitSnapshot>& units, std::optional<UnitId> last_assigned) {
  Selection s;
  s.candidates.reserve(units.size());
  const auto assess = [&](const UnitSnapshot& u) {
    // Built in place: most units are eligible, and their empty exclusion costs no copy.
    Assessment& a = s.candidates.emplace_back();
    a.unit = u.unit;
    a.position = u.position;
    a.weight_sum = u.weight_sum;
    a.share_bp = u.share_bp;
    const std::string_view why = exclusion_for(u, facts);
    a.eligible = why.empty();
    if (!a.eligible) a.exclusion = why;
  };
  // Units set up in order come in position order already (the repositories list them by id), so
  // only an unsorted list is copied to be sorted.
  if (std::is_sorted(units.begin(), units.end(), before_in_position)) {
    for (const auto& u : units) assess(u);
  } else {
    std::vector<const UnitSnapshot*> ordered;
    ordered.reserve(units.size());
    for (const auto& u : units) ordered.push_back(&u);
    std::sort(ordered.begin(), ordered.end(), [](const UnitSnapshot* a, const UnitSnapshot* b) {
      return before_in_position(*a, *b);
    });
    for (const auto* u : ordered) assess(*u);
  }

  // (1) follow-on: the earlier stage's unit, when eligible (never for 复议复核).
  if (facts.earlier_unit && facts.category != CaseCategory::reconsideration) {
    for (std::size_t i = 0; i < s.candidates.size(); ++i)
      if (s.candidates[i].unit == *facts.earlier_unit && s.candidates[i].eligible) {
        s.outcome = Selection::Outcome::follow_on;
        s.chosen = i;
        return s;
      }
  }

  // (2) the band: eligible units with load <= minimum load + tolerance.
  const Assessment* least = nullptr;
  for (const auto& a : s.candidates)
    if (a.eligible && (!least || load_less(a, *least))) least = &a;
  if (!least) return s;  // (3) none
  s.band.reserve(s.candidates.size());
  for (std::size_t i = 0; i < s.candidates.size(); ++i) {
    auto& a = s.candidates[i];
    if (a.eligible && load_within(a, *least, plan.tolerance)) {
      a.in_band = true;
      s.band.push_back(i);
    }
  }
  if (plan.mode == AssignmentMode::balanced_random) {
    s.outcome = Selection::Outcome::draw;
    return s;
  }
  // Rotation: the first band unit after the last assigned one in position order, wrapping round.
  s.outcome = Selection::Outcome::rotation;
  int last_position = -1;
  UnitId last_unit;
  if (last_assigned)
    for (const auto& a : s.candidates)
      if (a.unit == *last_assigned) last_position = a.position, last_unit = a.unit;
  auto after_last = [&](const Assessment& a) {
    return a.position > last_position || (a.position == last_position && last_unit < a.unit);
  };
  for (auto i : s.band)
    if (after_last(s.candidates[i])) {
      s.chosen = i;
      return s;
    }
  s.chosen = s.band.front();
  return s;
}

}  // namespace zeren
