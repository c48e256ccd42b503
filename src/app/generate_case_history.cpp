// Cases for a generated province (zeren gen): taken in through intake_case, so each gets its
// gapless number, its verifiable draw and its audit entries exactly as in production; only many
// intakes share one transaction.
#include <algorithm>
#include <map>
#include <random>

#include "app/assign_case.hpp"
#include "app/draws.hpp"
#include "app/generate.hpp"
#include "app/invented_names.hpp"

namespace zeren::app {

namespace {

struct Desk {  // one business department
  DepartmentId id;
  std::vector<CaseCategory> categories;
  PersonId head;
};

struct Office {  // one 院
  ProcuratorateId id;
  std::string short_code;
  Actor case_manager;
  PersonId chief;
  std::vector<Desk> desks;
  int prosecutors = 0;
};

Result<std::vector<Office>> read_offices(Transaction& tx) {
  auto procs = tx.organisation().list_procuratorates();
  auto users = tx.users().list_users();
  if (!procs) return procs.error();
  if (!users) return users.error();
  std::vector<Office> offices;
  for (const auto& p : *procs) {
    Office o{p.id(), p.short_code(), {}, {}, {}, 0};
    auto depts = tx.organisation().list_departments(p.id());
    auto persons = tx.organisation().list_persons(p.id());
    if (!depts) return depts.error();
    if (!persons) return persons.error();
    bool has_case_manager = false;
    for (const auto& u : *users)
      if (!has_case_manager && u.procuratorate() == p.id() && u.has(Role::case_manager)) {
        auto a = actor_for_user(tx, u.username());
        if (!a) return a.error();
        o.case_manager = *a;
        has_case_manager = true;
      }
    for (const auto& d : *depts)
      if (d.kind() == DepartmentKind::business)
        o.desks.push_back({d.id(), {d.categories().begin(), d.categories().end()}, {}});
    for (const auto& person : *persons) {
      if (person.category() == PersonCategory::prosecutor) ++o.prosecutors;
      for (const auto& post : person.posts()) {
        if (post.kind == PostKind::chief) o.chief = person.id();
        if (post.kind == PostKind::department_head)
          for (auto& desk : o.desks)
            if (desk.id == post.departments.front()) desk.head = person.id();
      }
    }
    if (!has_case_manager || !o.chief.valid())
      return Error::not_found("procuratorate", p.name() + " needs a case manager and a chief");
    for (const auto& desk : o.desks)
      if (!desk.head.valid())
        return Error::not_found("department", p.name() + ": a business department has no head");
    offices.push_back(std::move(o));
  }
  return offices;
}

// The departments' views kept in memory: read once from the database, then each assignment's
// weight added as it is made. Right only while nothing else writes: gen alone, on its own store.
// A generated organisation records no absences and no end of service, so a view stays right from
// day to day; it is read again for a new year, whose loads start afresh (the plan's window).
class KeptViews final : public DepartmentViews {
 public:
  Result<DepartmentView> view(Transaction& tx, const Context& ctx, const Case& c,
                              const PlanRules& rules) override {
    auto at = views_.find(c.intake().department.value);
    if (at == views_.end()) {
      auto read = read_department_view(tx, ctx, c, rules);
      if (!read) return read.error();
      at = views_.emplace(c.intake().department.value, std::move(*read)).first;
    }
    return at->second;
  }
  void assigned(DepartmentId d, UnitId u, int weight) {
    for (auto& s : views_.at(d.value).units)
      if (s.unit == u) s.weight_sum += weight;
  }
  // Forgets them all: after a transaction that failed, what it added is gone from the database.
  void clear() { views_.clear(); }

 private:
  std::map<std::int64_t, DepartmentView> views_;
};

}  // namespace

Result<CaseHistory> generate_case_history(Store& store, SteppingClock& clock,
                                          const DrawCrypto& crypto,
                                          const CaseHistoryOptions& options,
                                          const Progress& progress) {
  if (options.cases < 0) return Error::invalid("cases", "out_of_range", "cases must be ≥ 0");
  if (options.batch < 1) return Error::invalid("batch", "out_of_range", "batch must be ≥ 1");
  if (options.to < options.from) return Error::invalid("to", "out_of_range", "to before from");
  const auto& calendar = official_calendar();
  std::vector<Date> days;
  for (auto d = options.from; !(options.to < d); d = Date::from_days(d.days_since_epoch() + 1)) {
    auto work = calendar.is_workday(d);
    if (!work) return work.error();
    if (*work) days.push_back(d);
  }
  if (days.empty()) return Error::invalid("from", "no_working_day", "no working day in the range");

  CaseHistory out;
  out.days = static_cast<int>(days.size());
  clock.set(options.from, 8 * 60);
  std::vector<Office> offices;
  ZEREN_TRY(store.transact([&](Transaction& tx) -> Status {
    auto read = read_offices(tx);
    if (!read) return read.error();
    offices = std::move(*read);
    return ok_status();
  }));
  const PlanRules rules;  // every department's plan: the default one
  // Every business department's plan, in one transaction: proposed by its head, approved by
  // the chief, in force from the first day.
  ZEREN_TRY(store.transact([&](Transaction& tx) -> Status {
    for (const auto& o : offices)
      for (const auto& desk : o.desks) {
        auto head = actor_for_person(tx, desk.head);
        auto chief = actor_for_person(tx, o.chief);
        if (!head) return head.error();
        if (!chief) return chief.error();
        auto plan = propose_plan(tx, {*head, clock}, {desk.id, rules, options.from});
        if (!plan) return plan.error();
        ZEREN_TRY(decide_plan(tx, {*chief, clock}, {*plan, true, "同意"}));
        ++out.plans;
      }
    return ok_status();
  }));

  // Cases per 院 in proportion to its prosecutors; each 院's cases spread evenly over the days.
  std::int64_t prosecutors = 0;
  for (const auto& o : offices) prosecutors += o.prosecutors;
  std::vector<std::int64_t> quota;
  std::int64_t assigned_quota = 0;
  for (const auto& o : offices) {
    quota.push_back(options.cases * o.prosecutors / std::max<std::int64_t>(1, prosecutors));
    assigned_quota += quota.back();
  }
  for (std::size_t i = 0; assigned_quota < options.cases; i = (i + 1) % quota.size())
    ++quota[i], ++assigned_quota;

  std::mt19937_64 rng(options.seed);
  auto uniform = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  std::vector<std::int64_t> doc_serial(offices.size(), 0);
  KeptViews views;

  // The intakes of one day, in a random order of 院, as (office index) entries.
  std::vector<std::size_t> today;
  std::vector<CaseIntake> batch;
  std::vector<std::size_t> batch_office;
  auto flush = [&]() -> Status {
    if (batch.empty()) return ok_status();
    bool again = false;
    const Status done = store.transact([&](Transaction& tx) -> Status {
      // A run that starts again (a busy database) starts from what the database holds.
      if (again) views.clear();
      again = true;
      std::int64_t assigned = 0;
      for (std::size_t k = 0; k < batch.size(); ++k) {
        const Office& o = offices[batch_office[k]];
        auto r = intake_case(tx, {o.case_manager, clock, &views}, crypto, batch[k]);
        if (!r) return r.error();
        if (!r->assignment) continue;
        ++assigned;
        views.assigned(batch[k].department, r->assignment->unit, rules.weight(batch[k].difficulty));
      }
      out.assigned += assigned;
      return ok_status();
    });
    if (!done) {
      views.clear();
      return done.error();
    }
    out.cases += static_cast<std::int64_t>(batch.size());
    out.unassigned = out.cases - out.assigned;
    ++out.transactions;
    batch.clear();
    batch_office.clear();
    if (progress) progress(out.cases, options.cases);
    return ok_status();
  };

  for (std::size_t day = 0; day < days.size(); ++day) {
    // Every batch belongs to one day: the clock stands on that day while it is taken in.
    ZEREN_TRY(flush());
    if (day > 0 && days[day].year() != days[day - 1].year()) views.clear();
    clock.set(days[day], 9 * 60);
    int batches_today = 0;
    today.clear();
    for (std::size_t i = 0; i < offices.size(); ++i) {
      // This 院's cases up to the end of this day, minus those up to the end of the day before.
      const auto upto = [&](std::size_t d) {
        return quota[i] * static_cast<std::int64_t>(d) / static_cast<std::int64_t>(days.size());
      };
      for (auto k = upto(day); k < upto(day + 1); ++k) today.push_back(i);
    }
    std::shuffle(today.begin(), today.end(), rng);
    for (std::size_t i : today) {
      const Office& o = offices[i];
      const Desk& desk = o.desks[static_cast<std::size_t>(uniform(0, o.desks.size() - 1))];
      CaseIntake in;
      in.procuratorate = o.id;
      in.department = desk.id;
      in.category =
          desk.categories[static_cast<std::size_t>(uniform(0, desk.categories.size() - 1))];
      in.received_on = days[day];
      in.difficulty = uniform(0, 9) < 2 ? Difficulty::difficult : Difficulty::ordinary;
      const bool criminal = in.category == CaseCategory::arrest_review ||
                            in.category == CaseCategory::prosecution_review;
      in.custody = criminal && uniform(0, 9) < 6;
      for (auto k = uniform(1, 3); k > 0; --k) in.parties.push_back(invented_name(rng));
      in.source_org = criminal ? o.short_code + "公安局" : o.short_code + "人民法院";
      in.source_doc_no = o.short_code + "公（刑）字〔" + std::to_string(days[day].year()) + "〕" +
                         std::to_string(++doc_serial[i]) + "号";
      batch.push_back(std::move(in));
      batch_office.push_back(i);
      if (static_cast<int>(batch.size()) >= options.batch) {
        ZEREN_TRY(flush());
        // A minute later for the next batch of the day, so that entries keep a readable order.
        clock.set(days[day], 9 * 60 + std::min(8 * 60, ++batches_today));
      }
    }
  }
  ZEREN_TRY(flush());
  return out;
}

}  // namespace zeren::app
