// The assignment step shared by intake, designation and change of handler: builds the engine's
// view of the department, runs the order of rules, draws verifiably, records everything.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "app/context.hpp"

namespace zeren::app {

// What the engine reads of a department besides its plan: its units as snapshots, each with its
// load, and their names.
struct DepartmentView {
  std::vector<UnitSnapshot> units;
  std::map<UnitId, std::string> names;
};

// The department's view as the database has it now (the units, their leads' presence today and
// the loads in the plan's window for the case's year).
Result<DepartmentView> read_department_view(Transaction& tx, const Context& ctx, const Case& c,
                                            const PlanRules& rules);

// A source of department views other than the database, set in Context::views. Whoever sets it
// answers for the views being what read_department_view would read (zeren gen: the organisation
// does not change while it runs, and it adds each assignment's weight itself).
class DepartmentViews {
 public:
  virtual ~DepartmentViews() = default;
  virtual Result<DepartmentView> view(Transaction& tx, const Context& ctx, const Case& c,
                                      const PlanRules& rules) = 0;
};

struct AssignmentOutcome {
  std::optional<AssignmentRecord> record;  // empty: the case stays unassigned
  std::string unassigned_reason;           // no_plan, no_eligible_unit
};

// Whether the case being assigned has its row yet: an intake's case is written once, by the
// assignment, as it stands after it (CaseRepository::next_case_id).
enum class CaseRow { written, unwritten };

// Assigns `c` by the department's approved plan, never to a unit in `excluded`, and writes it.
// With no plan or no eligible unit the case keeps its state, the case-management office gets an
// alert and the outcome has no record.
Result<AssignmentOutcome> run_assignment(Transaction& tx, const Context& ctx,
                                         const DrawCrypto& crypto, Case& c, CaseRow row,
                                         const std::vector<UnitId>& excluded,
                                         std::optional<RequestId> request,
                                         std::optional<PersonId> approver);

// Places `c` with `target` by an approved designation. Refused when the target is excluded for a
// reason a designation cannot override (inactive, category, difficulty, absent lead, recusal,
// investigator, original handler of a 复议).
Result<AssignmentRecord> designate(Transaction& tx, const Context& ctx, Case& c, UnitId target,
                                   RequestId request, PersonId approver);

// Whether `target` could take `c` by designation now (the checks `designate` makes), so a request
// that could never be approved is refused when it is made.
Status check_designation(Transaction& tx, const Context& ctx, const Case& c, UnitId target);

// The department's plan in force today (none when no plan approved so far has taken effect).
Result<std::optional<AssignmentPlan>> plan_for(Transaction& tx, const Context& ctx,
                                               DepartmentId department);

}  // namespace zeren::app
