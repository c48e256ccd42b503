// The department the engine benchmark assigns into: 50 units with equal shares that all accept
// the case, and a pool of cases (ordinary and difficult, some naming recused people) that the
// benchmark cycles through. Built from a seed, so every run decides the same cases.
#pragma once

#include <cstdint>
#include <vector>

#include "domain/assignment.hpp"

namespace zeren::bench {

struct EngineWorkloadOptions {
  int units = 50;
  int cases = 4096;                // size of the pool of case facts
  double difficult_share = 0.3;    // 疑难 cases, weight 2; the others weigh 1
  int recusal_every = 8;           // one case in this many names recused people
  int max_recusals = 3;            // 1..max_recusals people, drawn from all the units' people
  std::uint64_t seed = 20261126;
};

struct EngineWorkload {
  PlanRules rules;                  // defaults: balanced random, weights 1/2, tolerance 0
  std::vector<UnitSnapshot> units;  // unit ids 1..n at positions 1..n, every load 0
  std::vector<CaseFacts> cases;
  int cases_with_recusals = 0;
};

EngineWorkload make_engine_workload(const EngineWorkloadOptions& options);

// max(weight_sum) - min(weight_sum) over the units.
std::int64_t weight_spread(const std::vector<UnitSnapshot>& units);

}  // namespace zeren::bench
