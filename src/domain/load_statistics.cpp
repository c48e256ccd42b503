#include "domain/load_statistics.hpp"

#include <algorithm>
#include <cmath>

namespace zeren {

LoadStatistics load_statistics(const std::vector<double>& loads) {
  LoadStatistics s;
  if (loads.empty()) return s;
  const double n = static_cast<double>(loads.size());
  s.max = *std::max_element(loads.begin(), loads.end());
  s.min = *std::min_element(loads.begin(), loads.end());
  s.spread = s.max - s.min;
  double sum = 0;
  for (double x : loads) sum += x;
  s.mean = sum / n;
  if (s.mean <= 0) return s;
  double var = 0;
  for (double x : loads) var += (x - s.mean) * (x - s.mean);
  s.cv = std::sqrt(var / n) / s.mean;
  // Σ|xi − xj| over all pairs via the sorted form: Σ (2i − n + 1) x_(i).
  std::vector<double> sorted = loads;
  std::sort(sorted.begin(), sorted.end());
  double acc = 0;
  for (std::size_t i = 0; i < sorted.size(); ++i) acc += (2.0 * i - n + 1) * sorted[i];
  s.gini = (2 * acc) / (2 * n * n * s.mean);
  return s;
}

}  // namespace zeren
