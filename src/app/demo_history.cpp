#include "app/demo_history.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <random>

#include "app/invented_names.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

namespace {

struct Dept {
  ProcuratorateId procuratorate;
  Department department;
  std::vector<UnitId> units;
  PersonId head;
  std::optional<PersonId> deputy;
};

struct Office {
  ProcuratorateId id;
  std::string short_code;
  Actor intake;  // a case manager
  PersonId chief;
  PersonId personnel;
  std::vector<Dept*> departments;
};

// A seeded source of the demo's choices. Intake and handling each roll their own, so that the
// cases taken in stay the same for a seed whatever the draws and the handling after them do.
struct Dice {
  explicit Dice(std::uint64_t seed) : rng(seed) {}
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng); }
  double unit() { return std::uniform_real_distribution<double>(0, 1)(rng); }
  Date after(Date d, int lo, int hi) {
    return Date::from_days(d.days_since_epoch() + uniform(lo, hi));
  }
  std::mt19937_64 rng;
};

class History {
 public:
  History(Store& store, SteppingClock& clock, const DrawCrypto& crypto, std::uint64_t seed,
          Date last_day)
      : store_(store),
        clock_(clock),
        crypto_(crypto),
        dice_(seed),
        act_(seed + 1),
        last_day_(last_day) {}

  Status prepare(Date first_day);
  Status run_day(Date day);
  DemoHistory result() const { return stats_; }

 private:
  int uniform(int lo, int hi) { return dice_.uniform(lo, hi); }
  bool chance(double p) { return dice_.chance(p); }
  std::string person_name() { return invented_name(dice_.rng); }
  Context ctx(const Actor& a) { return Context{a, clock_}; }
  Status as(PersonId p, const std::function<Status(Transaction&, const Context&)>& work);

  Status intake_one(Office& office, Date day);
  Status withdraw_and_refile(Office& office, Date day);
  Status add_absence(Office& office, Date day);
  Status designate_one(Office& office, CaseId c, Dept& d);
  Status change_one(Office& office, CaseId c, Dept& d);
  Status decide(PersonId approver, RequestId request, const char* note, int& count);
  // Counts an assignment by how it was made: intakes, re-filings and the new draw after a change
  // of handler all count, so "random" equals the draws `audit verify` recomputes. Designations
  // are counted by the request that made them.
  void tally(const AssignmentRecord& a);

  // A case being handled: what happens to it next, and when.
  enum class Step { start, decide, chief, resume, archive, done };
  struct Handling {
    CaseId id;
    ProcuratorateId office;
    CaseCategory category;
    Step step = Step::start;
    Date next;
    int rejections = 0;
  };
  Status handle_day(Office& office, Date day);
  Status handle_one(Office& office, Handling& h, Date day);
  Status propose(Handling& h, Date day, PersonId lead, bool leader);
  Status chief_decides(Office& office, Handling& h, Date day);
  Status side_events(Office& office, Handling& h, Date day, PersonId lead, bool leader);
  // Whether to leave this case undecided past the last day, so that the demo's day has cases near
  // expiry and overdue (two of each per 院).
  bool hold_past_end(ProcuratorateId office, std::optional<Date> due);
  std::vector<Handling> handling_;
  std::map<ProcuratorateId, std::pair<int, int>> held_;  // near expiry, overdue

  Store& store_;
  SteppingClock& clock_;
  const DrawCrypto& crypto_;
  Dice dice_;  // intake: departments, categories, parties, withdrawals, absences
  Dice act_;   // handling: when and how each case is decided, and what happens on the way
  Date last_day_;
  std::vector<Office> offices_;
  std::vector<std::unique_ptr<Dept>> depts_;
  std::map<std::int64_t, std::vector<CaseId>> arrests_;  // department → 审查逮捕 cases to follow
  struct Refiling {
    Date on;
    CaseIntake intake;
  };
  std::vector<Refiling> refilings_;
  DemoHistory stats_;
  int doc_serial_ = 100;
};

Status History::as(PersonId p, const std::function<Status(Transaction&, const Context&)>& work) {
  return store_.transact([&](Transaction& tx) -> Status {
    auto actor = actor_for_person(tx, p);
    if (!actor) return actor.error();
    return work(tx, ctx(*actor));
  });
}

Status History::prepare(Date first_day) {
  clock_.set(first_day, 8 * 60);
  // The organisation as the demo loaded it.
  ZEREN_TRY(store_.transact([&](Transaction& tx) -> Status {
    auto procs = tx.organisation().list_procuratorates();
    if (!procs) return procs.error();
    for (const auto& p : *procs) {
      Office o;
      o.id = p.id();
      o.short_code = p.short_code();
      auto depts = tx.organisation().list_departments(p.id());
      auto persons = tx.organisation().list_persons(p.id());
      auto units = tx.organisation().list_units(p.id());
      auto users = tx.users().list_users();
      if (!depts || !persons || !units || !users)
        return Error::storage("cannot read the organisation");
      std::optional<PersonId> intake_person;
      for (const auto& u : *users)
        if (u.procuratorate() == p.id() && u.has(Role::case_manager) && u.person()) {
          auto a = actor_for_user(tx, u.username());
          if (!a) return a.error();
          o.intake = *a;
          intake_person = u.person();
        }
      for (const auto& person : *persons) {
        if (person.holds(PostKind::chief)) o.chief = person.id();
        auto dept = std::find_if(depts->begin(), depts->end(), [&](const Department& d) {
          return d.id() == person.department();
        });
        if (dept != depts->end() && dept->kind() == DepartmentKind::personnel)
          o.personnel = person.id();
        if (!intake_person && dept != depts->end() &&
            dept->kind() == DepartmentKind::case_management) {
          auto a = actor_for_person(tx, person.id());
          if (!a) return a.error();
          o.intake = *a;
          intake_person = person.id();
        }
      }
      if (!intake_person || !o.chief.valid())
        return Error::not_found("demo", p.name() + " needs a case manager and a chief");
      for (const auto& d : *depts) {
        if (d.kind() != DepartmentKind::business) continue;
        auto dept = std::make_unique<Dept>(Dept{p.id(), d, {}, {}, {}});
        for (const auto& u : *units)
          if (u.department() == d.id()) dept->units.push_back(u.id());
        for (const auto& person : *persons)
          for (const auto& post : person.posts()) {
            if (post.kind == PostKind::department_head && post.departments.front() == d.id())
              dept->head = person.id();
            if (post.kind == PostKind::deputy_chief &&
                std::find(post.departments.begin(), post.departments.end(), d.id()) !=
                    post.departments.end())
              dept->deputy = person.id();
          }
        if (!dept->head.valid()) return Error::not_found("demo", d.name() + " needs a head");
        o.departments.push_back(dept.get());
        depts_.push_back(std::move(dept));
      }
      offices_.push_back(std::move(o));
    }
    return ok_status();
  }));
  // Each business department's plan: proposed by its head, approved by the chief.
  for (auto& o : offices_)
    for (auto* d : o.departments) {
      PlanId plan;
      PlanRules rules;
      // One department shows rotation; every other one draws.
      if (o.departments.back() == d && offices_.size() > 1 && &o == &offices_.back())
        rules.mode = AssignmentMode::rotation;
      // A department of three units sets its alarm at two: one absence is not yet an alarm.
      if (d->units.size() <= 3) rules.min_pool = 2;
      ZEREN_TRY(as(d->head, [&](Transaction& tx, const Context& c) -> Status {
        auto id = propose_plan(tx, c, {d->department.id(), rules, clock_.today()});
        if (!id) return id.error();
        plan = *id;
        return ok_status();
      }));
      ZEREN_TRY(as(o.chief, [&](Transaction& tx, const Context& c) {
        return decide_plan(tx, c, {plan, true, "同意"});
      }));
      ++stats_.plans;
    }
  return ok_status();
}

// Approves; when the approval cannot take effect (the unit asked for cannot take the case, or no
// other unit is eligible) the approver rejects it instead, giving the reason.
Status History::decide(PersonId approver, RequestId request, const char* note, int& count) {
  std::string refusal;
  auto approved = as(approver, [&](Transaction& tx, const Context& c) -> Status {
    auto rec = decide_request(tx, c, crypto_, {request, true, note, std::nullopt});
    if (!rec) return rec.error();
    if (*rec) tally(**rec);
    return ok_status();
  });
  if (approved) {
    ++count;
    return ok_status();
  }
  if (approved.error().kind != ErrorKind::invalid_argument &&
      approved.error().kind != ErrorKind::conflict)
    return approved.error();
  return as(approver, [&](Transaction& tx, const Context& c) -> Status {
    auto rec =
        decide_request(tx, c, crypto_, {request, false, approved.error().message, std::nullopt});
    return rec ? ok_status() : Status(rec.error());
  });
}

void History::tally(const AssignmentRecord& a) {
  switch (a.method) {
    case AssignmentMethod::follow_on: ++stats_.follow_on; break;
    case AssignmentMethod::random: ++stats_.random; break;
    case AssignmentMethod::rotation: ++stats_.rotation; break;
    case AssignmentMethod::designated: break;
  }
}

Status History::designate_one(Office& office, CaseId id, Dept& d) {
  RequestId request;
  ZEREN_TRY(as(d.head, [&](Transaction& tx, const Context& c) -> Status {
    auto cs = tx.cases().find_case(id);
    if (!cs) return cs.error();
    std::vector<UnitId> others;
    for (auto u : d.units)
      if (!cs->unit() || *cs->unit() != u) others.push_back(u);
    if (others.empty()) return ok_status();
    auto r = request_designation(tx, c,
                                 {id, others[uniform(0, others.size() - 1)], "major_complex",
                                  "案情重大复杂，指定办案组承办"});
    // A unit that cannot take the case is refused at once; the head then asks for nothing.
    if (!r && r.error().code == "unit_excluded") return ok_status();
    if (!r) return r.error();
    request = *r;
    return ok_status();
  }));
  if (!request.valid()) return ok_status();
  return decide(office.chief, request, "同意指定", stats_.designated);
}

Status History::change_one(Office& office, CaseId id, Dept& d) {
  (void)office;
  if (!d.deputy) return ok_status();
  RequestId request;
  ZEREN_TRY(as(d.head, [&](Transaction& tx, const Context& c) -> Status {
    auto r = request_change_of_handler(tx, c, {id, chance(0.5) ? "workload" : "recusal", ""});
    if (!r) return r.error();
    request = *r;
    return ok_status();
  }));
  return decide(*d.deputy, request, "同意更换", stats_.changes);
}

Status History::intake_one(Office& office, Date day) {
  // Department by share of the work: 第一 and 第二 take most.
  static constexpr int kWeights[] = {35, 25, 12, 15, 13};
  std::discrete_distribution<int> pick(std::begin(kWeights), std::end(kWeights));
  Dept& d =
      *office.departments[std::min<std::size_t>(pick(dice_.rng), office.departments.size() - 1)];
  const auto& cats = d.department.categories();
  std::vector<CaseCategory> list(cats.begin(), cats.end());
  CaseIntake in;
  in.procuratorate = office.id;
  in.department = d.department.id();
  in.category = list[uniform(0, list.size() - 1)];
  in.received_on = day;
  in.difficulty = chance(0.2) ? Difficulty::difficult : Difficulty::ordinary;
  const bool criminal =
      in.category == CaseCategory::arrest_review || in.category == CaseCategory::prosecution_review;
  in.custody = criminal && chance(0.6);
  const int parties = uniform(1, 3);
  for (int i = 0; i < parties; ++i) in.parties.push_back(person_name());
  in.source_org = criminal ? (chance(0.85) ? "嘉峪关市公安局" : "嘉峪关市监察委员会")
                           : (chance(0.5) ? "嘉峪关市中级人民法院" : "嘉峪关市城区人民法院");
  const std::string kind = in.category == CaseCategory::arrest_review ? "提捕"
                           : criminal                                 ? "移诉"
                                                                      : "移";
  in.source_doc_no = "嘉公（刑）" + kind + "字〔" + std::to_string(day.year()) + "〕" +
                     std::to_string(++doc_serial_) + "号";
  // A later stage of the same matter: 审查起诉 after the 审查逮捕 handled here.
  auto& waiting = arrests_[d.department.id().value];
  if (in.category == CaseCategory::prosecution_review && !waiting.empty() && chance(0.5)) {
    const CaseId earlier = waiting.front();
    waiting.erase(waiting.begin());
    ZEREN_TRY(store_.transact([&](Transaction& tx) -> Status {
      auto e = tx.cases().find_case(earlier);
      if (!e) return e.error();
      in.related_case = earlier;
      in.parties = e->intake().parties;
      in.custody = e->intake().custody;
      return ok_status();
    }));
  }
  std::optional<IntakeResult> done;
  ZEREN_TRY(store_.transact([&](Transaction& tx) -> Status {
    auto r = intake_case(tx, ctx(office.intake), crypto_, in);
    if (!r) return r.error();
    done = std::move(*r);
    return ok_status();
  }));
  ++stats_.cases;
  if (!done->assignment) {
    ++stats_.unassigned;
    return ok_status();
  }
  tally(*done->assignment);
  handling_.push_back(
      {done->c.id(), office.id, in.category, Step::start, act_.after(day, 1, 2), 0});
  if (in.category == CaseCategory::arrest_review) waiting.push_back(done->c.id());
  if (chance(0.015)) return designate_one(office, done->c.id(), d);
  if (chance(0.01)) return change_one(office, done->c.id(), d);
  if (chance(0.0025)) {
    // The source organ takes the case back; the same matter comes again a few weeks later.
    ZEREN_TRY(store_.transact([&](Transaction& tx) {
      return withdraw_case(tx, ctx(office.intake), {done->c.id(), "移送机关撤回移送"});
    }));
    ++stats_.withdrawn;
    refilings_.push_back({Date::from_days(day.days_since_epoch() + uniform(10, 40)), in});
  }
  return ok_status();
}

Status History::add_absence(Office& office, Date day) {
  Dept& d = *office.departments[uniform(0, office.departments.size() - 1)];
  const UnitId unit = d.units[uniform(0, d.units.size() - 1)];
  return store_.transact([&](Transaction& tx) -> Status {
    auto u = tx.organisation().find_unit(unit);
    if (!u) return u.error();
    auto actor = actor_for_person(tx, office.personnel);
    if (!actor) return actor.error();
    const Date from = Date::from_days(day.days_since_epoch() + uniform(1, 10));
    const Date to = Date::from_days(from.days_since_epoch() + uniform(1, 4));
    static constexpr const char* kReasons[] = {"培训", "年休假", "病假", "出差"};
    auto s = record_absence(tx, ctx(*actor), {u->lead(), from, to, kReasons[uniform(0, 3)]});
    if (!s && s.error().kind == ErrorKind::conflict) return ok_status();  // overlaps: skip
    if (!s) return s.error();
    ++stats_.absences;
    return ok_status();
  });
}

Status History::run_day(Date day) {
  const int weekday = static_cast<int>((day.days_since_epoch() + 4) % 7);  // 0 = Sunday
  if (weekday == 0 || weekday == 6) return ok_status();
  for (auto& o : offices_) {
    // Re-filings due today come first.
    for (auto it = refilings_.begin(); it != refilings_.end();) {
      if (it->on <= day && it->intake.procuratorate == o.id) {
        CaseIntake again = it->intake;
        again.received_on = day;
        again.related_case.reset();
        clock_.set(day, 8 * 60 + 40);
        ZEREN_TRY(store_.transact([&](Transaction& tx) -> Status {
          auto r = intake_case(tx, ctx(o.intake), crypto_, again);
          if (!r) return r.error();
          if (r->assignment) tally(*r->assignment);
          return ok_status();
        }));
        ++stats_.refiled;
        ++stats_.cases;
        it = refilings_.erase(it);
      } else {
        ++it;
      }
    }
    if (day.day() == 1 || day.day() == 15) {
      clock_.set(day, 8 * 60 + 45);
      ZEREN_TRY(add_absence(o, day));
    }
    const int n = uniform(2, 4);
    for (int i = 0; i < n; ++i) {
      clock_.set(day, 9 * 60 + i * (8 * 60 / n) + uniform(0, 30));
      ZEREN_TRY(intake_one(o, day));
    }
    clock_.set(day, 14 * 60 + act_.uniform(0, 60));
    ZEREN_TRY(handle_day(o, day));
  }
  return ok_status();
}

Status History::handle_day(Office& office, Date day) {
  for (auto& h : handling_)
    if (h.office == office.id && h.step != Step::done && h.next <= day)
      ZEREN_TRY(handle_one(office, h, day));
  std::erase_if(handling_, [](const Handling& h) { return h.step == Step::done; });
  return ok_status();
}

Status History::handle_one(Office& office, Handling& h, Date day) {
  // Who handles the case today (a change of handler may have moved it).
  PersonId lead;
  bool leader = false;
  CaseStatus status = CaseStatus::registered;
  Date received = day;
  std::optional<Date> due;
  ZEREN_TRY(store_.transact([&](Transaction& tx) -> Status {
    auto c = tx.cases().find_case(h.id);
    if (!c) return c.error();
    status = c->status();
    received = c->intake().received_on;
    due = c->progress().due_on;
    if (!c->unit()) return ok_status();
    auto u = tx.organisation().find_unit(*c->unit());
    if (!u) return u.error();
    lead = u->lead();
    auto p = tx.organisation().find_person(lead);
    if (!p) return p.error();
    leader = p->is_leader();
    return ok_status();
  }));
  if (status == CaseStatus::withdrawn || !lead.valid()) {
    h.step = Step::done;
    return ok_status();
  }
  switch (h.step) {
    case Step::start: {
      ZEREN_TRY(as(lead, [&](Transaction& tx, const Context& c) {
        return transition_case(tx, c, {h.id, CaseAction::start, "", std::nullopt, ""});
      }));
      ZEREN_TRY(side_events(office, h, day, lead, leader));
      // When the handler will be ready to decide: most well inside the period, a few late.
      const bool slow = act_.chance(0.05);
      switch (h.category) {
        case CaseCategory::arrest_review:
          h.next = slow ? act_.after(received, 8, 22) : act_.after(received, 2, 6);
          break;
        case CaseCategory::prosecution_review:
          h.next = slow ? act_.after(received, 33, 50) : act_.after(received, 8, 27);
          break;
        default: h.next = act_.after(received, 10, 60); break;
      }
      if (hold_past_end(h.office, due)) h.next = Date::from_days(last_day_.days_since_epoch() + 1);
      h.step = Step::decide;
      return ok_status();
    }
    case Step::decide: return propose(h, day, lead, leader);
    case Step::chief: return chief_decides(office, h, day);
    case Step::resume:
      ZEREN_TRY(as(lead, [&](Transaction& tx, const Context& c) {
        return transition_case(
            tx, c, {h.id, CaseAction::resume, "补充侦查完毕，重新移送审查起诉", day, ""});
      }));
      h.step = Step::decide;
      h.next = act_.after(day, 6, 25);
      return ok_status();
    case Step::archive:
      ZEREN_TRY(store_.transact([&](Transaction& tx) {
        return transition_case(tx, ctx(office.intake),
                               {h.id, CaseAction::archive, "", std::nullopt, ""});
      }));
      ++stats_.archived;
      h.step = Step::done;
      return ok_status();
    case Step::done: return ok_status();
  }
  return ok_status();
}

bool History::hold_past_end(ProcuratorateId office, std::optional<Date> due) {
  if (!due) return false;
  // Days left on the demo's day, the day after the last one.
  const auto left = due->days_since_epoch() - (last_day_.days_since_epoch() + 1);
  auto& [near, overdue] = held_[office];
  if (left >= 0 && left <= 2 && near < 2) return ++near, true;  // inside every alert lead time
  if (left < 0 && left >= -15 && overdue < 2) return ++overdue, true;
  return false;
}

Status History::propose(Handling& h, Date day, PersonId lead, bool leader) {
  using T = DecisionType;
  T type = T::conclusion;
  const char* reasoning = "经审查，事实清楚，证据确实、充分，依法作出决定。";
  const double r = act_.unit();
  switch (h.category) {
    case CaseCategory::arrest_review:
      type = r < 0.84   ? T::approve_arrest
             : r < 0.94 ? T::no_arrest_no_necessity
             : r < 0.98 ? T::no_arrest_insufficient_evidence
                        : T::no_arrest_no_crime;
      break;
    case CaseCategory::prosecution_review:
      type = r < 0.84   ? T::prosecute
             : r < 0.88 ? T::non_prosecution_discretionary
             : r < 0.90 ? T::non_prosecution_evidence
             : r < 0.97 ? T::return_for_investigation
                        : T::extend_review;
      if (h.rejections > 0) type = T::prosecute;
      break;
    case CaseCategory::reconsideration:
      type = r < 0.5 ? T::reconsideration_decision : T::review_decision;
      break;
    default: break;
  }
  std::optional<Decision> d;
  ZEREN_TRY(as(lead, [&](Transaction& tx, const Context& as_lead) -> Status {
    auto c = tx.cases().find_case(h.id);
    if (!c) return c.error();
    if (type == T::return_for_investigation && c->progress().returns >= 2) type = T::prosecute;
    if (type == T::extend_review && (c->progress().extended || c->intake().fast_track))
      type = T::prosecute;
    auto made = propose_decision(tx, as_lead, {h.id, type, reasoning});
    if (!made) return made.error();
    d = std::move(*made);
    return ok_status();
  }));
  ++stats_.decisions;
  if (d->status == DecisionStatus::issued) {
    ++stats_.self_decided;
    if (effect_of(d->type) == DecisionEffect::return_for_investigation) {
      ++stats_.returns;
      h.step = Step::resume;
      h.next = act_.after(day, 18, 32);
    } else if (effect_of(d->type) == DecisionEffect::extend) {
      ++stats_.extensions;
      h.step = Step::decide;
      h.next = act_.after(day, 5, 12);
    } else {
      ++stats_.concluded;
      if (d->type == T::prosecute && act_.chance(0.5) && leader) {
        // The leader who led the case appears in court (出庭支持公诉).
        ZEREN_TRY(as(lead, [&](Transaction& tx, const Context& as_lead) -> Status {
          auto n = record_act(tx, as_lead, {h.id, ActKind::court_appearance, day, "出庭支持公诉"});
          if (!n) return n.error();
          ++stats_.acts;
          return ok_status();
        }));
      }
      h.step = Step::archive;
      h.next = act_.after(day, 8, 20);
    }
    return ok_status();
  }
  h.step = Step::chief;
  h.next = act_.after(day, 1, 3);
  return ok_status();
}

Status History::chief_decides(Office& office, Handling& h, Date day) {
  std::optional<Decision> pending;
  ZEREN_TRY(store_.transact([&](Transaction& tx) -> Status {
    auto all = tx.handling().decisions({h.id, {}});
    if (!all) return all.error();
    for (auto& d : *all)
      if (d.status == DecisionStatus::pending) pending = d;
    return ok_status();
  }));
  if (!pending) {
    h.step = Step::done;
    return ok_status();
  }
  if (act_.chance(0.3))  // the chief reads the file first (预审意见)
    ZEREN_TRY(as(office.chief, [&](Transaction& tx, const Context& c) -> Status {
      auto n = give_pre_review(tx, c, {h.id, "已阅卷，同意承办检察官意见，注意证据的合法性审查。"});
      if (!n) return n.error();
      ++stats_.pre_reviews;
      return ok_status();
    }));
  const double r = act_.unit();
  DecideDecision cmd{pending->id, DecisionOutcome::approve, "同意", std::nullopt};
  const bool contrary = r > 0.90 && pending->type != DecisionType::extend_review &&
                        h.category == CaseCategory::prosecution_review;
  const bool rejected = !contrary && r > 0.85 && h.rejections == 0;
  if (contrary)
    cmd = {pending->id, DecisionOutcome::reject, "本案应当提起公诉", DecisionType::prosecute};
  if (rejected)
    cmd = {pending->id, DecisionOutcome::reject, "证据尚需补强，继续审查", std::nullopt};
  std::optional<Decision> done;
  ZEREN_TRY(as(office.chief, [&](Transaction& tx, const Context& c) -> Status {
    auto d = decide_decision(tx, c, cmd);
    if (!d) return d.error();
    done = std::move(*d);
    return ok_status();
  }));
  if (rejected) {
    ++h.rejections;
    h.step = Step::decide;
    h.next = act_.after(day, 3, 8);
    return ok_status();
  }
  if (done->type == DecisionType::extend_review) {
    ++stats_.extensions;
    h.step = Step::decide;
    h.next = act_.after(day, 5, 12);
    return ok_status();
  }
  if (contrary && act_.chance(0.6)) {
    ZEREN_TRY(as(pending->proposed_by, [&](Transaction& tx, const Context& c) {
      return object_to_decision(
          tx, c,
          {done->id,
           "本人认为本案证据不足，应当作出不起诉决定，现提出书面异议，并执行检察长决定。"});
    }));
    ++stats_.objections;
  }
  ++stats_.concluded;
  h.step = Step::archive;
  h.next = act_.after(day, 8, 20);
  return ok_status();
}

// Around the start of handling: a leader's personal acts, flags with their reports, notices with
// their replies, instructions to report — some answered late or not yet.
Status History::side_events(Office& office, Handling& h, Date day, PersonId lead, bool leader) {
  if (leader)
    ZEREN_TRY(as(lead, [&](Transaction& tx, const Context& c) -> Status {
      auto n =
          record_act(tx, c,
                     {h.id, act_.chance(0.7) ? ActKind::interrogation : ActKind::major_evidence,
                      day, "院领导亲自办理"});
      if (!n) return n.error();
      ++stats_.acts;
      return ok_status();
    }));
  if (act_.chance(0.03)) {
    static constexpr CaseFlag kFlags[] = {CaseFlag::new_type, CaseFlag::major_difficult,
                                          CaseFlag::quality_risk, CaseFlag::department_divergence};
    std::optional<FollowUpId> report;
    ZEREN_TRY(as(lead, [&](Transaction& tx, const Context& c) -> Status {
      auto f = flag_case(tx, c, {h.id, kFlags[act_.uniform(0, 3)], "承办人认为需要向检察长报告"});
      if (!f) return f.error();
      report = *f;
      ++stats_.flags;
      return ok_status();
    }));
    if (act_.chance(0.8))
      ZEREN_TRY(as(lead, [&](Transaction& tx, const Context& c) {
        return answer_follow_up(tx, c, {*report, "已向检察长书面报告案件情况及处理意见。"});
      }));
  }
  if (act_.chance(0.04)) {
    std::optional<FollowUpId> notice;
    ZEREN_TRY(store_.transact([&](Transaction& tx) -> Status {
      static constexpr NoticeLevel kLevels[] = {NoticeLevel::oral, NoticeLevel::oral,
                                                NoticeLevel::written, NoticeLevel::report_chief};
      auto f =
          issue_notice(tx, ctx(office.intake),
                       {h.id, kLevels[act_.uniform(0, 3)], "请注意办案期限，及时录入案卡信息。"});
      if (!f) return f.error();
      notice = *f;
      ++stats_.notices;
      return ok_status();
    }));
    if (act_.chance(0.85))
      ZEREN_TRY(as(lead, [&](Transaction& tx, const Context& c) {
        return answer_follow_up(tx, c, {*notice, "已按通知要求整改，案卡信息已补录。"});
      }));
  }
  if (act_.chance(0.01)) {
    ZEREN_TRY(as(office.chief, [&](Transaction& tx, const Context& c) -> Status {
      auto f = instruct_report(
          tx, c, {h.id, "请于一周内报告案件进展及拟处理意见。", act_.after(day, 5, 7)});
      if (!f) return f.error();
      ++stats_.report_instructions;
      return ok_status();
    }));
  }
  return ok_status();
}

}  // namespace

Result<DemoHistory> load_demo_history(Store& store, SteppingClock& clock, const DrawCrypto& crypto,
                                      const DemoHistoryOptions& options) {
  History h(store, clock, crypto, options.seed, options.to);
  ZEREN_TRY(h.prepare(options.from));
  for (auto d = options.from.days_since_epoch(); d <= options.to.days_since_epoch(); ++d)
    ZEREN_TRY(h.run_day(Date::from_days(d)));
  return h.result();
}

}  // namespace zeren::app
