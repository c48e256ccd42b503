#include "engine_workload.hpp"

#include <algorithm>
#include <random>

namespace zeren::bench {

EngineWorkload make_engine_workload(const EngineWorkloadOptions& o) {
  EngineWorkload w;
  std::vector<PersonId> everyone;
  for (int i = 1; i <= o.units; ++i) {
    UnitSnapshot u;
    u.unit = UnitId{i};
    u.position = i;
    u.share_bp = 10000;
    u.active = true;
    u.categories = {CaseCategory::prosecution_review};
    u.difficulties = {Difficulty::ordinary, Difficulty::difficult};
    u.lead = PersonId{i};
    u.people = {u.lead};
    // Every other unit is a team: the lead and one assistant prosecutor of its own.
    if (i % 2 == 0) u.people.push_back(PersonId{1000 + i});
    everyone.insert(everyone.end(), u.people.begin(), u.people.end());
    w.units.push_back(std::move(u));
  }

  std::mt19937_64 rng(o.seed);
  std::bernoulli_distribution difficult(o.difficult_share);
  std::uniform_int_distribution<int> recusal_count(1, o.max_recusals);
  std::uniform_int_distribution<std::size_t> anyone(0, everyone.size() - 1);
  for (int k = 0; k < o.cases; ++k) {
    CaseFacts f;
    f.category = CaseCategory::prosecution_review;
    f.difficulty = difficult(rng) ? Difficulty::difficult : Difficulty::ordinary;
    if (o.recusal_every > 0 && k % o.recusal_every == 0) {
      const int n = recusal_count(rng);
      while (static_cast<int>(f.recusals.size()) < n) {
        const PersonId p = everyone[anyone(rng)];
        if (std::find(f.recusals.begin(), f.recusals.end(), p) == f.recusals.end())
          f.recusals.push_back(p);
      }
      ++w.cases_with_recusals;
    }
    w.cases.push_back(std::move(f));
  }
  return w;
}

std::int64_t weight_spread(const std::vector<UnitSnapshot>& units) {
  if (units.empty()) return 0;
  const auto [lo, hi] = std::minmax_element(
      units.begin(), units.end(),
      [](const UnitSnapshot& a, const UnitSnapshot& b) { return a.weight_sum < b.weight_sum; });
  return hi->weight_sum - lo->weight_sum;
}

}  // namespace zeren::bench
