#include "conformance.hpp"
#include "postgres_factory.hpp"

#include <algorithm>
#include <map>

#include "app/organisation_cache.hpp"
#include "app/queries.hpp"
#include "app/use_cases.hpp"
#include "audit/store_audit.hpp"
#include "security/argon2_password_hasher.hpp"

namespace zeren::testing {

using app::Actor;

std::uint64_t Fixture::audit_size() {
  return *transact_value<std::uint64_t>(store(), [](Transaction& tx) { return tx.audit().size(); });
}

void Fixture::build() {
  auto s = store().transact([&](Transaction& tx) -> Status {
    auto c = ctx(console);
    auto city_r = app::add_procuratorate(tx, c, {"嘉峪关市人民检察院", "嘉", Level::city, {}});
    if (!city_r) return city_r.error();
    city = *city_r;
    auto district_r =
        app::add_procuratorate(tx, c, {"嘉峪关市城区人民检察院", "嘉城", Level::district, city});
    if (!district_r) return district_r.error();
    district = *district_r;
    const std::set<CaseCategory> crim{CaseCategory::arrest_review,
                                      CaseCategory::prosecution_review};
    auto d1 = app::add_department(tx, c, {city, "第一检察部", DepartmentKind::business, crim});
    if (!d1) return d1.error();
    city_first = *d1;
    auto d2 = app::add_department(tx, c, {district, "第一检察部", DepartmentKind::business, crim});
    if (!d2) return d2.error();
    district_first = *d2;
    auto deputy = Post::create(PostKind::deputy_chief, {city_first});
    auto p1 = app::add_person(tx, c,
                              {city,
                               city_first,
                               "周明远",
                               PersonCategory::prosecutor,
                               Employment::none,
                               {*deputy},
                               {},
                               {}});
    if (!p1) return p1.error();
    lead = *p1;
    auto p2 = app::add_person(
        tx, c,
        {city, city_first, "林晓雯", PersonCategory::prosecutor, Employment::none, {}, {}, {}});
    if (!p2) return p2.error();
    second = *p2;
    auto p3 = app::add_person(
        tx, c, {city, city_first, "韩雪", PersonCategory::clerk, Employment::contract, {}, {}, {}});
    if (!p3) return p3.error();
    clerk = *p3;
    return ok_status();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
}

void Conformance::SetUp() {
  if (GetParam().name == "postgresql" && postgres_admin_url().empty())
    GTEST_SKIP() << "no PostgreSQL cluster (run through ctest, which starts one)";
  f.factory = GetParam().make();
  auto o = f.factory->open_fresh();
  ASSERT_TRUE(o.ok()) << o.error().message;
  f.opened = std::move(*o);
}

namespace {

TEST_P(Conformance, MigrationsApplyInOrderFromEmptyAndNotAgain) {
  EXPECT_TRUE(f.opened.created);
  EXPECT_EQ(
      f.opened.applied_migrations,
      (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}));
  EXPECT_EQ(f.opened.schema_version, 20);
  EXPECT_EQ(f.opened.hash, audit::HashAlgorithm::sm3);
  f.opened.store.reset();
  auto again = f.factory->reopen();
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->created);
  EXPECT_TRUE(again->applied_migrations.empty());
  EXPECT_EQ(again->schema_version, 20);
}

TEST_P(Conformance, TheOrganisationReadsBackAsWritten) {
  f.build();
  auto s = f.store().transact([&](Transaction& tx) -> Status {
    auto c = f.ctx(f.console);
    auto unit = app::add_unit(tx, c,
                              {f.city_first,
                               UnitKind::team,
                               "第一检察部周明远办案组",
                               f.lead,
                               {f.second, f.clerk},
                               {CaseCategory::arrest_review},
                               {Difficulty::ordinary, Difficulty::difficult},
                               Share{2000},
                               1});
    if (!unit) return unit.error();
    ZEREN_TRY(app::record_absence(
        tx, c, {f.second, *Date::parse("2026-12-01"), *Date::parse("2026-12-05"), "培训"}));

    auto u = tx.organisation().find_unit(*unit);
    EXPECT_TRUE(u.ok());
    EXPECT_EQ(u->name(), "第一检察部周明远办案组");
    EXPECT_EQ(u->kind(), UnitKind::team);
    EXPECT_EQ(u->lead(), f.lead);
    EXPECT_EQ(u->members(), (std::vector<PersonId>{f.second, f.clerk}));
    EXPECT_EQ(u->share().basis_points, 2000);
    EXPECT_EQ(u->difficulties().size(), 2u);
    EXPECT_TRUE(u->active());

    auto lead = tx.organisation().find_person(f.lead);
    EXPECT_TRUE(lead.ok());
    EXPECT_EQ(lead->name(), "周明远");
    EXPECT_TRUE(lead->holds(PostKind::deputy_chief));
    EXPECT_EQ(lead->posts()[0].departments, (std::vector<DepartmentId>{f.city_first}));

    auto second = tx.organisation().find_person(f.second);
    EXPECT_TRUE(second->absent_on(*Date::parse("2026-12-03")));
    EXPECT_FALSE(second->absent_on(*Date::parse("2026-12-06")));

    auto clerk = tx.organisation().find_person(f.clerk);
    EXPECT_EQ(clerk->employment(), Employment::contract);

    auto district = tx.organisation().find_procuratorate_by_code("嘉城");
    EXPECT_TRUE(district.ok());
    EXPECT_EQ(district->parent(), std::optional<ProcuratorateId>(f.city));
    EXPECT_EQ(district->level(), Level::district);

    auto dept = tx.organisation().find_department_by_name(f.city, "第一检察部");
    EXPECT_TRUE(dept.ok());
    EXPECT_TRUE(dept->accepts(CaseCategory::prosecution_review));
    EXPECT_FALSE(dept->accepts(CaseCategory::public_interest));

    EXPECT_EQ(tx.organisation().list_persons(f.city)->size(), 3u);
    EXPECT_EQ(tx.organisation().list_persons(f.district)->size(), 0u);
    EXPECT_EQ(tx.organisation().list_units(f.city)->size(), 1u);
    EXPECT_EQ(tx.organisation().list_units(f.district)->size(), 0u);
    EXPECT_EQ(tx.organisation().list_departments(std::nullopt)->size(), 2u);
    EXPECT_EQ(tx.organisation().find_person(PersonId{9999}).error().kind, ErrorKind::not_found);
    return ok_status();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
}

// A leader who supervises the lower 院 is shown his 院 and those directly below it, read in one
// go: the lists hold exactly those, in id order, and never a 院 two levels down or beside it.
TEST_P(Conformance, AProcuratoratesListsWithTheLowerHoldItAndTheOnesDirectlyBelowOnly) {
  f.build();
  auto s = f.store().transact([&](Transaction& tx) -> Status {
    auto c = f.ctx(f.console);
    const std::set<CaseCategory> crim{CaseCategory::prosecution_review};
    // A province over a second city and its district, beside the fixture's city and district.
    auto province = app::add_procuratorate(tx, c, {"甘肃省人民检察院", "甘", Level::province, {}});
    if (!province) return province.error();
    auto city2 = app::add_procuratorate(tx, c, {"酒泉市人民检察院", "酒", Level::city, *province});
    if (!city2) return city2.error();
    auto district2 =
        app::add_procuratorate(tx, c, {"酒泉市肃州区人民检察院", "酒肃", Level::district, *city2});
    if (!district2) return district2.error();
    // One department, one person and one unit in each 院, in an order that interleaves their ids.
    std::map<std::int64_t, DepartmentId> dept;
    std::map<std::int64_t, PersonId> person;
    for (auto where : {*district2, f.district, *province, f.city, *city2}) {
      auto d = app::add_department(tx, c, {where, "第二检察部", DepartmentKind::business, crim});
      if (!d) return d.error();
      dept[where.value] = *d;
    }
    for (auto where : {*city2, f.city, *district2, *province, f.district}) {
      auto p = app::add_person(tx, c,
                               {where,
                                dept[where.value],
                                "检察官" + std::to_string(where.value),
                                PersonCategory::prosecutor,
                                Employment::none,
                                {},
                                {},
                                {}});
      if (!p) return p.error();
      person[where.value] = *p;
    }
    for (auto where : {f.district, *city2, f.city, *province, *district2}) {
      auto u = app::add_unit(tx, c,
                             {dept[where.value],
                              UnitKind::sole,
                              "独任" + std::to_string(where.value),
                              person[where.value],
                              {},
                              crim,
                              {Difficulty::ordinary},
                              Share{10000},
                              1});
      if (!u) return u.error();
    }
    auto& org = tx.organisation();
    const auto ids = [](const auto& list, std::vector<std::int64_t>& out) {
      EXPECT_TRUE(list.ok()) << list.error().message;
      if (list)
        for (const auto& x : *list) out.push_back(x.id().value);
    };
    // What the per-院 lists give for `within`, merged in id order.
    auto expected = [&](std::vector<ProcuratorateId> within) {
      std::vector<std::int64_t> ds, ps, us;
      for (auto w : within) {
        ids(org.list_departments(w), ds);
        ids(org.list_persons(w), ps);
        ids(org.list_units(w), us);
      }
      for (auto* v : {&ds, &ps, &us}) std::sort(v->begin(), v->end());
      return std::vector<std::vector<std::int64_t>>{ds, ps, us};
    };
    auto got = [&](ProcuratorateId p) {
      std::vector<std::int64_t> ds, ps, us;
      ids(org.list_departments_with_lower(p), ds);
      ids(org.list_persons_with_lower(p), ps);
      ids(org.list_units_with_lower(p), us);
      return std::vector<std::vector<std::int64_t>>{ds, ps, us};
    };
    // The 院 directly below each: a province's city, not the city's district.
    const auto lower = [&](ProcuratorateId p) {
      auto l = org.lower_procuratorates(p);
      EXPECT_TRUE(l.ok()) << l.error().message;
      std::vector<std::int64_t> out;
      if (l)
        for (auto id : *l) out.push_back(id.value);
      return out;
    };
    EXPECT_EQ(lower(*province), std::vector<std::int64_t>{city2->value});
    EXPECT_EQ(lower(*city2), std::vector<std::int64_t>{district2->value});
    EXPECT_EQ(lower(f.city), std::vector<std::int64_t>{f.district.value});
    EXPECT_TRUE(lower(*district2).empty());
    EXPECT_EQ(got(*province), expected({*province, *city2}));
    EXPECT_EQ(got(*city2), expected({*city2, *district2}));
    EXPECT_EQ(got(f.city), expected({f.city, f.district}));
    EXPECT_EQ(got(*district2), expected({*district2}));
    // Each list holds whole records: the city's unit with its lead and share, the district's
    // person with the district's department.
    auto units = org.list_units_with_lower(f.city);
    EXPECT_EQ(units->size(), 2u);
    EXPECT_EQ(units->front().lead(), person[f.district.value]);
    EXPECT_EQ(units->front().share().basis_points, 10000);
    auto people = org.list_persons_with_lower(f.city);
    EXPECT_EQ(people->size(), 5u);  // the fixture's three, and one added in each
    EXPECT_EQ(people->back().department(), dept[f.district.value]);
    // The organisation a reader is shown (what names units and people on every page) is his
    // reach: his 院, with those directly below it when he supervises them; all at the console.
    const auto view = [&](const Actor& a) {
      auto v = app::view_organisation(tx, f.ctx(a));
      EXPECT_TRUE(v.ok()) << v.error().message;
      std::vector<std::int64_t> procs, ds, ps, us;
      if (v) {
        for (const auto& p : (*v)->procuratorates) procs.push_back(p.id().value);
        for (const auto& d : (*v)->departments) ds.push_back(d.id().value);
        for (const auto& p : (*v)->persons) ps.push_back(p.id().value);
        for (const auto& u : (*v)->units) us.push_back(u.id().value);
      }
      return std::pair{procs, std::vector<std::vector<std::int64_t>>{ds, ps, us}};
    };
    const auto shown = [&](std::vector<ProcuratorateId> within) {
      std::vector<std::int64_t> procs;
      for (auto w : within) procs.push_back(w.value);
      std::sort(procs.begin(), procs.end());
      return std::pair{procs, expected(within)};
    };
    EXPECT_EQ(view(f.console), shown({f.city, f.district, *province, *city2, *district2}));
    EXPECT_EQ(view(Actor{"user:1", {Role::chief}, *city2, std::nullopt, false}),
              shown({*city2, *district2}));
    EXPECT_EQ(view(Actor{"user:2", {Role::chief}, *province, std::nullopt, false}),
              shown({*province, *city2}));
    EXPECT_EQ(view(Actor{"user:3", {Role::prosecutor}, *city2, std::nullopt, false}),
              shown({*city2}));
    EXPECT_EQ(view(Actor{"user:4", {Role::case_manager}, *district2, std::nullopt, false}),
              shown({*district2}));
    return ok_status();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
}

// A server reuses what it read of the organisation while the organisation's version stays the
// same (app/organisation_cache.hpp): every write of the organisation must move it, in the writing
// transaction and not when that rolls back, and nothing else may.
TEST_P(Conformance, TheOrganisationsVersionMovesWithEveryWriteOfItAndNothingElse) {
  const auto version = [&] {
    auto v = transact_value<std::optional<std::int64_t>>(
        f.store(), [](Transaction& tx) { return tx.organisation().organisation_version(); });
    EXPECT_TRUE(v.ok()) << v.error().message;
    EXPECT_TRUE(v.ok() && v->has_value()) << "a migrated database keeps the version";
    return v.ok() && v->has_value() ? **v : -1;
  };
  const auto moved_by = [&](const char* what, const std::function<Status(Transaction&)>& work) {
    const auto before = version();
    auto s = f.store().transact(work);
    EXPECT_TRUE(s.ok()) << what << ": " << s.error().message;
    EXPECT_GT(version(), before) << what;
  };
  const auto v0 = version();
  f.build();
  EXPECT_GT(version(), v0) << "procuratorates, departments and people added";
  const auto c = f.ctx(f.console);
  UnitId unit;
  moved_by("a unit added", [&](Transaction& tx) -> Status {
    auto u = app::add_unit(tx, c,
                           {f.city_first,
                            UnitKind::sole,
                            "周明远",
                            f.lead,
                            {},
                            {CaseCategory::arrest_review},
                            {Difficulty::ordinary, Difficulty::difficult},
                            Share{},
                            1});
    if (!u) return u.error();
    unit = *u;
    return ok_status();
  });
  moved_by("a unit renamed", [&](Transaction& tx) {
    app::UpdateUnit change{unit};
    change.name = "周明远独任检察官";
    return app::update_unit(tx, c, change);
  });
  moved_by("an absence recorded", [&](Transaction& tx) {
    return app::record_absence(
        tx, c, {f.second, *Date::parse("2026-12-01"), *Date::parse("2026-12-05"), "培训"});
  });
  moved_by("a department added", [&](Transaction& tx) -> Status {
    auto d = app::add_department(
        tx, c, {f.city, "第二检察部", DepartmentKind::business, {CaseCategory::arrest_review}});
    return d ? ok_status() : Status(d.error());
  });

  const auto before = version();
  auto failed = f.store().transact([&](Transaction& tx) -> Status {
    auto p = app::add_person(
        tx, c,
        {f.city, f.city_first, "未入职", PersonCategory::clerk, Employment::contract, {}, {}, {}});
    EXPECT_TRUE(p.ok());
    return Error::invalid("x", "test_failure", "fails after the change");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(version(), before) << "a rolled-back change leaves the version where it was";
  auto read = transact_value<std::size_t>(f.store(), [](Transaction& tx) -> Result<std::size_t> {
    auto people = tx.organisation().list_persons(std::nullopt);
    if (!people) return people.error();
    return people->size();
  });
  EXPECT_EQ(read.value(), 3u);
  EXPECT_EQ(version(), before) << "reading moves nothing";
}

// The views a server keeps: the same view while the organisation stays the same, a new one,
// holding the change, once it has changed, though the change came through another server.
TEST_P(Conformance, AKeptViewOfTheOrganisationServesUntilTheOrganisationChanges) {
  f.build();
  app::OrganisationCache kept;
  auto ctx = f.ctx(f.console);
  ctx.organisations = &kept;
  const auto view = [&] {
    return transact_value<app::OrganisationViewRef>(
        f.store(), [&](Transaction& tx) { return app::view_organisation(tx, ctx); });
  };
  auto first = view();
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto again = view();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(first->get(), again->get()) << "read once, then reused";
  EXPECT_EQ((*again)->persons.size(), 3u);

  auto added = f.store().transact([&](Transaction& tx) -> Status {
    auto p = app::add_person(tx, f.ctx(f.console),  // another server: no shared views
                             {f.city, f.city_first, "沈清", PersonCategory::prosecutor,
                              Employment::none, {}, {}, {}});
    return p ? ok_status() : Status(p.error());
  });
  ASSERT_TRUE(added.ok()) << added.error().message;
  auto after = view();
  ASSERT_TRUE(after.ok());
  EXPECT_NE(after->get(), first->get());
  ASSERT_EQ((*after)->persons.size(), 4u);
  EXPECT_EQ((*after)->persons.back().name(), "沈清");
  EXPECT_EQ(kept.size(), 1u) << "the view of the old organisation is dropped";

  // Another reach is another view, kept beside the first.
  auto city_ctx = f.ctx(Actor{"user:9", {Role::prosecutor}, f.city, std::nullopt, false});
  city_ctx.organisations = &kept;
  auto city_view = transact_value<app::OrganisationViewRef>(
      f.store(), [&](Transaction& tx) { return app::view_organisation(tx, city_ctx); });
  ASSERT_TRUE(city_view.ok()) << city_view.error().message;
  EXPECT_EQ((*city_view)->procuratorates.size(), 1u);
  EXPECT_EQ(kept.size(), 2u);
  EXPECT_EQ(view()->get(), after->get());
}

TEST_P(Conformance, EveryChangeAppendsExactlyOneAuditEntry) {
  const auto before = f.audit_size();
  f.build();  // 2 procuratorates, 2 departments, 3 persons
  EXPECT_EQ(f.audit_size(), before + 7);
  auto entries = transact_value<std::vector<AuditEntry>>(
      f.store(), [&](Transaction& tx) { return tx.audit().read(before + 1, before + 7); });
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ((*entries)[0].event.action, "organisation.procuratorate.add");
  EXPECT_EQ((*entries)[0].event.actor, "cli:test");
  EXPECT_EQ((*entries)[0].event.time_us, f.clock.now);
  EXPECT_EQ((*entries)[4].event.action, "organisation.person.add");
  const auto& fields = (*entries)[4].event.fields;
  EXPECT_NE(std::find(fields.begin(), fields.end(), AuditField{"name", "周明远"}), fields.end());
}

TEST_P(Conformance, AFailedTransactionLeavesNoTraceNotEvenInTheAuditLog) {
  const auto before = f.audit_size();
  auto s = f.store().transact([&](Transaction& tx) -> Status {
    auto id =
        app::add_procuratorate(tx, f.ctx(f.console), {"某市人民检察院", "某", Level::city, {}});
    EXPECT_TRUE(id.ok());
    return Error::invalid("x", "test_failure", "fails after the change");
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "test_failure");
  EXPECT_EQ(f.audit_size(), before);
  auto procs = transact_value<std::vector<Procuratorate>>(
      f.store(), [](Transaction& tx) { return tx.organisation().list_procuratorates(); });
  EXPECT_TRUE(procs->empty());
}

// A view (an HTTP GET) appends nothing to the audit log by design. One that changes data after
// all is still done once and recorded once: on PostgreSQL, which has not noted the chain's length
// for a view, it runs again with the chain's lock taken first.
TEST_P(Conformance, AViewThatChangesDataAfterAllIsDoneAndRecordedOnce) {
  f.build();
  const auto before = f.audit_size();
  int runs = 0;
  auto s = f.store().transact(
      [&](Transaction& tx) -> Status {
        ++runs;
        auto r = app::add_procuratorate(tx, f.ctx(f.console),
                                        {"酒泉市人民检察院", "酒", Level::city, {}});
        return r ? ok_status() : Status(r.error());
      },
      Access::views);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(runs, GetParam().name == "postgresql" ? 2 : 1);
  EXPECT_EQ(f.audit_size(), before + 1);
  auto procs = transact_value<std::vector<Procuratorate>>(
      f.store(), [](Transaction& tx) { return tx.organisation().list_procuratorates(); });
  ASSERT_TRUE(procs.ok());
  EXPECT_EQ(std::count_if(procs->begin(), procs->end(),
                          [](const Procuratorate& p) { return p.short_code() == "酒"; }),
            1);
}

TEST_P(Conformance, UniquenessBreachesAreConflictsAndChangeNothing) {
  f.build();
  const auto before = f.audit_size();
  auto s = f.store().transact([&](Transaction& tx) -> Status {
    return app::add_procuratorate(tx, f.ctx(f.console), {"另一个院", "嘉", Level::city, {}}).ok()
               ? ok_status()
               : Error::conflict("x", "");
  });
  auto again = f.store().transact([&](Transaction& tx) -> Status {
    auto r = app::add_department(
        tx, f.ctx(f.console),
        {f.city, "第一检察部", DepartmentKind::business, {CaseCategory::arrest_review}});
    if (!r) return r.error();
    return ok_status();
  });
  EXPECT_FALSE(s.ok());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(f.audit_size(), before);
}

TEST_P(Conformance, RolesAndScopeAreCheckedBeforeAnyChange) {
  f.build();
  const auto before = f.audit_size();
  const Actor prosecutor{"user:1", {Role::prosecutor}, f.city, std::nullopt, false};
  const Actor district_personnel{"user:2", {Role::personnel}, f.district, std::nullopt, false};
  const Actor city_personnel{"user:3", {Role::personnel}, f.city, std::nullopt, false};
  auto add_dept = [&](const Actor& a, ProcuratorateId where) {
    return f.store().transact([&](Transaction& tx) -> Status {
      auto r = app::add_department(
          tx, f.ctx(a),
          {where, "第二检察部", DepartmentKind::business, {CaseCategory::arrest_review}});
      if (!r) return r.error();
      return ok_status();
    });
  };
  auto wrong_role = add_dept(prosecutor, f.city);
  ASSERT_FALSE(wrong_role.ok());
  EXPECT_EQ(wrong_role.error().kind, ErrorKind::permission_denied);
  auto other_procuratorate = add_dept(district_personnel, f.city);  // lower 院 on the upper one
  ASSERT_FALSE(other_procuratorate.ok());
  EXPECT_EQ(other_procuratorate.error().kind, ErrorKind::permission_denied);
  EXPECT_EQ(other_procuratorate.error().code, "out_of_scope");
  // The upper 院 supervises the lower one by reading, not by changing its organisation.
  auto upper_on_lower = add_dept(city_personnel, f.district);
  ASSERT_FALSE(upper_on_lower.ok());
  EXPECT_EQ(upper_on_lower.error().code, "out_of_scope");
  EXPECT_EQ(f.audit_size(), before);
  EXPECT_TRUE(add_dept(district_personnel, f.district).ok());
  auto taken = add_dept(district_personnel, f.district);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().kind, ErrorKind::conflict);
  EXPECT_EQ(f.audit_size(), before + 1);
}

TEST_P(Conformance, AccountsAreMadeBySecurityAdministratorsWithAStrongPassword) {
  f.build();
  const Argon2PasswordHasher hasher;
  const Actor security_admin{"user:9", {Role::secadmin}, f.city, std::nullopt, false};
  const Actor personnel{"user:8", {Role::personnel}, f.city, std::nullopt, false};
  auto add = [&](const Actor& a, std::string name, std::string password) {
    return transact_value<UserId>(f.store(), [&](Transaction& tx) {
      return app::add_user(tx, f.ctx(a), hasher,
                           {name, password, {Role::case_manager}, f.city, f.clerk, true});
    });
  };
  auto denied = add(personnel, "anguan", "Zeren-Pass-2026");
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().kind, ErrorKind::permission_denied);
  auto weak = add(security_admin, "anguan", "short1A");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().field, "password");
  ASSERT_TRUE(add(security_admin, "anguan", "Zeren-Pass-2026").ok());
  auto dup = add(security_admin, "anguan", "Zeren-Pass-2026");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().kind, ErrorKind::conflict);
  auto u = transact_value<UserAccount>(
      f.store(), [](Transaction& tx) { return tx.users().find_user_by_name("anguan"); });
  ASSERT_TRUE(u.ok());
  EXPECT_TRUE(u->must_change_password());
  EXPECT_TRUE(u->has(Role::case_manager));
  EXPECT_EQ(u->person(), std::optional<PersonId>(f.clerk));
  EXPECT_TRUE(hasher.verify("Zeren-Pass-2026", u->password_hash()));
  EXPECT_FALSE(hasher.verify("Zeren-Pass-2025", u->password_hash()));
  EXPECT_EQ(u->password_hash().rfind("$argon2id$", 0), 0u);
}

TEST_P(Conformance, TheChainAndItsCheckpointsVerify) {
  f.build();
  std::array<std::uint8_t, 32> seed{};
  seed.fill(3);
  const auto key = audit::signing_key_from_seed(seed);
  auto c = audit::write_checkpoint(f.store(), key, f.clock);
  ASSERT_TRUE(c.ok()) << c.error().message;
  ASSERT_TRUE(c->has_value());
  EXPECT_EQ((*c)->size, f.audit_size());
  auto none = audit::write_checkpoint(f.store(), key, f.clock);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());  // already covered
  auto report = audit::verify_store(f.store(), f.opened.hash, key.public_key);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->entries, f.audit_size());
  EXPECT_EQ(report->checkpoints, 1u);
}

// A transaction reads the chain's head and the open draw epochs once and then keeps them: what it
// appends, opens and closes itself must still show in what it reads next, and in the next one.
TEST_P(Conformance, ATransactionSeesItsOwnAppendsAndEpochsAfterReadingThem) {
  Digest second{};
  auto s = f.store().transact([&](Transaction& tx) -> Status {
    auto before = tx.audit().head();
    if (!before) return before.error();
    auto a = tx.audit().append(AuditEvent{1, "test", "test.one", "x:1", {}});
    if (!a) return a.error();
    auto b = tx.audit().append(AuditEvent{2, "test", "test.two", "x:1", {}});
    if (!b) return b.error();
    EXPECT_EQ(b->seq, a->seq + 1);
    auto head = tx.audit().head();
    if (!head) return head.error();
    EXPECT_EQ(*head, b->hash);
    second = b->hash;

    auto none = tx.epochs().open_epochs();
    if (!none) return none.error();
    const auto open_before = none->size();
    DrawEpoch e;
    e.day = *Date::from_ymd(2026, 11, 29);
    e.opened_at_us = 3;
    auto id = tx.epochs().add_epoch(e);
    if (!id) return id.error();
    auto open = tx.epochs().open_epochs();
    if (!open) return open.error();
    EXPECT_EQ(open->size(), open_before + 1);
    EXPECT_EQ(open->back().id, *id);
    ZEREN_TRY(tx.epochs().close_epoch(*id, 4));
    auto after = tx.epochs().open_epochs();
    if (!after) return after.error();
    EXPECT_EQ(after->size(), open_before);
    return ok_status();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  auto next = transact_value<Digest>(f.store(), [](Transaction& tx) { return tx.audit().head(); });
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*next, second) << "the next transaction reads the head this one left";
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, Conformance, ::testing::ValuesIn(all_backends()), backend_name);

}  // namespace zeren::testing
