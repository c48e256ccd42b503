// What assignment leaves behind: the record of each assignment, the requests for designation and
// change of handler, the draw epochs and the alerts to the case-management office.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "domain/assignment.hpp"
#include "domain/audit.hpp"

namespace zeren {

using AssignmentId = Id<struct AssignmentTag>;
using RequestId = Id<struct RequestTag>;
using EpochId = Id<struct EpochTag>;
using AlertId = Id<struct AlertTag>;

// One assignment of a case to a unit, with everything needed to explain and re-check it.
struct AssignmentRecord {
  AssignmentId id;
  CaseId case_id;
  UnitId unit;
  AssignmentMethod method = AssignmentMethod::random;
  PlanId plan;
  int plan_version = 0;
  int tolerance = 0;
  int min_pool = 0;
  std::vector<Assessment> candidates;
  int pool_size = 0;  // eligible candidates
  int band_size = 0;
  std::optional<EpochId> epoch;  // random draws
  std::string draw_value;        // hex, random draws
  int draw_index = -1;           // into the band, random draws
  std::optional<PersonId> approver;
  std::optional<RequestId> request;
  std::int64_t decided_at_us = 0;
  std::uint64_t audit_seq = 0;
};

enum class RequestKind { designation, change_of_handler };
enum class RequestStatus { pending, approved, rejected };
template <> std::span<const Term<RequestKind>> terms<RequestKind>();
template <> std::span<const Term<RequestStatus>> terms<RequestStatus>();

// Reason codes (SPEC §3). Designation: major_complex 重大疑难复杂, leader_handles 领导直接办理,
// assigned_by_higher 上级交办, conflict 回避/冲突, follow_on 捕诉一体, reconsideration 复议另行指派,
// other. Change of handler: recusal 回避, long_absence 长期不在位, workload 工作量调整,
// expertise 专业匹配, higher_instruction 上级指令, other. "other" needs a text.
std::span<const Term<std::string_view>> reason_terms(RequestKind kind);
Result<std::string> check_reason(RequestKind kind, std::string_view code, const std::string& text);
std::string reason_label(std::string_view code);

struct AssignmentRequest {
  RequestId id;
  CaseId case_id;
  RequestKind kind = RequestKind::designation;
  std::string reason;       // code
  std::string reason_text;  // required for "other"
  std::optional<UnitId> target;  // designation: the unit asked for
  PersonId requested_by;
  std::string requested_by_actor;
  std::int64_t requested_at_us = 0;
  RequestStatus status = RequestStatus::pending;
  std::optional<PersonId> decided_by;
  std::string decision_note;
  std::int64_t decided_at_us = 0;
};

using EpochSecret = std::array<std::uint8_t, 32>;

// A day's draws share one secret, committed to before the first draw and revealed at the close.
struct DrawEpoch {
  EpochId id;
  Date day = *Date::from_ymd(2026, 1, 1);
  Digest commitment{};
  EpochSecret secret{};
  std::int64_t opened_at_us = 0;
  std::optional<std::int64_t> closed_at_us;
};

struct Alert {
  AlertId id;
  ProcuratorateId procuratorate;
  std::optional<DepartmentId> department;
  std::optional<CaseId> case_id;
  std::string kind;  // unassigned_case, small_pool
  std::string message;
  std::int64_t created_at_us = 0;
};

}  // namespace zeren
