// Benchmark 1: engine decisions per second in a 50-unit department.
//
// A decision is select_unit(...) over the 50 units followed, for a draw, by the verifiable draw
// exactly as app/simulate.cpp makes it (canonical_draw, hash, draw_index with HMAC-SM3), then the
// case's weight added to the chosen unit. The baseline in the same run makes the same selection but
// picks the band index with std::mt19937_64 (a draw nobody can verify).
//
//   zeren_bench_engine [--seconds S] [--rounds R]
//
// Prints the figures and RESULT lines for bench/run. Reports; asserts nothing about time.
#include <openssl/crypto.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "audit/draw_crypto.hpp"
#include "audit/sm3.hpp"
#include "bench_support.hpp"
#include "domain/draw.hpp"
#include "engine_workload.hpp"

namespace zeren::bench {
namespace {

constexpr double kGoalPerSecond = 100'000.0;
constexpr std::int64_t kSpreadGoal = 2;

// The verifiable draw, step for step as app/simulate.cpp makes it.
class VerifiableDraw {
 public:
  VerifiableDraw() : crypto_(audit::HashAlgorithm::sm3) {
    const Digest seed = crypto_.hash("zeren-bench:engine");
    std::copy(seed.begin(), seed.end(), secret_.begin());
  }
  std::size_t pick(const Selection& s, std::int64_t k) const {
    DrawInput in{CaseId{k + 1}, "BENCH-" + std::to_string(k + 1), PlanId{1}, 1, s.candidates, {}, {}};
    const Digest material = crypto_.hash(canonical_draw(in));
    const auto d = draw_index([&](std::string_view m) { return crypto_.mac(secret_, m); },
                              std::string_view(reinterpret_cast<const char*>(material.data()),
                                               material.size()),
                              s.band.size());
    return s.band[d.index];
  }

 private:
  audit::SystemDrawCrypto crypto_;
  EpochSecret secret_{};
};

// The baseline: a uniform index from a seeded Mersenne Twister. Nothing to verify afterwards.
class UnverifiableDraw {
 public:
  std::size_t pick(const Selection& s, std::int64_t) {
    return s.band[std::uniform_int_distribution<std::size_t>(0, s.band.size() - 1)(rng_)];
  }

 private:
  std::mt19937_64 rng_{20261126};
};

// One department deciding the workload's cases in turn, loads carried from case to case.
template <class Draw>
class Engine {
 public:
  explicit Engine(const EngineWorkload& w) : w_(w), units_(w.units) {}

  void decide() {
    const CaseFacts& f = w_.cases[static_cast<std::size_t>(next_) % w_.cases.size()];
    const Selection s = select_unit(w_.rules, f, units_);
    std::size_t chosen = 0;
    if (s.outcome == Selection::Outcome::draw) {
      chosen = draw_.pick(s, next_);
    } else if (s.chosen) {
      chosen = *s.chosen;
    } else {
      ++unplaced_;
      ++next_;
      return;
    }
    units_[static_cast<std::size_t>(s.candidates[chosen].unit.value - 1)].weight_sum +=
        w_.rules.weight(f.difficulty);
    band_total_ += s.band.size();
    ++next_;
  }

  const std::vector<UnitSnapshot>& units() const { return units_; }
  std::int64_t decided() const { return next_; }
  std::int64_t unplaced() const { return unplaced_; }
  double mean_band() const {
    const auto placed = next_ - unplaced_;
    return placed > 0 ? static_cast<double>(band_total_) / static_cast<double>(placed) : 0.0;
  }

 private:
  const EngineWorkload& w_;
  std::vector<UnitSnapshot> units_;
  Draw draw_;
  std::int64_t next_ = 0;
  std::int64_t unplaced_ = 0;
  std::uint64_t band_total_ = 0;
};

struct RoundResult {
  Rate rate;
  std::int64_t spread = 0;
  std::int64_t unplaced = 0;
  double mean_band = 0.0;
};

template <class Draw>
RoundResult timed_round(const EngineWorkload& w, double seconds) {
  Engine<Draw> engine(w);
  RoundResult r;
  r.rate = run_for(seconds, 1000, [&] { engine.decide(); });
  r.spread = weight_spread(engine.units());
  r.unplaced = engine.unplaced();
  r.mean_band = engine.mean_band();
  return r;
}

// Untimed: the largest spread seen after any single decision, not only at the end.
std::int64_t largest_spread_seen(const EngineWorkload& w, std::int64_t decisions) {
  Engine<VerifiableDraw> engine(w);
  std::int64_t worst = 0;
  for (std::int64_t k = 0; k < decisions; ++k) {
    engine.decide();
    worst = std::max(worst, weight_spread(engine.units()));
  }
  return worst;
}

struct Options {
  double seconds = 2.0;
  int rounds = 3;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--seconds") == 0 && has_value) {
      o.seconds = std::atof(argv[++i]);
    } else if (std::strcmp(argv[i], "--rounds") == 0 && has_value) {
      o.rounds = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: %s [--seconds S (>= 1)] [--rounds R]\n", argv[0]);
      std::exit(2);
    }
  }
  o.seconds = std::max(o.seconds, 1.0);
  o.rounds = std::max(o.rounds, 1);
  return o;
}

int run(const Options& o) {
  const EngineWorkload w = make_engine_workload({});
  std::printf("Engine decisions, %zu-unit department (equal shares; weights %d/%d; tolerance %d)\n",
              w.units.size(), w.rules.weight_ordinary, w.rules.weight_difficult, w.rules.tolerance);
  std::printf("  case pool: %zu cases, %d of them with 1-3 recused people; SM3 by %s\n",
              w.cases.size(), w.cases_with_recusals, audit::sm3::implementation().c_str());
  std::printf("  %d rounds of >= %.1f s each way, alternating; the median round counts\n", o.rounds,
              o.seconds);

  // Warm-up: caches, the keyed HMAC context, page faults.
  (void)timed_round<VerifiableDraw>(w, 0.2);
  (void)timed_round<UnverifiableDraw>(w, 0.2);

  std::vector<double> verifiable, unverifiable;
  std::int64_t spread_v = 0, spread_u = 0, unplaced = 0;
  double band_v = 0.0;
  for (int r = 1; r <= o.rounds; ++r) {
    const auto v = timed_round<VerifiableDraw>(w, o.seconds);
    const auto u = timed_round<UnverifiableDraw>(w, o.seconds);
    verifiable.push_back(v.rate.per_second());
    unverifiable.push_back(u.rate.per_second());
    spread_v = std::max(spread_v, v.spread);
    spread_u = std::max(spread_u, u.spread);
    unplaced += v.unplaced + u.unplaced;
    band_v = v.mean_band;
    std::printf("  round %d: verifiable %s/s (%s decisions in %.2f s, spread %lld); "
                "unverifiable %s/s (%s in %.2f s, spread %lld)\n",
                r, grouped(v.rate.per_second()).c_str(),
                grouped(static_cast<double>(v.rate.operations)).c_str(), v.rate.seconds,
                static_cast<long long>(v.spread), grouped(u.rate.per_second()).c_str(),
                grouped(static_cast<double>(u.rate.operations)).c_str(), u.rate.seconds,
                static_cast<long long>(u.spread));
  }
  const double v = median(verifiable), u = median(unverifiable);
  const double ratio = u > 0.0 ? v / u : 0.0;
  constexpr std::int64_t kSpreadCheckDecisions = 100'000;
  const std::int64_t seen = largest_spread_seen(w, kSpreadCheckDecisions);
  const std::int64_t seen_without_recusals =
      largest_spread_seen(make_engine_workload({.recusal_every = 0}), kSpreadCheckDecisions);
  const bool goal_met = v >= kGoalPerSecond;
  const bool spread_met = spread_v <= kSpreadGoal && spread_u <= kSpreadGoal;

  std::printf("verifiable (select_unit + HMAC-SM3 draw): %s decisions/s\n", grouped(v).c_str());
  std::printf("unverifiable baseline (select_unit + mt19937_64): %s decisions/s\n", grouped(u).c_str());
  std::printf("ratio verifiable/unverifiable: %.3f\n", ratio);
  std::printf("goal >= %s decisions/s: %s\n", grouped(kGoalPerSecond).c_str(),
              goal_met ? "met" : "not met");
  std::printf("spread (max - min weight_sum) at the end of each round: verifiable <= %lld, "
              "unverifiable <= %lld; goal <= %lld: %s\n",
              static_cast<long long>(spread_v), static_cast<long long>(spread_u),
              static_cast<long long>(kSpreadGoal), spread_met ? "met" : "not met");
  std::printf("largest spread after any single decision (untimed, %s decisions): %lld; "
              "the same without recusals: %lld\n",
              grouped(static_cast<double>(kSpreadCheckDecisions)).c_str(),
              static_cast<long long>(seen), static_cast<long long>(seen_without_recusals));
  std::printf("mean band size: %.2f units; cases nobody could take: %lld\n", band_v,
              static_cast<long long>(unplaced));

  result("engine.units", static_cast<double>(w.units.size()));
  result("engine.rounds", o.rounds);
  result("engine.seconds_per_round", o.seconds);
  result("engine.verifiable_per_s", v);
  result("engine.unverifiable_per_s", u);
  result("engine.ratio", ratio);
  result("engine.goal_per_s", kGoalPerSecond);
  result("engine.goal_met", goal_met ? "met" : "not_met");
  result("engine.spread_verifiable", static_cast<double>(spread_v));
  result("engine.spread_unverifiable", static_cast<double>(spread_u));
  result("engine.spread_goal", static_cast<double>(kSpreadGoal));
  result("engine.spread_met", spread_met ? "met" : "not_met");
  result("engine.spread_seen", static_cast<double>(seen));
  result("engine.spread_seen_without_recusals", static_cast<double>(seen_without_recusals));
  result("engine.spread_check_decisions", static_cast<double>(kSpreadCheckDecisions));
  result("engine.mean_band", band_v);
  result("engine.cases_with_recusals", w.cases_with_recusals);
  result("engine.case_pool", static_cast<double>(w.cases.size()));
  result("engine.openssl", std::string(OpenSSL_version(OPENSSL_VERSION_STRING)));
  result("engine.sm3", audit::sm3::implementation());
  return 0;
}

}  // namespace
}  // namespace zeren::bench

int main(int argc, char** argv) {
  return zeren::bench::run(zeren::bench::parse(argc, argv));
}
