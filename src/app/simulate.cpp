#include "app/simulate.hpp"

#include <random>

#include "domain/draw.hpp"

namespace zeren::app {

Result<SimulationResult> simulate(const SimulationOptions& o, const DrawCrypto& crypto) {
  if (o.units < 1 || o.units > 10000) return Error::invalid("units", "invalid_units", "units is 1..10000");
  if (o.cases < 0 || o.cases > 10'000'000)
    return Error::invalid("cases", "invalid_cases", "cases is 0..10000000");
  if (!(o.difficult_share >= 0.0 && o.difficult_share <= 1.0))
    return Error::invalid("difficult_share", "invalid_share", "difficult-share is 0..1");
  PlanRules rules;
  rules.mode = o.mode;
  rules.tolerance = o.tolerance;
  ZEREN_TRY(rules.check());

  std::vector<UnitSnapshot> units(o.units);
  for (int i = 0; i < o.units; ++i) {
    units[i].unit = UnitId{i + 1};
    units[i].position = i + 1;
    units[i].categories = {CaseCategory::prosecution_review};
    units[i].difficulties = {Difficulty::ordinary, Difficulty::difficult};
    units[i].lead = PersonId{i + 1};
    units[i].people = {units[i].lead};
  }
  std::mt19937_64 rng(o.seed);
  std::bernoulli_distribution difficult(o.difficult_share);
  const std::string seed_text = "zeren-simulate:" + std::to_string(o.seed);
  const Digest seed_digest = crypto.hash(seed_text);
  EpochSecret secret{};
  std::copy(seed_digest.begin(), seed_digest.end(), secret.begin());
  std::optional<UnitId> last;
  for (int k = 0; k < o.cases; ++k) {
    CaseFacts f;
    f.difficulty = difficult(rng) ? Difficulty::difficult : Difficulty::ordinary;
    const Selection s = select_unit(rules, f, units, last);
    std::size_t chosen = 0;
    if (s.outcome == Selection::Outcome::draw) {
      DrawInput in{CaseId{k + 1}, "SIM-" + std::to_string(k + 1), PlanId{1}, 1, s.candidates, {}, {}};
      const Digest material = crypto.hash(canonical_draw(in));
      const auto d = draw_index([&](std::string_view m) { return crypto.mac(secret, m); },
                                std::string_view(reinterpret_cast<const char*>(material.data()), 32),
                                s.band.size());
      chosen = s.band[d.index];
    } else if (s.chosen) {
      chosen = *s.chosen;
    } else {
      return Error::invalid("units", "no_eligible_unit", "no unit can take the case");
    }
    const UnitId unit = s.candidates[chosen].unit;
    units[unit.value - 1].weight_sum += rules.weight(f.difficulty);
    last = unit;
  }
  SimulationResult r;
  std::vector<double> loads;
  for (const auto& u : units) {
    r.per_unit.push_back(u.weight_sum);
    loads.push_back(static_cast<double>(u.weight_sum));
  }
  r.stats = load_statistics(loads);
  return r;
}

}  // namespace zeren::app
