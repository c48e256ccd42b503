// The assignment engine (SPEC §3): department plans, load, eligibility, the order of rules, and
// the band a draw picks from. Pure: the caller supplies the units with their current loads and
// absences, and (for a random draw) the draw itself — see draw.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/enum_set.hpp"
#include "domain/error.hpp"
#include "domain/ids.hpp"
#include "domain/organisation.hpp"
#include "domain/vocabulary.hpp"

namespace zeren {

using PlanId = Id<struct PlanTag>;
using CaseId = Id<struct CaseTag>;

enum class AssignmentMode { balanced_random, rotation };
enum class AssignmentMethod { random, rotation, follow_on, designated };
// Who approves designations and changes of handler under a plan.
enum class Approver { chief, supervising_deputy };  // 检察长 / 分管副检察长
enum class PlanStatus { proposed, approved, rejected, superseded };

template <> std::span<const Term<AssignmentMode>> terms<AssignmentMode>();
template <> std::span<const Term<AssignmentMethod>> terms<AssignmentMethod>();
template <> std::span<const Term<Approver>> terms<Approver>();
template <> std::span<const Term<PlanStatus>> terms<PlanStatus>();

// 分案方案: a department's versioned plan. Takes effect only once approved by the chief.
struct PlanRules {
  AssignmentMode mode = AssignmentMode::balanced_random;
  int weight_ordinary = 1;   // 普通
  int weight_difficult = 2;  // 疑难
  int tolerance = 0;         // band: load <= minimum load + tolerance (weight units)
  int min_pool = 3;          // fewer eligible units than this raises an alarm
  Approver designation_approver = Approver::chief;
  Approver change_approver = Approver::supervising_deputy;
  // Load window: concluded cases count when concluded in the same calendar year as the intake;
  // cases in progress always count.

  // Validates each number; the error names the field.
  Status check() const;
  int weight(Difficulty d) const {
    return d == Difficulty::difficult ? weight_difficult : weight_ordinary;
  }
  int largest_weight() const { return std::max(weight_ordinary, weight_difficult); }
};

struct AssignmentPlan {
  PlanId id;
  DepartmentId department;
  int version = 1;
  PlanRules rules;
  Date effective_from = *Date::from_ymd(2026, 1, 1);
  PlanStatus status = PlanStatus::proposed;
  PersonId proposed_by;
  std::optional<PersonId> approved_by;
};

// Whether `p` holds the post a plan names for approving in `department`: the chief of the 院, or
// the deputy chief who supervises (分管) that department.
bool holds_approver_post(const Person& p, Approver approver, DepartmentId department);

// A unit as the engine sees it at the moment of intake.
struct UnitSnapshot {
  UnitId unit;
  int position = 1;
  int share_bp = 10000;
  bool active = true;
  EnumSet<CaseCategory> categories;
  EnumSet<Difficulty> difficulties;
  PersonId lead;
  std::vector<PersonId> people;  // lead and members
  bool lead_absent = false;      // on the intake date
  std::int64_t weight_sum = 0;   // weights of the cases that count toward its load
};

// What about the case matters to the engine.
struct CaseFacts {
  CaseCategory category = CaseCategory::prosecution_review;
  Difficulty difficulty = Difficulty::ordinary;
  std::vector<PersonId> recusals;
  std::vector<PersonId> investigators;
  std::optional<UnitId> earlier_unit;  // handled the earlier stage of the same matter
  std::vector<UnitId> excluded_units;  // e.g. the previous handler on a change of handler
};

// One candidate, assessed. `exclusion` is empty for an eligible unit, otherwise a stable code:
// inactive, category_not_accepted, difficulty_not_accepted, lead_absent, recusal, investigator,
// original_handler, previous_handler.
struct Assessment {
  UnitId unit;
  int position = 1;
  std::int64_t weight_sum = 0;
  int share_bp = 10000;
  bool eligible = false;
  std::string exclusion;
  bool in_band = false;
};

// Load = weight_sum / share; compared exactly as fractions.
bool load_less(const Assessment& a, const Assessment& b);
// a's load <= b's load + tolerance.
bool load_within(const Assessment& a, const Assessment& b, int tolerance);
double load_value(std::int64_t weight_sum, int share_bp);

struct Selection {
  enum class Outcome { follow_on, draw, rotation, none };
  Outcome outcome = Outcome::none;
  std::vector<Assessment> candidates;  // every unit of the department, by position
  std::vector<std::size_t> band;       // indices into candidates, in candidate order
  std::optional<std::size_t> chosen;   // index into candidates, for follow_on and rotation
  int eligible_count() const;
};

// The order of rules of SPEC §3: (1) a later stage goes to the earlier stage's unit when it is
// eligible (not for 复议复核, which excludes it); (2) otherwise the band of eligible units with
// load <= minimum + tolerance: `draw` (the caller draws one uniformly) or `rotation` (the next
// unit in position order after `last_assigned`); (3) no eligible unit: `none`.
Selection select_unit(const PlanRules& plan, const CaseFacts& facts,
                      const std::vector<UnitSnapshot>& units,
                      std::optional<UnitId> last_assigned = std::nullopt);

}  // namespace zeren
