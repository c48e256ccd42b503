// How even a set of loads is: spread, coefficient of variation, Gini (SPEC §3 simulation).
#pragma once

#include <vector>

namespace zeren {

struct LoadStatistics {
  double max = 0, min = 0, spread = 0, mean = 0;
  double cv = 0;    // population standard deviation / mean
  double gini = 0;  // Σ|xi − xj| / (2 n² mean)
};

LoadStatistics load_statistics(const std::vector<double>& loads);

}  // namespace zeren
