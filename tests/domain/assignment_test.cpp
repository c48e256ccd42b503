// The assignment engine: the SPEC §3 invariant as a property over random configurations, the
// order of rules, every exclusion, rotation, rejection sampling.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "domain/assignment.hpp"
#include "domain/draw.hpp"

namespace zeren {
namespace {

std::vector<UnitSnapshot> units(int n) {
  std::vector<UnitSnapshot> out(n);
  for (int i = 0; i < n; ++i) {
    out[i].unit = UnitId{i + 1};
    out[i].position = i + 1;
    out[i].categories = {CaseCategory::arrest_review, CaseCategory::prosecution_review,
                         CaseCategory::reconsideration};
    out[i].difficulties = {Difficulty::ordinary, Difficulty::difficult};
    out[i].lead = PersonId{100 + i};
    out[i].people = {out[i].lead, PersonId{200 + i}};
  }
  return out;
}

UnitSnapshot& by_id(std::vector<UnitSnapshot>& us, std::int64_t id) { return us[id - 1]; }

const Assessment& candidate(const Selection& s, std::int64_t id) {
  for (const auto& c : s.candidates)
    if (c.unit.value == id) return c;
  throw std::runtime_error("no such candidate");
}

// Picks from the band with a plain PRNG: the invariant is about the band, not the draw.
UnitId pick(const Selection& s, std::mt19937_64& rng) {
  if (s.chosen) return s.candidates[*s.chosen].unit;
  std::uniform_int_distribution<std::size_t> d(0, s.band.size() - 1);
  return s.candidates[s.band[d(rng)]].unit;
}

TEST(Engine, UnitsListedOutOfOrderAreAssessedInPositionOrder) {
  auto sorted = units(5);
  by_id(sorted, 3).lead_absent = true;
  by_id(sorted, 4).weight_sum = 1;
  auto shuffled = sorted;
  std::reverse(shuffled.begin(), shuffled.end());
  std::swap(shuffled[0], shuffled[2]);
  PlanRules rules;
  rules.mode = AssignmentMode::rotation;
  for (const auto& us : {sorted, shuffled}) {
    const auto s = select_unit(rules, CaseFacts{}, us, UnitId{1});
    ASSERT_EQ(s.candidates.size(), 5u);
    for (std::size_t i = 0; i < s.candidates.size(); ++i)
      EXPECT_EQ(s.candidates[i].unit, UnitId{static_cast<std::int64_t>(i + 1)});
    EXPECT_EQ(candidate(s, 3).exclusion, "lead_absent");
    EXPECT_FALSE(candidate(s, 4).in_band);
    ASSERT_TRUE(s.chosen);
    EXPECT_EQ(s.candidates[*s.chosen].unit, UnitId{2});  // the next band unit after unit 1
  }
}

TEST(Engine, SpreadNeverExceedsTheLargestWeightWithToleranceZero) {
  std::mt19937_64 rng(20260101);
  for (int config = 0; config < 300; ++config) {
    PlanRules rules;
    rules.mode = config % 3 == 0 ? AssignmentMode::rotation : AssignmentMode::balanced_random;
    rules.weight_ordinary = std::uniform_int_distribution<int>(1, 3)(rng);
    rules.weight_difficult = std::uniform_int_distribution<int>(1, 6)(rng);
    const int n = std::uniform_int_distribution<int>(2, 30)(rng);
    const int cases = std::uniform_int_distribution<int>(1, 400)(rng);
    const double p = std::uniform_real_distribution<double>(0, 1)(rng);
    auto us = units(n);
    std::optional<UnitId> last;
    for (int k = 0; k < cases; ++k) {
      CaseFacts f;
      f.difficulty = std::bernoulli_distribution(p)(rng) ? Difficulty::difficult : Difficulty::ordinary;
      const auto s = select_unit(rules, f, us, last);
      ASSERT_NE(s.outcome, Selection::Outcome::none);
      const UnitId u = pick(s, rng);
      by_id(us, u.value).weight_sum += rules.weight(f.difficulty);
      last = u;
      std::int64_t lo = us[0].weight_sum, hi = us[0].weight_sum;
      for (const auto& x : us) lo = std::min(lo, x.weight_sum), hi = std::max(hi, x.weight_sum);
      ASSERT_LE(hi - lo, rules.largest_weight())
          << "config " << config << " after case " << k << " (" << n << " units)";
    }
  }
}

TEST(Engine, NeverChoosesAnIneligibleUnit) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 2000; ++round) {
    auto us = units(std::uniform_int_distribution<int>(1, 12)(rng));
    CaseFacts f;
    for (auto& u : us) {
      u.active = !std::bernoulli_distribution(0.1)(rng);
      u.lead_absent = std::bernoulli_distribution(0.15)(rng);
      u.weight_sum = std::uniform_int_distribution<int>(0, 20)(rng);
      u.share_bp = std::uniform_int_distribution<int>(1000, 10000)(rng);
      if (std::bernoulli_distribution(0.1)(rng)) u.difficulties = {Difficulty::ordinary};
      if (std::bernoulli_distribution(0.1)(rng)) f.recusals.push_back(u.people[1]);
      if (std::bernoulli_distribution(0.05)(rng)) f.investigators.push_back(u.lead);
    }
    f.difficulty = std::bernoulli_distribution(0.5)(rng) ? Difficulty::difficult : Difficulty::ordinary;
    if (std::bernoulli_distribution(0.3)(rng)) f.earlier_unit = us[0].unit;
    f.category = std::bernoulli_distribution(0.2)(rng) ? CaseCategory::reconsideration
                                                       : CaseCategory::prosecution_review;
    PlanRules rules;
    rules.tolerance = std::uniform_int_distribution<int>(0, 3)(rng);
    const auto s = select_unit(rules, f, us);
    if (s.outcome == Selection::Outcome::none) {
      EXPECT_EQ(s.eligible_count(), 0);
      continue;
    }
    for (auto i : s.band) EXPECT_TRUE(s.candidates[i].eligible);
    if (s.chosen) { EXPECT_TRUE(s.candidates[*s.chosen].eligible); }
  }
}

TEST(Engine, ExclusionsAreNamed) {
  auto us = units(8);
  by_id(us, 1).active = false;
  by_id(us, 2).categories = {CaseCategory::arrest_review};
  by_id(us, 3).difficulties = {Difficulty::ordinary};
  by_id(us, 4).lead_absent = true;
  CaseFacts f;
  f.category = CaseCategory::prosecution_review;
  f.difficulty = Difficulty::difficult;
  f.recusals = {by_id(us, 5).people[1]};
  f.investigators = {by_id(us, 6).lead};
  f.excluded_units = {UnitId{7}};
  const auto s = select_unit(PlanRules{}, f, us);
  EXPECT_EQ(candidate(s, 1).exclusion, "inactive");
  EXPECT_EQ(candidate(s, 2).exclusion, "category_not_accepted");
  EXPECT_EQ(candidate(s, 3).exclusion, "difficulty_not_accepted");
  EXPECT_EQ(candidate(s, 4).exclusion, "lead_absent");
  EXPECT_EQ(candidate(s, 5).exclusion, "recusal");
  EXPECT_EQ(candidate(s, 6).exclusion, "investigator");
  EXPECT_EQ(candidate(s, 7).exclusion, "previous_handler");
  EXPECT_TRUE(candidate(s, 8).eligible);
  ASSERT_EQ(s.band.size(), 1u);
  EXPECT_EQ(s.candidates[s.band[0]].unit, UnitId{8});
  EXPECT_EQ(s.eligible_count(), 1);
}

// A case that names only a recused person, or only an investigator, still excludes that unit:
// the people of the units are looked up whenever either list names anyone.
TEST(Engine, ARecusalOrAnInvestigatorAloneExcludesTheirUnit) {
  auto us = units(3);
  CaseFacts recused;
  recused.recusals = {by_id(us, 2).people[1]};
  const auto r = select_unit(PlanRules{}, recused, us);
  EXPECT_EQ(candidate(r, 2).exclusion, "recusal");
  EXPECT_TRUE(candidate(r, 1).eligible);
  EXPECT_TRUE(candidate(r, 3).eligible);
  CaseFacts investigated;
  investigated.investigators = {by_id(us, 3).lead};
  const auto i = select_unit(PlanRules{}, investigated, us);
  EXPECT_EQ(candidate(i, 3).exclusion, "investigator");
  EXPECT_TRUE(candidate(i, 1).eligible);
  EXPECT_TRUE(candidate(i, 2).eligible);
}

TEST(Engine, NoEligibleUnitLeavesTheCaseUnassigned) {
  auto us = units(2);
  for (auto& u : us) u.lead_absent = true;
  const auto s = select_unit(PlanRules{}, CaseFacts{}, us);
  EXPECT_EQ(s.outcome, Selection::Outcome::none);
  EXPECT_TRUE(s.band.empty());
}

TEST(Engine, ALaterStageFollowsTheEarlierUnitWhenEligible) {
  auto us = units(4);
  by_id(us, 3).weight_sum = 50;  // far above the others: a draw would never pick it
  CaseFacts f;
  f.earlier_unit = UnitId{3};
  const auto s = select_unit(PlanRules{}, f, us);
  ASSERT_EQ(s.outcome, Selection::Outcome::follow_on);
  EXPECT_EQ(s.candidates[*s.chosen].unit, UnitId{3});
  // Its lead is away: the rule does not apply and the case is drawn among the least loaded.
  by_id(us, 3).lead_absent = true;
  const auto s2 = select_unit(PlanRules{}, f, us);
  EXPECT_EQ(s2.outcome, Selection::Outcome::draw);
  EXPECT_FALSE(candidate(s2, 3).in_band);
}

TEST(Engine, AReconsiderationExcludesTheOriginalHandler) {
  auto us = units(3);
  CaseFacts f;
  f.category = CaseCategory::reconsideration;
  f.earlier_unit = UnitId{2};
  const auto s = select_unit(PlanRules{}, f, us);
  EXPECT_EQ(s.outcome, Selection::Outcome::draw);
  EXPECT_EQ(candidate(s, 2).exclusion, "original_handler");
  EXPECT_FALSE(candidate(s, 2).in_band);
  EXPECT_EQ(s.band.size(), 2u);
}

TEST(Engine, ShareDividesLoadAndToleranceWidensTheBand) {
  auto us = units(3);
  by_id(us, 1).weight_sum = 2;   // share 1: load 2
  by_id(us, 2).weight_sum = 1;   // share 0.2: load 5
  by_id(us, 2).share_bp = 2000;
  by_id(us, 3).weight_sum = 3;   // share 1: load 3
  const auto s = select_unit(PlanRules{}, CaseFacts{}, us);
  ASSERT_EQ(s.band.size(), 1u);
  EXPECT_EQ(s.candidates[s.band[0]].unit, UnitId{1});
  PlanRules wide;
  wide.tolerance = 1;  // loads <= 2 + 1
  const auto s2 = select_unit(wide, CaseFacts{}, us);
  EXPECT_TRUE(candidate(s2, 1).in_band);
  EXPECT_FALSE(candidate(s2, 2).in_band);
  EXPECT_TRUE(candidate(s2, 3).in_band);
  wide.tolerance = 3;  // 5 <= 2 + 3: the deputy's unit joins
  EXPECT_TRUE(candidate(select_unit(wide, CaseFacts{}, us), 2).in_band);
}

TEST(Engine, RotationTakesTheNextUnitInPositionOrder) {
  auto us = units(4);
  PlanRules rules;
  rules.mode = AssignmentMode::rotation;
  rules.tolerance = 100;  // everyone in the band
  auto next = [&](std::optional<UnitId> last) {
    const auto s = select_unit(rules, CaseFacts{}, us, last);
    EXPECT_EQ(s.outcome, Selection::Outcome::rotation);
    return s.candidates[*s.chosen].unit;
  };
  EXPECT_EQ(next(std::nullopt), UnitId{1});
  EXPECT_EQ(next(UnitId{1}), UnitId{2});
  EXPECT_EQ(next(UnitId{4}), UnitId{1});  // wraps round
  by_id(us, 3).lead_absent = true;
  EXPECT_EQ(next(UnitId{2}), UnitId{4});  // skips the unit whose lead is away
}

TEST(Engine, PlanNumbersAreChecked) {
  PlanRules r;
  EXPECT_TRUE(r.check().ok());
  r.weight_difficult = 0;
  EXPECT_EQ(r.check().error().field, "weight_difficult");
  r = PlanRules{};
  r.min_pool = 0;
  EXPECT_EQ(r.check().error().field, "min_pool");
  r = PlanRules{};
  r.tolerance = -1;
  EXPECT_EQ(r.check().error().field, "tolerance");
}

// A MAC that answers from a script, to drive rejection sampling.
TEST(Draw, RejectionSamplingSkipsTheBiasedTail) {
  const std::uint64_t max = ~0ULL;
  // n = 3: 2^64 mod 3 = 1, so exactly the value 2^64 - 1 is rejected.
  std::vector<std::uint64_t> script{max, max - 1};
  std::size_t calls = 0;
  auto mac = [&](std::string_view) {
    Digest d{};
    const std::uint64_t v = script[std::min(calls++, script.size() - 1)];
    for (int i = 0; i < 8; ++i) d[i] = static_cast<std::uint8_t>(v >> (56 - 8 * i));
    return d;
  };
  const auto r = draw_index(mac, "m", 3);
  EXPECT_EQ(r.attempt, 1u);
  EXPECT_EQ(r.index, (max - 1) % 3);
  // A power of two divides 2^64: nothing is rejected.
  calls = 0;
  EXPECT_EQ(draw_index(mac, "m", 4).attempt, 0u);
}

TEST(Draw, TheCanonicalEncodingCoversEveryInput) {
  DrawInput in{CaseId{7}, "嘉检刑诉受〔2026〕7号", PlanId{3}, 2,
               {{UnitId{1}, 1, 4, 10000, true, "", true}, {UnitId{2}, 2, 5, 10000, true, "", false}},
               Digest{}, ""};
  const auto base = canonical_draw(in);
  EXPECT_EQ(base.size(), 2 + 8 + 4 + in.case_number.size() + 8 + 4 + 4 + 2 * 26 + 32 + 4);
  auto changed = [&](auto mutate) {
    DrawInput x = in;
    mutate(x);
    return canonical_draw(x) != base;
  };
  EXPECT_TRUE(changed([](DrawInput& x) { x.case_id = CaseId{8}; }));
  EXPECT_TRUE(changed([](DrawInput& x) { x.case_number += "x"; }));
  EXPECT_TRUE(changed([](DrawInput& x) { x.plan_version = 3; }));
  EXPECT_TRUE(changed([](DrawInput& x) { x.candidates[1].weight_sum = 4; }));
  EXPECT_TRUE(changed([](DrawInput& x) { x.candidates[1].eligible = false; }));
  EXPECT_TRUE(changed([](DrawInput& x) { x.candidates[0].in_band = false; }));
  EXPECT_TRUE(changed([](DrawInput& x) { x.candidates[0].share_bp = 2000; }));
  EXPECT_TRUE(changed([](DrawInput& x) { x.audit_head[31] = 1; }));
  EXPECT_TRUE(changed([](DrawInput& x) { x.beacon = "round 1"; }));
  EXPECT_TRUE(changed([](DrawInput& x) { std::swap(x.candidates[0], x.candidates[1]); }));
}

}  // namespace
}  // namespace zeren
