// `zeren gen`: a provincial-scale organisation and case history for benchmarks and capacity
// planning, made from a seed. The organisation is loaded through the same use cases as the demo's
// (one audit entry each); the cases are taken in through the real intake and assignment path
// (numbers, verifiable draws, audit entries), many to a transaction.
#pragma once

#include <cstdint>
#include <functional>

#include "app/demo_history.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

struct ProvinceShape {
  int procuratorates = 100;  // 1 provincial 院, about one city 院 in seven, the rest districts
  int prosecutors = 5000;  // 员额检察官, spread over the 院 (the provincial and city ones get more)
  std::uint64_t seed = 1;
};

// The organisation: in every 院 the nine departments of the demo's, a chief, two deputy chiefs,
// a head for each business department, the prosecutors (each a 独任检察官 unit in a business
// department), a case manager; and per 院 two log-ins, the chief and the case manager (passwords
// empty: the caller draws them). Refuses shapes it cannot fill (fewer than 8 prosecutors per 院).
Result<DemoOrganisation> province_organisation(const ProvinceShape& shape);

struct CaseHistoryOptions {
  std::int64_t cases = 2'000'000;
  Date from = *Date::from_ymd(2024, 1, 1);
  Date to = *Date::from_ymd(2026, 11, 25);  // inclusive
  std::uint64_t seed = 1;
  int batch = 2000;  // intakes per transaction
};

struct CaseHistory {
  std::int64_t cases = 0, assigned = 0, unassigned = 0, transactions = 0;
  int days = 0, plans = 0;
};

// Called after every transaction with the cases taken in so far.
using Progress = std::function<void(std::int64_t done, std::int64_t total)>;

// Every business department gets the default plan (proposed by its head, approved by the chief,
// in force from `options.from`); then the cases are spread over the working days from `from` to
// `to`, over the 院 in proportion to their prosecutors and over each 院's business departments,
// each taken in by the 院's case manager on its day. Needs the organisation of
// province_organisation loaded (it finds the people by their posts).
Result<CaseHistory> generate_case_history(Store& store, SteppingClock& clock,
                                          const DrawCrypto& crypto,
                                          const CaseHistoryOptions& options,
                                          const Progress& progress);

}  // namespace zeren::app
