// Setting up the durable-intake benchmark (untimed): a new database holding the demo organisation,
// loaded through the real command line, and an approved assignment plan for the department the
// cases go to, so that every intake is also assigned by a verifiable draw.
#pragma once

#include <string>

#include "app/context.hpp"

namespace zeren::bench {

// now_us() is the wall clock; today() is a fixed calendar date.
class FixedDayClock final : public Clock {
 public:
  explicit FixedDayClock(Date day) : day_(day) {}
  std::int64_t now_us() const override;
  Date today() const override { return day_; }

 private:
  Date day_;
};

// Runs `<zeren> demo --db <db> --no-history`, its output to `log`. Throws std::runtime_error
// when the command fails.
void load_demo_with_cli(const std::string& zeren, const std::string& db, const std::string& log);

// Runs `<zeren> audit verify --db <db>`, its output appended to `log`; returns the exit status.
int verify_audit_with_cli(const std::string& zeren, const std::string& db, const std::string& log);

struct IntakeTarget {
  ProcuratorateId procuratorate;
  DepartmentId department;
  int units = 0;              // units of the department
  bool plan_created = false;  // false when an approved plan was there already
};

// Finds the procuratorate and department and makes sure the department has an approved plan:
// proposed by `case_manager` (a user name) and approved by the procuratorate's chief, through the
// real use cases, one transaction each. Throws std::runtime_error on any failure.
IntakeTarget prepare_department(Store& store, const Clock& clock, const std::string& procuratorate_code,
                                const std::string& department_name, const std::string& case_manager);

}  // namespace zeren::bench
