// Handling a case in the domain: every life-cycle verb from every status (legal or refused, and a
// refusal changes nothing), the 退补 and extension limits, intake facts that contradict each
// other, the default power list decision by decision, decisions' self-decided and objection
// rules, the follow-up clock at its boundary, and leaders' quotas.
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "domain/case.hpp"
#include "domain/case_notes.hpp"
#include "domain/deadline.hpp"
#include "domain/decision.hpp"

namespace zeren {
namespace {

Date d(const char* s) {
  return *Date::parse(s);
}

CaseIntake intake(CaseCategory category = CaseCategory::prosecution_review) {
  CaseIntake in;
  in.procuratorate = ProcuratorateId{1};
  in.department = DepartmentId{1};
  in.category = category;
  in.received_on = d("2026-11-02");
  in.parties = {"王某"};
  in.source_org = "嘉峪关市公安局";
  in.source_doc_no = "嘉公（刑）移诉字〔2026〕1号";
  return in;
}

Case in_status(CaseStatus s) {
  return Case::restore(CaseId{1}, intake(), "嘉检刑诉受〔2026〕1号", s, UnitId{1});
}

constexpr CaseStatus kAll[] = {
    CaseStatus::registered,        CaseStatus::assigned,    CaseStatus::in_progress,
    CaseStatus::awaiting_decision, CaseStatus::returned,    CaseStatus::concluded,
    CaseStatus::archived,          CaseStatus::transferred, CaseStatus::withdrawn};

struct Verb {
  const char* name;
  std::function<Status(Case&)> apply;
  std::map<CaseStatus, CaseStatus> legal;  // from → to
};

TEST(LifeCycle, EachVerbMovesOnlyFromItsStatesAndARefusalChangesNothing) {
  using S = CaseStatus;
  const Date on = d("2026-11-20");
  const std::vector<Verb> verbs{
      {"start", [](Case& c) { return c.start(); }, {{S::assigned, S::in_progress}}},
      {"await_decision",
       [](Case& c) { return c.await_decision(); },
       {{S::in_progress, S::awaiting_decision}}},
      {"decision_refused",
       [](Case& c) { return c.decision_refused(); },
       {{S::awaiting_decision, S::in_progress}}},
      {"return",
       [&](Case& c) { return c.return_for_investigation(on, 2); },
       {{S::in_progress, S::returned}, {S::awaiting_decision, S::returned}}},
      {"resume", [&](Case& c) { return c.resume(on); }, {{S::returned, S::in_progress}}},
      {"extend",
       [](Case& c) { return c.extend(); },
       {{S::in_progress, S::in_progress}, {S::awaiting_decision, S::in_progress}}},
      {"conclude",
       [&](Case& c) { return c.conclude(on); },
       {{S::in_progress, S::concluded}, {S::awaiting_decision, S::concluded}}},
      {"archive",
       [&](Case& c) { return c.archive(on); },
       {{S::concluded, S::archived}, {S::transferred, S::archived}}},
      {"transfer",
       [&](Case& c) { return c.transfer(on, "某市人民检察院"); },
       {{S::assigned, S::transferred},
        {S::in_progress, S::transferred},
        {S::awaiting_decision, S::transferred}}},
      {"withdraw",
       [&](Case& c) { return c.withdraw(on); },
       {{S::registered, S::withdrawn},
        {S::assigned, S::withdrawn},
        {S::in_progress, S::withdrawn},
        {S::awaiting_decision, S::withdrawn},
        {S::returned, S::withdrawn}}},
  };
  for (const auto& v : verbs)
    for (S from : kAll) {
      Case c = in_status(from);
      const Status s = v.apply(c);
      const auto legal = v.legal.find(from);
      if (legal != v.legal.end()) {
        EXPECT_TRUE(s.ok()) << v.name << " from " << code_of(from) << ": " << s.error().message;
        EXPECT_EQ(c.status(), legal->second) << v.name << " from " << code_of(from);
      } else {
        ASSERT_FALSE(s.ok()) << v.name << " from " << code_of(from);
        EXPECT_EQ(c.status(), from) << v.name;
        if (from != S::withdrawn || std::string(v.name) != "withdraw") {
          EXPECT_EQ(s.error().code, "illegal_transition") << v.name << " from " << code_of(from);
          EXPECT_NE(s.error().message.find(std::string(zh_of(from))), std::string::npos);
        }
      }
    }
}

TEST(LifeCycle, EachEndingKeepsItsDate) {
  Case withdrawn = in_status(CaseStatus::assigned);
  ASSERT_TRUE(withdrawn.withdraw(d("2026-11-20")).ok());
  EXPECT_EQ(withdrawn.progress().withdrawn_on, d("2026-11-20"));
  Case concluded = in_status(CaseStatus::in_progress);
  ASSERT_TRUE(concluded.conclude(d("2026-11-21")).ok());
  ASSERT_TRUE(concluded.archive(d("2026-11-25")).ok());
  EXPECT_EQ(concluded.progress().concluded_on, d("2026-11-21"));
  EXPECT_EQ(concluded.progress().archived_on, d("2026-11-25"));
  Case transferred = in_status(CaseStatus::in_progress);
  ASSERT_TRUE(transferred.transfer(d("2026-11-22"), "某市人民检察院").ok());
  EXPECT_EQ(transferred.progress().transferred_on, d("2026-11-22"));
  EXPECT_EQ(transferred.progress().transferred_to, "某市人民检察院");
}

TEST(LifeCycle, TwoReturnsForSupplementaryInvestigationAndNotAThird) {
  Case c = in_status(CaseStatus::in_progress);
  for (int round = 1; round <= 2; ++round) {
    ASSERT_TRUE(c.return_for_investigation(d("2026-11-10"), 2).ok());
    EXPECT_EQ(c.progress().returns, round);
    ASSERT_TRUE(c.resume(d("2026-11-12")).ok());
  }
  const Status third = c.return_for_investigation(d("2026-11-20"), 2);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, "too_many_returns");
  EXPECT_EQ(c.progress().returns, 2);
  EXPECT_EQ(c.status(), CaseStatus::in_progress);
  // Never before the case was received.
  Case early = in_status(CaseStatus::in_progress);
  EXPECT_EQ(early.return_for_investigation(d("2026-11-01"), 2).error().field, "on");
}

TEST(LifeCycle, AnExtensionIsGrantedOnceAndTheCaseGoesBackToHandling) {
  Case c = in_status(CaseStatus::awaiting_decision);
  ASSERT_TRUE(c.extend().ok());
  EXPECT_TRUE(c.progress().extended);
  EXPECT_EQ(c.status(), CaseStatus::in_progress);
  const Status again = c.extend();
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "already_extended");
}

TEST(LifeCycle, IntakeRefusesFactsThatContradictEachOther) {
  const Date today = d("2026-11-27");
  auto fast = intake(CaseCategory::arrest_review);
  fast.fast_track = true;
  EXPECT_EQ(Case::register_intake(fast, today).error().field, "fast_track");
  auto both = intake();
  both.fast_track = both.complex = true;
  EXPECT_EQ(Case::register_intake(both, today).error().code, "inconsistent_facts");
  auto sentence = intake();
  sentence.sentence_over_one_year = true;
  EXPECT_EQ(Case::register_intake(sentence, today).error().field, "sentence_over_one_year");
  auto fine = intake();
  fine.fast_track = fine.sentence_over_one_year = true;
  EXPECT_TRUE(Case::register_intake(fine, today).ok());
}

TEST(PowerList, EveryDefaultDecisionHasTheHolderTheRulesGiveIt) {
  using C = CaseCategory;
  using T = DecisionType;
  using H = PowerHolder;
  const std::vector<std::tuple<C, T, H>> expected{
      {C::arrest_review, T::approve_arrest, H::prosecutor},
      {C::arrest_review, T::no_arrest_no_necessity, H::prosecutor},
      {C::arrest_review, T::no_arrest_no_crime, H::chief},
      {C::arrest_review, T::no_arrest_insufficient_evidence, H::chief},
      {C::arrest_review, T::no_arrest_cpl16, H::chief},
      {C::arrest_review, T::extend_review, H::chief},
      {C::prosecution_review, T::prosecute, H::prosecutor},
      {C::prosecution_review, T::non_prosecution_statutory, H::chief},
      {C::prosecution_review, T::non_prosecution_evidence, H::chief},
      {C::prosecution_review, T::non_prosecution_discretionary, H::chief},
      {C::prosecution_review, T::return_for_investigation, H::prosecutor},
      {C::prosecution_review, T::extend_review, H::chief},
      {C::reconsideration, T::reconsideration_decision, H::chief},
      {C::reconsideration, T::review_decision, H::chief},
      {C::criminal_appeal, T::conclusion, H::prosecutor},
      {C::civil_supervision, T::conclusion, H::prosecutor},
      {C::administrative_supervision, T::conclusion, H::prosecutor},
      {C::public_interest, T::conclusion, H::prosecutor},
      {C::state_compensation, T::conclusion, H::prosecutor},
  };
  const PowerList& list = default_power_list();
  EXPECT_EQ(list.rules.size(), expected.size());
  for (const auto& [category, type, holder] : expected) {
    auto rule = list.rule_for(category, type);
    ASSERT_TRUE(rule.ok()) << code_of(category) << " " << code_of(type);
    EXPECT_EQ(rule->holder, holder) << code_of(type);
    EXPECT_FALSE(rule->basis.empty());
  }
  // A decision of another business line is not open: 不起诉 in an arrest review.
  auto foreign = list.rule_for(C::arrest_review, T::non_prosecution_statutory);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, "decision_not_open");
  EXPECT_EQ(foreign.error().field, "type");
  EXPECT_EQ(list.for_category(C::prosecution_review).size(), 6u);
}

TEST(PowerList, WhatEachDecisionDoesToTheCase) {
  EXPECT_EQ(effect_of(DecisionType::return_for_investigation),
            DecisionEffect::return_for_investigation);
  EXPECT_EQ(effect_of(DecisionType::extend_review), DecisionEffect::extend);
  for (auto t : {DecisionType::prosecute, DecisionType::non_prosecution_discretionary,
                 DecisionType::approve_arrest, DecisionType::no_arrest_no_crime,
                 DecisionType::review_decision, DecisionType::conclusion})
    EXPECT_EQ(effect_of(t), DecisionEffect::conclude) << code_of(t);
}

TEST(Decisions, SelfDecidedOnlyWithoutAnotherPersonsApprovalAndObjectionOnlyToAnothers) {
  Decision own;
  own.proposed_by = PersonId{5};
  own.status = DecisionStatus::issued;
  own.decided_by = PersonId{5};
  EXPECT_TRUE(own.self_decided());
  EXPECT_FALSE(own.open_to_objection_by(PersonId{5}));

  Decision chiefs = own;
  chiefs.holder = PowerHolder::chief;
  chiefs.decided_by = PersonId{1};
  EXPECT_FALSE(chiefs.self_decided());
  EXPECT_TRUE(chiefs.open_to_objection_by(PersonId{5}));
  EXPECT_FALSE(chiefs.open_to_objection_by(PersonId{1}));  // not against one's own
  EXPECT_FALSE(chiefs.contrary());
  chiefs.proposed_type = DecisionType::non_prosecution_discretionary;
  chiefs.type = DecisionType::prosecute;
  EXPECT_TRUE(chiefs.contrary());

  Decision pending = chiefs;
  pending.status = DecisionStatus::pending;
  EXPECT_FALSE(pending.self_decided());
  EXPECT_FALSE(pending.open_to_objection_by(PersonId{5}));
}

TEST(FollowUps, AwaitingThroughTheDueDayOverdueTheDayAfterAnsweredOnceAnswered) {
  FollowUp f;
  f.requested_on = d("2026-11-17");
  f.due_on = d("2026-11-27");  // a notice's 10 days
  EXPECT_EQ(f.state(d("2026-11-26")), FollowUpState::awaiting);
  EXPECT_EQ(f.state(d("2026-11-27")), FollowUpState::awaiting);
  EXPECT_EQ(f.state(d("2026-11-28")), FollowUpState::overdue);
  f.answered_on = d("2026-11-30");
  EXPECT_EQ(f.state(d("2026-12-01")), FollowUpState::answered);
  EXPECT_EQ(default_monitoring_rules().notice_reply_days, 10);
}

TEST(DeadlineAlerts, NearWithinTheLeadTimeOfItsKindOverdueTheDayAfterTheLastDay) {
  const DeadlineRules& r = default_deadline_rules();
  const Date due = d("2026-12-10");
  auto on = [&](DeadlineKind k, int days_before) {
    return deadline_state(r, k, due, Date::from_days(due.days_since_epoch() - days_before));
  };
  EXPECT_EQ(on(DeadlineKind::prosecution_review, 6), DeadlineState::ok);
  EXPECT_EQ(on(DeadlineKind::prosecution_review, 5), DeadlineState::near);  // 5 days for 公诉
  EXPECT_EQ(on(DeadlineKind::prosecution_review, 0), DeadlineState::near);
  EXPECT_EQ(on(DeadlineKind::prosecution_review, -1), DeadlineState::overdue);
  EXPECT_EQ(on(DeadlineKind::arrest_review, 3), DeadlineState::ok);
  EXPECT_EQ(on(DeadlineKind::arrest_review, 2), DeadlineState::near);  // 2 days for 捕
  EXPECT_EQ(on(DeadlineKind::supplementary_investigation, 5), DeadlineState::near);
}

TEST(LeaderQuotas, AShareOfTheAverageRoundedUpOrAFixedCount) {
  const LeaderQuotas& q = default_leader_quotas();
  const LeaderQuotaRule* chief = q.rule_for(PostKind::chief);
  const LeaderQuotaRule* deputy = q.rule_for(PostKind::deputy_chief);
  ASSERT_TRUE(chief && deputy);
  EXPECT_EQ(q.rule_for(PostKind::department_head), nullptr);
  EXPECT_EQ(leader_quota(*chief, 20.0), 1);  // 5% of 20 is exactly 1
  EXPECT_EQ(leader_quota(*chief, 20.1), 2);  // a part of a case is a case
  EXPECT_EQ(leader_quota(*chief, 59.8), 3);
  EXPECT_EQ(leader_quota(*deputy, 60.0), 12);  // 20% of 60 is exactly 12
  EXPECT_EQ(leader_quota(*deputy, 60.1), 13);
  EXPECT_EQ(leader_quota(*deputy, 0.0), 0);
  EXPECT_EQ(leader_quota(LeaderQuotaRule{PostKind::chief, 0.05, 4}, 100.0), 4);  // fixed count
}

}  // namespace
}  // namespace zeren
