// Runs the real engine, with real draws, over synthetic units and cases (zeren simulate).
#pragma once

#include <cstdint>
#include <vector>

#include "domain/assignment.hpp"
#include "domain/load_statistics.hpp"
#include "domain/ports.hpp"

namespace zeren::app {

struct SimulationOptions {
  int units = 25;
  int cases = 10000;
  double difficult_share = 0.0;
  AssignmentMode mode = AssignmentMode::balanced_random;
  int tolerance = 0;
  std::uint64_t seed = 1;
};

struct SimulationResult {
  std::vector<std::int64_t> per_unit;  // weight units
  LoadStatistics stats;
};

// Units have equal shares and accept every case; difficulty is drawn from the seed; each draw's
// secret is derived from the seed, so the same options give the same result.
Result<SimulationResult> simulate(const SimulationOptions& options, const DrawCrypto& crypto);

}  // namespace zeren::app
