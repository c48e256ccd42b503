// The storage conformance suite: every backend runs these same tests, through the use cases, so
// that a second backend (PostgreSQL) proves it behaves like the first. A backend adds one file
// that instantiates ConformanceTest with its StoreFactory.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "storage/open_store.hpp"

namespace zeren::testing {

// Makes a fresh, empty database each call and can open the same one again.
class StoreFactory {
 public:
  virtual ~StoreFactory() = default;
  virtual std::string name() const = 0;
  virtual Result<OpenedStore> open_fresh() = 0;  // a new empty database
  virtual Result<OpenedStore> reopen() = 0;      // the database of the last open_fresh
};

struct BackendParam {
  std::string name;
  std::function<std::unique_ptr<StoreFactory>()> make;
};

// Every backend compiled in (backends.cpp). Suites instantiate with
//   INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::ValuesIn(all_backends()), backend_name);
std::vector<BackendParam> all_backends();
inline std::string backend_name(const ::testing::TestParamInfo<BackendParam>& info) {
  return info.param.name;
}

inline void PrintTo(const BackendParam& p, std::ostream* os) { *os << p.name; }

class FixedClock final : public Clock {
 public:
  std::int64_t now_us() const override { return now; }
  Date today() const override { return day; }
  std::int64_t now = 1'795'665'600'000'000LL;  // 2026-11-26T04:00:00Z
  Date day = *Date::parse("2026-11-26");
  void next_day() {
    day = Date::from_days(day.days_since_epoch() + 1);
    now += 86'400'000'000LL;
  }
};

// A two-level organisation built through the use cases, with ids to refer to.
struct Fixture {
  std::unique_ptr<StoreFactory> factory;
  OpenedStore opened;
  FixedClock clock;
  app::Actor console = app::Actor::console_operator("test");
  ProcuratorateId city, district;
  DepartmentId city_first, district_first;
  PersonId lead, second, clerk;

  Store& store() { return *opened.store; }
  app::Context ctx(const app::Actor& a) { return app::Context{a, clock}; }
  std::uint64_t audit_size();
  void build();  // 2 procuratorates, 2 departments, 3 persons: 7 changes
};

// The organisation and accounts suite (conformance_test.cpp).
class Conformance : public ::testing::TestWithParam<BackendParam> {
 protected:
  void SetUp() override;
  Fixture f;
};

}  // namespace zeren::testing
