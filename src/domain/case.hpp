// A case (SPEC §2) as far as intake and assignment need it; its timeline is the audit log's
// entries whose subject is the case.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/assignment.hpp"
#include "domain/date.hpp"
#include "domain/error.hpp"

namespace zeren {

enum class CaseStatus { registered, assigned, withdrawn };
template <> std::span<const Term<CaseStatus>> terms<CaseStatus>();

// The fields intake takes (SPEC §2).
struct CaseIntake {
  ProcuratorateId procuratorate;
  DepartmentId department;
  CaseCategory category = CaseCategory::prosecution_review;
  Date received_on = *Date::from_ymd(2026, 1, 1);
  Difficulty difficulty = Difficulty::ordinary;
  bool custody = false;                // 在押
  std::vector<std::string> parties;    // suspects / parties
  std::string source_org;              // 移送机关
  std::string source_doc_no;           // its document number
  std::optional<CaseId> related_case;  // earlier stage of the same matter
  std::vector<PersonId> recusals;      // 回避
  std::vector<PersonId> investigators; // took part in the investigation (Rules art 35)
};

class Case {
 public:
  // Validates the intake; `today` bounds the received date. The number is allocated by storage.
  static Result<Case> register_intake(CaseIntake intake, Date today);

  CaseId id() const { return id_; }
  void set_id(CaseId id) { id_ = id; }
  const CaseIntake& intake() const { return intake_; }
  const std::string& number() const { return number_; }
  void set_number(std::string number) { number_ = std::move(number); }
  CaseStatus status() const { return status_; }
  const std::optional<UnitId>& unit() const { return unit_; }

  void assign(UnitId unit) {
    unit_ = unit;
    status_ = CaseStatus::assigned;
  }
  Status withdraw();  // 撤回: leaves the load; refused when already withdrawn

  // Storage rebuilds a case as it was saved.
  static Case restore(CaseId id, CaseIntake intake, std::string number, CaseStatus status,
                      std::optional<UnitId> unit);

 private:
  Case() = default;
  CaseId id_;
  CaseIntake intake_;
  std::string number_;
  CaseStatus status_ = CaseStatus::registered;
  std::optional<UnitId> unit_;
};

// 业务代字 by category: 审查起诉 → 刑诉, 审查逮捕 → 刑捕, …
std::string business_code(CaseCategory c);

// Default format {院代字}检{代字}受〔{year}〕{serial}号; placeholders {院代字} {代字} {year} {serial}.
inline constexpr std::string_view kDefaultCaseNumberFormat = "{院代字}检{代字}受〔{year}〕{serial}号";
std::string format_case_number(std::string_view format, const std::string& short_code,
                               const std::string& code, int year, std::int64_t serial);

}  // namespace zeren
