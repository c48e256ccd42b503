// Intake and assignment through the use cases, on every backend: gapless numbers, the order of
// rules, designation and change of handler with their approvals, epochs and draw verification.
#include "app/organisation_cache.hpp"
#include "app/organisation_lookup.hpp"
#include "app/use_cases.hpp"
#include "audit/draw_crypto.hpp"
#include "audit/store_audit.hpp"
#include "conformance.hpp"

#include <algorithm>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <tuple>

namespace zeren::testing {
namespace {

using app::Actor;

// The city's 第一检察部 with three sole units, a chief, a supervising deputy (f.lead), a
// department head, an approved plan; case managers in both 院.
struct Office {
  Fixture& f;
  const audit::SystemDrawCrypto crypto{audit::HashAlgorithm::sm3};
  PersonId chief, head, p5, city_clerk2, manager, district_manager;
  std::vector<UnitId> units;
  Actor case_manager, district_case_manager, chief_actor, head_actor, deputy_actor;

  explicit Office(Fixture& fx) : f(fx) {}

  template <class T>
  T must(Result<T> r) {
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return std::move(*r);
  }

  void build() {
    f.build();
    ASSERT_TRUE(
        f.store()
            .transact([&](Transaction& tx) -> Status {
              auto c = f.ctx(f.console);
              auto cm = must(app::add_department(
                  tx, c, {f.city, "案件管理部", DepartmentKind::case_management, {}}));
              auto dcm = must(app::add_department(
                  tx, c, {f.district, "案件管理部", DepartmentKind::case_management, {}}));
              chief = must(app::add_person(tx, c,
                                           {f.city,
                                            f.city_first,
                                            "严正",
                                            PersonCategory::prosecutor,
                                            Employment::none,
                                            {*Post::create(PostKind::chief, {})},
                                            {},
                                            {}}));
              head =
                  must(app::add_person(tx, c,
                                       {f.city,
                                        f.city_first,
                                        "方立",
                                        PersonCategory::prosecutor,
                                        Employment::none,
                                        {*Post::create(PostKind::department_head, {f.city_first})},
                                        {},
                                        {}}));
              p5 = must(app::add_person(tx, c,
                                        {f.city,
                                         f.city_first,
                                         "顾言",
                                         PersonCategory::prosecutor,
                                         Employment::none,
                                         {},
                                         {},
                                         {}}));
              city_clerk2 = must(app::add_person(tx, c,
                                                 {f.city,
                                                  f.city_first,
                                                  "陶然",
                                                  PersonCategory::clerk,
                                                  Employment::established,
                                                  {},
                                                  {},
                                                  {}}));
              manager = must(app::add_person(
                  tx, c,
                  {f.city, cm, "钱晓", PersonCategory::admin_staff, Employment::none, {}, {}, {}}));
              district_manager = must(app::add_person(tx, c,
                                                      {f.district,
                                                       dcm,
                                                       "孙望",
                                                       PersonCategory::admin_staff,
                                                       Employment::none,
                                                       {},
                                                       {},
                                                       {}}));
              const std::set<CaseCategory> crim{CaseCategory::arrest_review,
                                                CaseCategory::prosecution_review};
              const std::set<Difficulty> both{Difficulty::ordinary, Difficulty::difficult};
              int position = 1;
              for (auto [lead, name] :
                   {std::pair{f.second, "独任检察官林晓雯"}, std::pair{head, "独任检察官方立"},
                    std::pair{p5, "独任检察官顾言"}})
                units.push_back(must(app::add_unit(tx, c,
                                                   {f.city_first,
                                                    UnitKind::sole,
                                                    name,
                                                    lead,
                                                    {position == 1 ? f.clerk : city_clerk2},
                                                    crim,
                                                    both,
                                                    Share{10000},
                                                    position++})));
              case_manager = *app::actor_for_person(tx, manager);
              district_case_manager = *app::actor_for_person(tx, district_manager);
              chief_actor = *app::actor_for_person(tx, chief);
              head_actor = *app::actor_for_person(tx, head);
              deputy_actor = *app::actor_for_person(tx, f.lead);
              auto plan = must(app::propose_plan(tx, f.ctx(head_actor),
                                                 {f.city_first, PlanRules{}, f.clock.today()}));
              return app::decide_plan(tx, f.ctx(chief_actor), {plan, true, "同意"});
            })
            .ok());
  }

  CaseIntake intake(CaseCategory category = CaseCategory::prosecution_review) const {
    CaseIntake in;
    in.procuratorate = f.city;
    in.department = f.city_first;
    in.category = category;
    in.received_on = f.clock.today();
    in.parties = {"张三"};
    in.source_org = "嘉峪关市公安局";
    in.source_doc_no = "嘉公（刑）移诉字〔2026〕1号";
    return in;
  }

  Result<app::IntakeResult> take_in(const Actor& a, CaseIntake in) {
    return transact_value<app::IntakeResult>(
        f.store(), [&](Transaction& tx) { return app::intake_case(tx, f.ctx(a), crypto, in); });
  }

  std::vector<Alert> alerts() {
    return *transact_value<std::vector<Alert>>(
        f.store(), [](Transaction& tx) { return tx.assignments().list_alerts(std::nullopt); });
  }
};

class Assignment : public Conformance {
 protected:
  void SetUp() override {
    Conformance::SetUp();
    if (IsSkipped()) return;
    office.build();
  }
  Office office{f};
};

TEST_P(Assignment, IntakeNumbersAreGaplessAndEveryCaseGoesToAUnitOfTheDepartment) {
  for (int i = 1; i <= 3; ++i) {
    auto r = office.take_in(office.case_manager, office.intake());
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->c.number(), "嘉检刑诉受〔2026〕" + std::to_string(i) + "号");
    ASSERT_TRUE(r->assignment);
    EXPECT_EQ(r->assignment->method, AssignmentMethod::random);
    EXPECT_NE(std::find(office.units.begin(), office.units.end(), r->assignment->unit),
              office.units.end());
    EXPECT_EQ(r->assignment->pool_size, 3);
    EXPECT_EQ(r->c.status(), CaseStatus::assigned);
  }
  // The three drew one after another from the least loaded: one case each.
  auto loads = transact_value<std::map<UnitId, std::int64_t>>(f.store(), [&](Transaction& tx) {
    return tx.cases().unit_weight_sums(f.city_first, PlanRules{}, 2026);
  });
  ASSERT_EQ(loads->size(), 3u);
  for (auto [unit, w] : *loads) EXPECT_EQ(w, 1);
  // Another category has its own serial.
  auto arrest = office.take_in(office.case_manager, office.intake(CaseCategory::arrest_review));
  EXPECT_EQ(arrest->c.number(), "嘉检刑捕受〔2026〕1号");
}

// A department of dozens of units: the record keeps every unit's assessment, in the order the
// engine weighed them, across the several INSERTs its candidates are written in.
TEST_P(Assignment, EveryUnitOfALargeDepartmentIsKeptAsACandidateInOrder) {
  std::vector<UnitId> units = office.units;
  ASSERT_TRUE(f.store()
                  .transact([&](Transaction& tx) -> Status {
                    auto c = f.ctx(f.console);
                    for (int i = 0; i < 34; ++i) {
                      auto lead = app::add_person(tx, c,
                                                  {f.city,
                                                   f.city_first,
                                                   "检察官" + std::to_string(i),
                                                   PersonCategory::prosecutor,
                                                   Employment::none,
                                                   {},
                                                   {},
                                                   {}});
                      if (!lead) return lead.error();
                      // Every third unit takes only arrest reviews: excluded, with its reason.
                      std::set<CaseCategory> takes{CaseCategory::arrest_review};
                      if (i % 3) takes.insert(CaseCategory::prosecution_review);
                      auto unit = app::add_unit(tx, c,
                                                {f.city_first,
                                                 UnitKind::sole,
                                                 "独任检察官" + std::to_string(i),
                                                 *lead,
                                                 {},
                                                 takes,
                                                 {Difficulty::ordinary, Difficulty::difficult},
                                                 Share{5000 + 100 * i},
                                                 4 + i});
                      if (!unit) return unit.error();
                      units.push_back(*unit);
                    }
                    return ok_status();
                  })
                  .ok());
  auto r = office.take_in(office.case_manager, office.intake());
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->assignment);
  auto kept = transact_value<std::vector<AssignmentRecord>>(
      f.store(), [&](Transaction& tx) { return tx.assignments().assignments_for_case(r->c.id()); });
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  ASSERT_EQ(kept->size(), 1u);
  const auto& drawn = r->assignment->candidates;
  const auto& read = kept->front().candidates;
  ASSERT_EQ(read.size(), 37u);
  ASSERT_EQ(drawn.size(), read.size());
  int excluded = 0;
  for (std::size_t i = 0; i < read.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(read[i].unit, units[i]);
    EXPECT_EQ(read[i].unit, drawn[i].unit);
    EXPECT_EQ(read[i].position, drawn[i].position);
    EXPECT_EQ(read[i].weight_sum, drawn[i].weight_sum);
    EXPECT_EQ(read[i].share_bp, drawn[i].share_bp);
    EXPECT_EQ(read[i].eligible, drawn[i].eligible);
    EXPECT_EQ(read[i].exclusion, drawn[i].exclusion);
    EXPECT_EQ(read[i].in_band, drawn[i].in_band);
    if (!read[i].eligible) ++excluded;
  }
  EXPECT_EQ(read[3].share_bp, 5000);
  EXPECT_EQ(read[36].position, 37);
  EXPECT_EQ(excluded, 12);
  EXPECT_FALSE(read[3].exclusion.empty());
}

TEST_P(Assignment, StatisticsCountTheYearsCasesInTheDatabase) {
  std::vector<Case> taken;
  for (int i = 0; i < 3; ++i) {
    auto r = office.take_in(office.case_manager, office.intake());
    ASSERT_TRUE(r.ok()) << r.error().message;
    taken.push_back(r->c);
  }
  ASSERT_TRUE(f.store()
                  .transact([&](Transaction& tx) {
                    return app::withdraw_case(tx, f.ctx(office.case_manager),
                                              {taken[1].id(), "移送机关撤回"});
                  })
                  .ok());
  // One concluded in January 2027; the withdrawn one counts nowhere.
  Case& last = taken[2];
  ASSERT_TRUE(last.start().ok());
  ASSERT_TRUE(last.conclude(*Date::parse("2027-01-05")).ok());
  ASSERT_TRUE(f.store().transact([&](Transaction& tx) { return tx.cases().save_case_state(last); }).ok());
  const auto counts = [&](std::vector<ProcuratorateId> within, int year) {
    return *transact_value<CaseRepository::YearCounts>(
        f.store(), [&](Transaction& tx) { return tx.cases().year_counts(within, year); });
  };
  const auto y2026 = counts({f.city}, 2026);
  EXPECT_EQ(y2026.received_by_month, (std::map<std::string, std::int64_t>{{"2026-11", 2}}));
  EXPECT_TRUE(y2026.concluded_by_month.empty());
  std::map<UnitId, std::int64_t> by_unit;
  ++by_unit[*taken[0].unit()];
  ++by_unit[*taken[2].unit()];
  EXPECT_EQ(y2026.received_by_unit, by_unit);
  const auto y2027 = counts({f.city}, 2027);
  EXPECT_TRUE(y2027.received_by_month.empty());
  EXPECT_EQ(y2027.concluded_by_month, (std::map<std::string, std::int64_t>{{"2027-01", 1}}));
  EXPECT_TRUE(y2027.received_by_unit.empty());
  EXPECT_TRUE(counts({f.district}, 2026).received_by_month.empty());
  EXPECT_TRUE(counts({}, 2026).received_by_month.empty());
  // Several 院 are counted together: a case taken in by the district (it has no plan, so no
  // unit) adds to the city's months but to no unit.
  CaseIntake district_case = office.intake();
  district_case.procuratorate = f.district;
  district_case.department = f.district_first;
  ASSERT_TRUE(office.take_in(office.district_case_manager, district_case).ok());
  EXPECT_EQ(counts({f.district}, 2026).received_by_month,
            (std::map<std::string, std::int64_t>{{"2026-11", 1}}));
  const auto both = counts({f.city, f.district}, 2026);
  EXPECT_EQ(both.received_by_month, (std::map<std::string, std::int64_t>{{"2026-11", 3}}));
  EXPECT_EQ(both.received_by_unit, by_unit);

  // The decided cases' departments, in slices; an id of no case is left out.
  std::set<CaseId> ids{CaseId{999'999}};
  for (const auto& c : taken) ids.insert(c.id());
  for (int i = 0; i < 70; ++i) {  // past one slice of 64
    auto r = office.take_in(office.case_manager, office.intake());
    ASSERT_TRUE(r.ok()) << r.error().message;
    ids.insert(r->c.id());
  }
  auto departments = transact_value<std::map<CaseId, DepartmentId>>(
      f.store(), [&](Transaction& tx) { return tx.cases().case_departments(ids); });
  ASSERT_TRUE(departments.ok()) << departments.error().message;
  EXPECT_EQ(departments->size(), 73u);
  EXPECT_FALSE(departments->contains(CaseId{999'999}));
  for (const auto& [id, dept] : *departments) EXPECT_EQ(dept, f.city_first);
}

// The chief's watch is counted and paged by the database (watch_counts, watch_list). Over open
// cases in every state, with periods of each kind due from eight days ago to eight days ahead or
// none, extensions, returns, custody, flags and decisions held by the chief or by others, both
// must agree with the rules applied to every case of the 院 one by one: deadline_state for near
// expiry and overdue, and the lists' definitions for the rest.
TEST_P(Assignment, TheWatchCountsAndPagesEveryListAsTheRulesPutEachOpenCase) {
  const Date today = f.clock.today();
  const auto& rules = default_deadline_rules();
  std::vector<Case> cases;
  for (int i = 0; i < 36; ++i) {
    auto in = office.intake();
    in.custody = i % 4 == 1;
    auto r = office.take_in(office.case_manager, in);
    ASSERT_TRUE(r.ok()) << r.error().message;
    cases.push_back(r->c);
  }
  const DeadlineKind kinds[] = {DeadlineKind::arrest_review, DeadlineKind::prosecution_review,
                                DeadlineKind::supplementary_investigation};
  for (int i = 0; i < 36; ++i) {
    Case& c = cases[i];
    if (i % 9 == 8) {
      c.set_period(std::nullopt, std::nullopt, std::nullopt, "");
    } else {
      const Date due = Date::from_days(today.days_since_epoch() - 8 + (i * 7) % 17);
      c.set_period(kinds[i % 3], Date::from_days(due.days_since_epoch() - 30), due, "测试");
    }
    if (i % 5 != 0) { ASSERT_TRUE(c.start().ok()); }
    if (i % 5 == 1) { ASSERT_TRUE(c.extend().ok()); }
    if (i % 5 == 2) { ASSERT_TRUE(c.return_for_investigation(today, 2).ok()); }
    if (i % 5 == 3) { ASSERT_TRUE(c.await_decision().ok()); }
    if (i == 4 || i == 26) { ASSERT_TRUE(c.conclude(today).ok()); }  // no longer open: on no list
    if (i == 0) { ASSERT_TRUE(c.withdraw(today).ok()); }
    ASSERT_TRUE(f.store().transact([&](Transaction& tx) { return tx.cases().save_case_state(c); }).ok());
  }
  // Flags (one case flagged twice with one code, then another), and decisions.
  ASSERT_TRUE(f.store()
                  .transact([&](Transaction& tx) -> Status {
                    auto flag = [&](const Case& c, const char* code) -> Status {
                      CaseNote n;
                      n.case_id = c.id();
                      n.kind = NoteKind::flag;
                      n.code = code;
                      n.on = today;
                      n.actor = "测试";
                      auto id = tx.handling().add_note(n);
                      if (!id) return id.error();
                      return ok_status();
                    };
                    auto decide = [&](const Case& c, PowerHolder holder,
                                      DecisionStatus status) -> Status {
                      Decision d;
                      d.case_id = c.id();
                      d.holder = holder;
                      d.status = status;
                      d.power_list_version = "测试";
                      d.reasoning = "测试";
                      d.proposed_by = office.head;
                      d.proposed_actor = "测试";
                      auto id = tx.handling().add_decision(d);
                      if (!id) return id.error();
                      return ok_status();
                    };
                    for (int i : {3, 7, 7, 15, 16}) ZEREN_TRY(flag(cases[i], "quality_risk"));
                    ZEREN_TRY(flag(cases[7], "new_type"));
                    ZEREN_TRY(flag(cases[4], "quality_risk"));  // concluded: not listed
                    ZEREN_TRY(decide(cases[3], PowerHolder::chief, DecisionStatus::pending));
                    ZEREN_TRY(decide(cases[8], PowerHolder::chief, DecisionStatus::pending));
                    ZEREN_TRY(decide(cases[13], PowerHolder::chief, DecisionStatus::issued));
                    ZEREN_TRY(decide(cases[18], PowerHolder::department_head,
                                     DecisionStatus::pending));
                    return ok_status();
                  })
                  .ok());

  // Expected, case by case.
  auto all = transact_value<std::vector<Case>>(
      f.store(), [&](Transaction& tx) { return tx.cases().list_cases(f.city); });
  ASSERT_TRUE(all.ok()) << all.error().message;
  const std::set<CaseId> flagged{cases[3].id(), cases[7].id(), cases[15].id(), cases[16].id()};
  const std::set<CaseId> awaiting{cases[3].id(), cases[8].id()};
  std::map<WatchList, std::vector<const Case*>> lists;
  std::map<UnitId, CaseRepository::WatchCounts::Unit> units;
  std::int64_t open = 0;
  for (const auto& c : *all) {
    if (!c.open()) continue;
    ++open;
    const auto& p = c.progress();
    std::optional<DeadlineState> state;
    if (p.period && p.due_on) state = deadline_state(rules, *p.period, *p.due_on, today);
    auto& u = units[*c.unit()];
    u.unit = *c.unit();
    ++u.in_progress;
    if (state == DeadlineState::overdue) lists[WatchList::overdue].push_back(&c), ++u.overdue;
    if (state == DeadlineState::near) lists[WatchList::near_expiry].push_back(&c), ++u.near_expiry;
    if (awaiting.contains(c.id())) lists[WatchList::awaiting_chief].push_back(&c);
    if (flagged.contains(c.id())) lists[WatchList::flagged].push_back(&c);
    if (p.extended) lists[WatchList::extended].push_back(&c);
    if (c.status() == CaseStatus::returned) lists[WatchList::returned].push_back(&c);
    if (c.intake().custody) lists[WatchList::in_custody].push_back(&c);
  }
  for (auto list : {WatchList::overdue, WatchList::near_expiry})
    std::stable_sort(lists[list].begin(), lists[list].end(), [](const Case* a, const Case* b) {
      return *a->progress().due_on < *b->progress().due_on;
    });

  const Watch w = watch_of(rules, f.city, today);
  auto counts = transact_value<CaseRepository::WatchCounts>(
      f.store(), [&](Transaction& tx) { return tx.cases().watch_counts(w); });
  ASSERT_TRUE(counts.ok()) << counts.error().message;
  EXPECT_EQ(counts->in_progress, open);
  EXPECT_EQ(open, 36 - 1 - 2);  // one withdrawn, two concluded
  ASSERT_EQ(counts->units.size(), units.size());
  for (const auto& u : counts->units) {
    SCOPED_TRACE("unit " + std::to_string(u.unit.value));
    EXPECT_EQ(u.in_progress, units[u.unit].in_progress);
    EXPECT_EQ(u.near_expiry, units[u.unit].near_expiry);
    EXPECT_EQ(u.overdue, units[u.unit].overdue);
  }
  for (const auto& t : terms<WatchList>()) {
    SCOPED_TRACE(std::string(t.code));
    const auto& expected = lists[t.value];
    EXPECT_EQ(counts->lists.at(t.value), static_cast<std::int64_t>(expected.size()));
    EXPECT_FALSE(expected.empty());  // every list has cases here
    // Pages of 3 walk the whole list in its order.
    std::vector<CaseId> paged;
    for (int offset = 0;; offset += 3) {
      auto page = transact_value<std::vector<Case>>(
          f.store(), [&](Transaction& tx) { return tx.cases().watch_list(w, t.value, offset, 3); });
      ASSERT_TRUE(page.ok()) << page.error().message;
      for (const auto& c : *page) {
        paged.push_back(c.id());
        EXPECT_TRUE(c.intake().parties.empty());  // not read for a list
      }
      if (page->size() < 3) break;
    }
    std::vector<CaseId> want;
    for (const Case* c : expected) want.push_back(c->id());
    EXPECT_EQ(paged, want);
  }
  // Another 院's watch sees none of them.
  auto district = transact_value<CaseRepository::WatchCounts>(f.store(), [&](Transaction& tx) {
    return tx.cases().watch_counts(watch_of(rules, f.district, today));
  });
  EXPECT_EQ(district->in_progress, 0);
  EXPECT_TRUE(district->units.empty());
  // The flags of a page's cases, each code once, in the order first set.
  auto flags = transact_value<std::map<CaseId, std::vector<std::string>>>(
      f.store(), [&](Transaction& tx) {
        return tx.handling().flags_of({cases[7].id(), cases[3].id(), cases[5].id()});
      });
  ASSERT_TRUE(flags.ok()) << flags.error().message;
  EXPECT_EQ(*flags, (std::map<CaseId, std::vector<std::string>>{
                        {cases[3].id(), {"quality_risk"}},
                        {cases[7].id(), {"quality_risk", "new_type"}}}));
}

// A scope's year (what the statistics read) holds only that year's decisions, notes and
// follow-ups, in China time: a decision at 2026-12-31 16:00 UTC was made on 1 January 2027.
TEST_P(Assignment, AScopesYearReadsOnlyThatYearsRecordsInChinaTime) {
  auto taken = office.take_in(office.case_manager, office.intake());
  ASSERT_TRUE(taken.ok()) << taken.error().message;
  const CaseId id = taken->c.id();
  const std::int64_t new_year_us =
      (Date::parse("2026-12-31")->days_since_epoch() * 86'400 + 16 * 3'600) * 1'000'000;
  ASSERT_TRUE(f.store()
                  .transact([&](Transaction& tx) -> Status {
                    for (std::int64_t at : {new_year_us - 1, new_year_us}) {
                      Decision d;
                      d.case_id = id;
                      d.power_list_version = d.reasoning = d.proposed_actor = "测试";
                      d.proposed_by = office.head;
                      auto made = tx.handling().add_decision(d);
                      if (!made) return made.error();
                      d.id = *made;
                      d.status = DecisionStatus::issued;
                      d.decided_by = office.head;
                      d.decided_actor = "测试";
                      d.decided_at_us = at;
                      ZEREN_TRY(tx.handling().save_decision(d));
                    }
                    for (const char* on : {"2026-12-31", "2027-01-01"}) {
                      CaseNote n;
                      n.case_id = id;
                      n.kind = NoteKind::pre_review;
                      n.on = *Date::parse(on);
                      n.actor = "测试";
                      auto noted = tx.handling().add_note(n);
                      if (!noted) return noted.error();
                      FollowUp u;
                      u.case_id = id;
                      u.kind = FollowUpKind::notice;
                      u.code = "oral";
                      u.request = u.requested_actor = "测试";
                      u.requested_on = u.due_on = *Date::parse(on);
                      auto asked = tx.handling().add_follow_up(u);
                      if (!asked) return asked.error();
                    }
                    return ok_status();
                  })
                  .ok());
  const auto read = [&](const HandlingRepository::Scope& scope) {
    return *transact_value<std::tuple<std::vector<Decision>, std::vector<CaseNote>,
                                      std::vector<FollowUp>>>(
        f.store(), [&](Transaction& tx) -> Result<std::tuple<std::vector<Decision>,
                                                             std::vector<CaseNote>,
                                                             std::vector<FollowUp>>> {
          auto d = tx.handling().decisions(scope);
          auto n = tx.handling().notes(scope);
          auto u = tx.handling().follow_ups(scope);
          if (!d || !n || !u) return Error::storage("read failed");
          return std::tuple{*d, *n, *u};
        });
  };
  for (int year : {2026, 2027}) {
    for (const HandlingRepository::Scope& scope :
         {HandlingRepository::Scope{std::nullopt, {f.city}, year},
          HandlingRepository::Scope{id, {}, year}}) {
      const auto [decisions, notes, follow_ups] = read(scope);
      ASSERT_EQ(decisions.size(), 1u) << year;
      EXPECT_EQ(Date::in_china(*decisions[0].decided_at_us).year(), year);
      ASSERT_EQ(notes.size(), 1u) << year;
      EXPECT_EQ(notes[0].on.year(), year);
      ASSERT_EQ(follow_ups.size(), 1u) << year;
      EXPECT_EQ(follow_ups[0].requested_on.year(), year);
    }
  }
  const auto [all, all_notes, all_follow_ups] = read({std::nullopt, {f.city}});
  EXPECT_EQ(all.size(), 2u);
  EXPECT_EQ(all_notes.size(), 2u);
  EXPECT_EQ(all_follow_ups.size(), 2u);
  EXPECT_TRUE(std::get<0>(read({std::nullopt, {f.district}, 2026})).empty());
}

// The loads are kept with each write of a case (storage/sql/unit_load.hpp), not summed at each
// intake: after every change of unit or state they must equal the sum over the cases, counted
// here from the cases themselves: open ones in every year, concluded or transferred ones in the
// year they were, withdrawn ones nowhere; difficult ones at the plan's difficult weight. The
// statistics' tallies (storage/sql/case_tally.hpp) likewise: the year's counts read from them
// must equal those counted from the cases after every change; and the dashboard's open cases
// (open_tally): open per unit, extended, returned and in custody.
TEST_P(Assignment, EachUnitsLoadAndTheYearsTalliesFollowTheCasesThroughEveryChangeOfUnitAndState) {
  std::vector<Case> cases;
  for (int i = 0; i < 12; ++i) {
    auto in = office.intake();
    if (i % 3 == 0) in.difficulty = Difficulty::difficult;
    if (i % 4 == 1) in.custody = true;
    auto r = office.take_in(office.case_manager, in);
    ASSERT_TRUE(r.ok()) << r.error().message;
    cases.push_back(r->c);
  }
  PlanRules rules;
  rules.weight_ordinary = 1;
  rules.weight_difficult = 5;
  const auto expected = [&](int year) {
    std::map<UnitId, std::int64_t> sums;
    for (const auto& c : cases) {
      if (!c.unit()) continue;
      const auto& p = c.progress();
      const bool counts =
          c.open() ||
          ((c.status() == CaseStatus::concluded || c.status() == CaseStatus::archived) &&
           p.concluded_on->year() == year) ||
          (c.status() == CaseStatus::transferred && p.transferred_on->year() == year);
      if (counts)
        sums[*c.unit()] += c.intake().difficulty == Difficulty::difficult ? 5 : 1;
    }
    return sums;
  };
  const auto check = [&](const std::string& after) {
    for (int year : {2026, 2027}) {
      auto kept = transact_value<std::map<UnitId, std::int64_t>>(f.store(), [&](Transaction& tx) {
        return tx.cases().unit_weight_sums(f.city_first, rules, year);
      });
      ASSERT_TRUE(kept.ok()) << kept.error().message;
      EXPECT_EQ(*kept, expected(year)) << "in " << year << " after " << after;
      // The statistics' tallies (storage/sql/case_tally.hpp) follow the same writes.
      CaseRepository::YearCounts want;
      for (const auto& c : cases) {
        if (c.status() == CaseStatus::withdrawn) continue;
        const Date received = c.intake().received_on;
        if (received.year() == year) {
          ++want.received_by_month[received.iso().substr(0, 7)];
          if (c.unit()) ++want.received_by_unit[*c.unit()];
        }
        if (const auto& on = c.progress().concluded_on; on && on->year() == year)
          ++want.concluded_by_month[on->iso().substr(0, 7)];
      }
      auto counted = transact_value<CaseRepository::YearCounts>(
          f.store(), [&](Transaction& tx) { return tx.cases().year_counts({f.city}, year); });
      ASSERT_TRUE(counted.ok()) << counted.error().message;
      EXPECT_EQ(counted->received_by_month, want.received_by_month) << year << " after " << after;
      EXPECT_EQ(counted->received_by_unit, want.received_by_unit) << year << " after " << after;
      EXPECT_EQ(counted->concluded_by_month, want.concluded_by_month)
          << year << " after " << after;
    }
  };
  const auto check_open = [&](const std::string& after) {
    std::map<UnitId, std::int64_t> per_unit;
    std::int64_t open = 0, extended = 0, returned = 0, custody = 0;
    for (const auto& c : cases) {
      if (!c.open()) continue;
      ++open;
      if (c.unit()) ++per_unit[*c.unit()];
      if (c.progress().extended) ++extended;
      if (c.status() == CaseStatus::returned) ++returned;
      if (c.intake().custody) ++custody;
    }
    Watch w{f.city, f.clock.today(), {}};
    auto counted = transact_value<CaseRepository::WatchCounts>(
        f.store(), [&](Transaction& tx) { return tx.cases().watch_counts(w); });
    ASSERT_TRUE(counted.ok()) << counted.error().message;
    std::map<UnitId, std::int64_t> kept;
    for (const auto& u : counted->units) kept[u.unit] = u.in_progress;
    EXPECT_EQ(counted->in_progress, open) << "after " << after;
    EXPECT_EQ(kept, per_unit) << "after " << after;
    EXPECT_EQ(counted->lists.at(WatchList::extended), extended) << "after " << after;
    EXPECT_EQ(counted->lists.at(WatchList::returned), returned) << "after " << after;
    EXPECT_EQ(counted->lists.at(WatchList::in_custody), custody) << "after " << after;
  };
  check("intake");
  check_open("intake");
  std::mt19937 random(8);
  const Date d2026 = *Date::parse("2026-12-01"), d2027 = *Date::parse("2027-01-04");
  for (int step = 0; step < 80; ++step) {
    Case& c = cases[random() % cases.size()];
    const auto on = random() % 2 ? d2026 : d2027;
    std::string what;
    Status done = ok_status();
    switch (random() % 9) {
      case 0: what = "a new unit", c.assign(office.units[random() % office.units.size()]); break;
      case 1: what = "start", done = c.start(); break;
      case 2: what = "conclusion", done = c.conclude(on); break;
      case 3: what = "archiving", done = c.archive(on); break;
      case 4: what = "transfer", done = c.transfer(on, "嘉峪关市人民检察院"); break;
      case 5: what = "withdrawal", done = c.withdraw(on); break;
      case 6: what = "a return", done = c.return_for_investigation(on, 2); break;
      case 7: what = "an extension", done = c.extend(); break;
      case 8: what = "a resumption", done = c.resume(on); break;
    }
    if (!done) continue;  // not allowed from where the case stands: nothing to save
    ASSERT_TRUE(f.store().transact([&](Transaction& tx) { return tx.cases().save_case_state(c); }).ok());
    check(what + " of " + c.number());
    check_open(what + " of " + c.number());
  }
  std::set<CaseStatus> reached;
  for (const auto& c : cases) reached.insert(c.status());
  EXPECT_GE(reached.size(), 4u);  // the walk went through several states, not one
  // The walk extended and returned open cases, so those counts were tested above not only at 0.
  EXPECT_TRUE(std::any_of(cases.begin(), cases.end(),
                          [](const Case& c) { return c.progress().extended; }));
  EXPECT_TRUE(std::any_of(cases.begin(), cases.end(),
                          [](const Case& c) { return c.progress().returns > 0; }));
}

TEST_P(Assignment, ARefusedIntakeUsesNoNumberAndWritesNothing) {
  const auto before = f.audit_size();
  auto bad = office.take_in(office.case_manager, office.intake(CaseCategory::public_interest));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "category");
  auto no_parties = office.intake();
  no_parties.parties.clear();
  EXPECT_EQ(office.take_in(office.case_manager, no_parties).error().field, "parties");
  auto future = office.intake();
  future.received_on = Date::from_days(f.clock.today().days_since_epoch() + 1);
  EXPECT_EQ(office.take_in(office.case_manager, future).error().field, "received_on");
  EXPECT_EQ(f.audit_size(), before);
  EXPECT_EQ(office.take_in(office.case_manager, office.intake())->c.number(),
            "嘉检刑诉受〔2026〕1号");
}

TEST_P(Assignment, OnlyTheProcuratoratesCaseManagementOfficeTakesInCases) {
  const auto before = f.audit_size();
  auto prosecutor = office.take_in(office.head_actor, office.intake());
  ASSERT_FALSE(prosecutor.ok());
  EXPECT_EQ(prosecutor.error().kind, ErrorKind::permission_denied);
  auto other = office.take_in(office.district_case_manager, office.intake());
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().kind, ErrorKind::permission_denied);
  EXPECT_EQ(f.audit_size(), before);
}

// A server's intakes read the 院's departments, units and people from the view its pages kept,
// while the organisation is as it was read; once it has changed, from the database. A writing
// transaction keeps no view of its own.
TEST_P(Assignment, AnIntakeReusesAKeptViewOfTheOrganisationOnlyWhileItIsAsRead) {
  app::OrganisationCache kept;
  auto reader = f.ctx(office.case_manager);
  reader.organisations = &kept;
  ASSERT_TRUE(transact_value<app::OrganisationViewRef>(f.store(), [&](Transaction& tx) {
                return app::view_organisation(tx, reader);
              }).ok());
  ASSERT_EQ(kept.size(), 1u);
  auto writer = reader;
  writer.writes = true;
  const auto uses_view = [&] {
    return *transact_value<bool>(f.store(), [&](Transaction& tx) -> Result<bool> {
      auto org = app::OrganisationLookup::open(tx, writer, f.city);
      if (!org) return org.error();
      return org->uses_view();
    });
  };
  const auto take_in = [&] {
    return transact_value<app::IntakeResult>(f.store(), [&](Transaction& tx) {
      return app::intake_case(tx, writer, office.crypto, office.intake());
    });
  };
  EXPECT_TRUE(uses_view());
  auto first = take_in();
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_TRUE(first->assignment);
  EXPECT_EQ(first->assignment->method, AssignmentMethod::random);
  EXPECT_EQ(kept.size(), 1u);

  // Another server closes every unit of the department: the kept view is of the old organisation.
  ASSERT_TRUE(f.store()
                  .transact([&](Transaction& tx) -> Status {
                    for (auto u : office.units) {
                      app::UpdateUnit change;
                      change.unit = u;
                      change.active = false;
                      ZEREN_TRY(app::update_unit(tx, f.ctx(f.console), change));
                    }
                    return ok_status();
                  })
                  .ok());
  EXPECT_FALSE(uses_view());
  auto second = take_in();
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_FALSE(second->assignment) << "the closed units were read, not the kept view";
  EXPECT_EQ(second->unassigned_reason, "no_eligible_unit");

  // What a writing transaction reads of the organisation is not kept.
  ASSERT_TRUE(transact_value<app::OrganisationViewRef>(f.store(), [&](Transaction& tx) {
                return app::view_organisation(tx, writer);
              }).ok());
  EXPECT_EQ(kept.size(), 1u);
  EXPECT_FALSE(uses_view());
}

TEST_P(Assignment, WithoutAnApprovedPlanTheCaseWaitsAndCaseManagementIsAlerted) {
  auto in = office.intake();
  in.procuratorate = f.district;
  in.department = f.district_first;
  auto r = office.take_in(office.district_case_manager, in);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->assignment);
  EXPECT_EQ(r->unassigned_reason, "no_plan");
  EXPECT_EQ(r->c.status(), CaseStatus::registered);
  EXPECT_EQ(r->c.number(), "嘉城检刑诉受〔2026〕1号");
  auto alerts = office.alerts();
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind, "unassigned_case");
  EXPECT_EQ(alerts[0].procuratorate, f.district);
}

TEST_P(Assignment, NoEligibleUnitLeavesTheCaseUnassigned) {
  auto in = office.intake();
  in.recusals = {f.clerk, office.city_clerk2};  // someone of every unit
  auto r = office.take_in(office.case_manager, in);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->assignment);
  EXPECT_EQ(r->unassigned_reason, "no_eligible_unit");
  EXPECT_EQ(office.alerts().back().kind, "unassigned_case");
}

// An intake's case is written once, by its assignment: the small pool's alert, which names the
// case, comes after it, and the case is stored in its unit.
TEST_P(Assignment, ASmallPoolStillAssignsAndAlertsCaseManagementWithTheCase) {
  auto in = office.intake();
  in.recusals = {f.clerk};  // the first unit's clerk: two of the plan's three units remain
  auto r = office.take_in(office.case_manager, in);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->assignment);
  EXPECT_EQ(r->assignment->pool_size, 2);
  EXPECT_NE(r->assignment->unit, office.units[0]);
  auto alerts = office.alerts();
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind, "small_pool");
  EXPECT_EQ(alerts[0].case_id, r->c.id());
  EXPECT_NE(alerts[0].message.find(r->c.number()), std::string::npos) << alerts[0].message;
  auto stored = transact_value<Case>(
      f.store(), [&](Transaction& tx) { return tx.cases().find_case(r->c.id()); });
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->status(), CaseStatus::assigned);
  EXPECT_EQ(stored->unit(), r->assignment->unit);
}

TEST_P(Assignment, ALaterStageGoesToTheUnitOfTheEarlierOne) {
  auto arrest = office.take_in(office.case_manager, office.intake(CaseCategory::arrest_review));
  ASSERT_TRUE(arrest.ok());
  for (int i = 0; i < 2; ++i)
    ASSERT_TRUE(office.take_in(office.case_manager, office.intake()).ok());
  auto in = office.intake();
  in.related_case = arrest->c.id();
  auto later = office.take_in(office.case_manager, in);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->assignment->method, AssignmentMethod::follow_on);
  EXPECT_EQ(later->assignment->unit, arrest->assignment->unit);
}

TEST_P(Assignment, ADesignationTakesEffectOnlyWhenTheChiefApprovesAnotherPersonsRequest) {
  auto r = office.take_in(office.case_manager, office.intake());
  const UnitId drawn = r->assignment->unit;
  const UnitId target = drawn == office.units[0] ? office.units[1] : office.units[0];
  auto req = transact_value<RequestId>(f.store(), [&](Transaction& tx) {
    return app::request_designation(tx, f.ctx(office.chief_actor),
                                    {r->c.id(), target, "重大疑难复杂", ""});
  });
  ASSERT_TRUE(req.ok()) << req.error().message;
  auto decide = [&](const Actor& a, bool approve) {
    return transact_value<std::optional<AssignmentRecord>>(f.store(), [&](Transaction& tx) {
      return app::decide_request(tx, f.ctx(a), office.crypto,
                                 {*req, approve, approve ? "" : "不同意", {}});
    });
  };
  auto own = decide(office.chief_actor, true);
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().kind, ErrorKind::permission_denied);  // the requester never approves
  auto case_now = transact_value<Case>(
      f.store(), [&](Transaction& tx) { return tx.cases().find_case(r->c.id()); });
  EXPECT_EQ(case_now->unit(), std::optional<UnitId>(drawn));  // nothing before approval

  // A request by case management, approved by the chief.
  auto req2 = transact_value<RequestId>(f.store(), [&](Transaction& tx) {
    return app::request_designation(tx, f.ctx(office.case_manager),
                                    {r->c.id(), target, "major_complex", ""});
  });
  ASSERT_TRUE(req2.ok());
  auto by_deputy = transact_value<std::optional<AssignmentRecord>>(f.store(), [&](Transaction& tx) {
    return app::decide_request(tx, f.ctx(office.deputy_actor), office.crypto,
                               {*req2, true, "", {}});
  });
  ASSERT_FALSE(by_deputy.ok());  // the plan names the chief
  EXPECT_EQ(by_deputy.error().kind, ErrorKind::permission_denied);
  auto ok = transact_value<std::optional<AssignmentRecord>>(f.store(), [&](Transaction& tx) {
    return app::decide_request(tx, f.ctx(office.chief_actor), office.crypto,
                               {*req2, true, "同意", {}});
  });
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  ASSERT_TRUE(*ok);
  EXPECT_EQ((*ok)->method, AssignmentMethod::designated);
  EXPECT_EQ((*ok)->unit, target);
  EXPECT_EQ((*ok)->approver, std::optional<PersonId>(office.chief));
  auto again = transact_value<std::optional<AssignmentRecord>>(f.store(), [&](Transaction& tx) {
    return app::decide_request(tx, f.ctx(office.chief_actor), office.crypto, {*req2, true, "", {}});
  });
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  // The reason must be one of the codes.
  auto bad_reason = transact_value<RequestId>(f.store(), [&](Transaction& tx) {
    return app::request_designation(tx, f.ctx(office.case_manager),
                                    {r->c.id(), target, "关系好", ""});
  });
  EXPECT_EQ(bad_reason.error().field, "reason");
  auto other_needs_text = transact_value<RequestId>(f.store(), [&](Transaction& tx) {
    return app::request_designation(tx, f.ctx(office.case_manager),
                                    {r->c.id(), target, "other", ""});
  });
  EXPECT_EQ(other_needs_text.error().field, "reason_text");
  // A case's requests are its own two (the refused ones wrote nothing), not another case's.
  auto second = office.take_in(office.case_manager, office.intake());
  auto req3 = transact_value<RequestId>(f.store(), [&](Transaction& tx) {
    return app::request_designation(tx, f.ctx(office.case_manager),
                                    {second->c.id(), target, "major_complex", ""});
  });
  ASSERT_TRUE(req3.ok()) << req3.error().message;
  const auto ids_of = [&](CaseId c) {
    auto list = transact_value<std::vector<AssignmentRequest>>(
        f.store(), [&](Transaction& tx) { return tx.assignments().requests_for_case(c); });
    std::vector<RequestId> ids;
    for (const auto& q : *list) ids.push_back(q.id);
    return ids;
  };
  EXPECT_EQ(ids_of(r->c.id()), (std::vector<RequestId>{*req, *req2}));
  EXPECT_EQ(ids_of(second->c.id()), (std::vector<RequestId>{*req3}));
}

TEST_P(Assignment, AChangeOfHandlerDrawsAgainWithoutTheOldUnit) {
  auto r = office.take_in(office.case_manager, office.intake());
  const UnitId old = r->assignment->unit;
  auto req = transact_value<RequestId>(f.store(), [&](Transaction& tx) {
    return app::request_change_of_handler(tx, f.ctx(office.head_actor),
                                          {r->c.id(), "workload", ""});
  });
  ASSERT_TRUE(req.ok()) << req.error().message;
  auto by_chief = transact_value<std::optional<AssignmentRecord>>(f.store(), [&](Transaction& tx) {
    return app::decide_request(tx, f.ctx(office.chief_actor), office.crypto, {*req, true, "", {}});
  });
  ASSERT_FALSE(by_chief.ok());  // the plan names the supervising deputy
  auto rec = transact_value<std::optional<AssignmentRecord>>(f.store(), [&](Transaction& tx) {
    return app::decide_request(tx, f.ctx(office.deputy_actor), office.crypto,
                               {*req, true, "同意", {}});
  });
  ASSERT_TRUE(rec.ok()) << rec.error().message;
  ASSERT_TRUE(*rec);
  EXPECT_NE((*rec)->unit, old);
  EXPECT_EQ((*rec)->method, AssignmentMethod::random);
  for (const auto& c : (*rec)->candidates)
    if (c.unit == old) { EXPECT_EQ(c.exclusion, "previous_handler"); }
  // The old unit's load no longer counts the case.
  auto loads = *transact_value<std::map<UnitId, std::int64_t>>(f.store(), [&](Transaction& tx) {
    return tx.cases().unit_weight_sums(f.city_first, PlanRules{}, 2026);
  });
  EXPECT_EQ(loads.count(old), 0u);
  EXPECT_EQ(loads[(*rec)->unit], 1);
}

TEST_P(Assignment, APlanApprovedForALaterDayTakesOverOnlyOnThatDay) {
  const Date today = f.clock.today();
  const Date later = Date::from_days(today.days_since_epoch() + 30);
  auto in_force = [&](Date on) {
    return *transact_value<std::optional<AssignmentPlan>>(
        f.store(), [&](Transaction& tx) { return tx.plans().approved_plan(f.city_first, on); });
  };
  const auto current = in_force(today);
  ASSERT_TRUE(current.has_value());
  PlanRules rotation;
  rotation.mode = AssignmentMode::rotation;
  auto next = transact_value<PlanId>(f.store(), [&](Transaction& tx) {
    return app::propose_plan(tx, f.ctx(office.head_actor), {f.city_first, rotation, later});
  });
  ASSERT_TRUE(next.ok());
  ASSERT_TRUE(f.store()
                  .transact([&](Transaction& tx) {
                    return app::decide_plan(tx, f.ctx(office.chief_actor), {*next, true, "同意"});
                  })
                  .ok());
  // Until the day it takes effect the plan in force stays, and cases are assigned under it.
  EXPECT_EQ(in_force(today)->id, current->id);
  EXPECT_EQ(in_force(Date::from_days(later.days_since_epoch() - 1))->id, current->id);
  EXPECT_EQ(in_force(later)->id, *next);
  auto r = office.take_in(office.case_manager, office.intake());
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->assignment.has_value());
  EXPECT_EQ(r->assignment->plan_version, current->version);
  EXPECT_EQ(r->assignment->method, AssignmentMethod::random);
}

TEST_P(Assignment, APlanIsApprovedByTheChiefAndNeverByItsProposer) {
  auto plan = transact_value<PlanId>(f.store(), [&](Transaction& tx) {
    return app::propose_plan(tx, f.ctx(office.chief_actor),
                             {f.city_first, PlanRules{}, f.clock.today()});
  });
  ASSERT_TRUE(plan.ok());
  auto own = f.store().transact([&](Transaction& tx) {
    return app::decide_plan(tx, f.ctx(office.chief_actor), {*plan, true, ""});
  });
  EXPECT_EQ(own.error().kind, ErrorKind::permission_denied);
  auto deputy = f.store().transact([&](Transaction& tx) {
    return app::decide_plan(tx, f.ctx(office.deputy_actor), {*plan, true, ""});
  });
  EXPECT_EQ(deputy.error().kind, ErrorKind::permission_denied);
  PlanRules bad;
  bad.min_pool = 0;
  auto invalid = transact_value<PlanId>(f.store(), [&](Transaction& tx) {
    return app::propose_plan(tx, f.ctx(office.head_actor), {f.city_first, bad, f.clock.today()});
  });
  EXPECT_EQ(invalid.error().field, "min_pool");
}

TEST_P(Assignment, EpochsRevealOnALaterDayAndEveryDrawVerifies) {
  for (int i = 0; i < 4; ++i)
    ASSERT_TRUE(office.take_in(office.case_manager, office.intake()).ok());
  auto epochs = [&] {
    return *transact_value<std::vector<DrawEpoch>>(
        f.store(), [](Transaction& tx) { return tx.epochs().list_epochs(); });
  };
  ASSERT_EQ(epochs().size(), 1u);
  EXPECT_FALSE(epochs()[0].closed_at_us);
  std::array<std::uint8_t, 32> seed{};
  const auto key = audit::signing_key_from_seed(seed);
  auto before = audit::verify_store(f.store(), audit::HashAlgorithm::sm3, key.public_key);
  EXPECT_TRUE(before->ok) << before->problem;
  EXPECT_EQ(before->draws_pending, 4u);
  EXPECT_EQ(before->draws_verified, 0u);
  f.clock.next_day();
  ASSERT_TRUE(office.take_in(office.case_manager, office.intake()).ok());  // the first action
  const auto all = epochs();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(all[0].closed_at_us);
  EXPECT_FALSE(all[1].closed_at_us);
  auto after = audit::verify_store(f.store(), audit::HashAlgorithm::sm3, key.public_key);
  EXPECT_TRUE(after->ok) << after->problem;
  EXPECT_EQ(after->draws_verified, 4u);
  EXPECT_EQ(after->draws_pending, 1u);
}

// Two servers on one database (two stores opened on it), four clients taking in cases at once on
// each of two days: every intake numbered once with no gap, every case assigned exactly once, the
// spread within one case weight, one epoch opened a day and closed once, one chain that verifies.
// Half the clients take in 审查逮捕 and half 审查起诉 cases: each kind has its own number counter,
// so the two kinds do not wait for each other there and meet only at the department's loads and
// the audit chain.
TEST_P(Assignment, TwoServersTakingInAtOnceBehaveAsOne) {
  auto second = f.factory->reopen();
  ASSERT_TRUE(second.ok()) << second.error().message;
  Store* servers[2] = {&f.store(), second->store.get()};
  constexpr int kClients = 4, kEach = 15;
  std::vector<std::string> numbers;
  std::vector<std::string> failures;
  std::mutex mu;
  auto burst = [&] {
    std::vector<std::thread> clients;
    for (int t = 0; t < kClients; ++t)
      clients.emplace_back([&, t] {
        for (int i = 0; i < kEach; ++i) {
          auto in = office.intake(t < kClients / 2 ? CaseCategory::arrest_review
                                                   : CaseCategory::prosecution_review);
          in.difficulty = (t + i) % 3 == 0 ? Difficulty::difficult : Difficulty::ordinary;
          auto r = transact_value<app::IntakeResult>(*servers[t % 2], [&](Transaction& tx) {
            return app::intake_case(tx, f.ctx(office.case_manager), office.crypto, in);
          });
          std::lock_guard lock(mu);
          if (!r)
            failures.push_back(r.error().code + ": " + r.error().message);
          else if (!r->assignment)
            failures.push_back(r->c.number() + " not assigned");
          else
            numbers.push_back(r->c.number());
        }
      });
    for (auto& c : clients) c.join();
  };
  burst();
  f.clock.next_day();  // both servers' first actions of the day race to close yesterday's epoch
  burst();
  ASSERT_TRUE(failures.empty()) << failures.front();

  constexpr int kTotal = 2 * kClients * kEach;
  std::set<std::string> distinct(numbers.begin(), numbers.end());
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kTotal));
  for (const char* kind : {"嘉检刑捕受", "嘉检刑诉受"})
    for (int n = 1; n <= kTotal / 2; ++n)
      EXPECT_TRUE(distinct.count(kind + std::string("〔2026〕") + std::to_string(n) + "号"))
          << "no " << kind << " number " << n;

  auto assignments = *transact_value<std::vector<AssignmentRecord>>(
      f.store(), [](Transaction& tx) { return tx.assignments().list_assignments(std::nullopt); });
  std::map<CaseId, int> per_case;
  for (const auto& a : assignments) ++per_case[a.case_id];
  EXPECT_EQ(per_case.size(), static_cast<std::size_t>(kTotal));
  for (auto [c, n] : per_case) EXPECT_EQ(n, 1) << "case " << c.value;

  // SPEC §3: tolerance 0, equal shares, all eligible: max − min ≤ the largest weight (疑难 2).
  auto loads = *transact_value<std::map<UnitId, std::int64_t>>(f.store(), [&](Transaction& tx) {
    return tx.cases().unit_weight_sums(f.city_first, PlanRules{}, 2026);
  });
  std::int64_t lo = INT64_MAX, hi = 0;
  for (auto [unit, w] : loads) lo = std::min(lo, w), hi = std::max(hi, w);
  EXPECT_LE(hi - lo, 2) << "loads from " << lo << " to " << hi;

  auto epochs = *transact_value<std::vector<DrawEpoch>>(
      f.store(), [](Transaction& tx) { return tx.epochs().list_epochs(); });
  ASSERT_EQ(epochs.size(), 2u);
  EXPECT_TRUE(epochs[0].closed_at_us);
  EXPECT_FALSE(epochs[1].closed_at_us);
  auto entries = *transact_value<std::vector<AuditEntry>>(
      f.store(), [](Transaction& tx) { return tx.audit().read(1, 1'000'000); });
  int opened = 0, closed = 0;
  for (const auto& e : entries) {
    opened += e.event.action == "draw.epoch.open";
    closed += e.event.action == "draw.epoch.close";
  }
  EXPECT_EQ(opened, 2);
  EXPECT_EQ(closed, 1);
  const auto key = audit::signing_key_from_seed({});
  auto report = audit::verify_store(f.store(), audit::HashAlgorithm::sm3, key.public_key);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->draws_verified + report->draws_pending, static_cast<std::uint64_t>(kTotal));
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, Assignment, ::testing::ValuesIn(all_backends()), backend_name);

}  // namespace zeren::testing
