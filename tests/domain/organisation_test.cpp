// Domain validation at each boundary: the value just inside is accepted, just outside refused
// with an error naming the field.
#include <gtest/gtest.h>

#include "domain/organisation_rules.hpp"
#include "domain/user.hpp"

namespace zeren {
namespace {

const ProcuratorateId kProc{1};
const DepartmentId kDept{1};

Date d(const char* s) { return *Date::parse(s); }

Person person(PersonCategory c, std::int64_t id, std::vector<Post> posts = {},
              ProcuratorateId proc = kProc) {
  auto p = Person::create(proc, kDept, "测试" + std::to_string(id), c,
                          c == PersonCategory::clerk ? Employment::contract : Employment::none,
                          std::move(posts));
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  p->set_id(PersonId{id});
  return *p;
}

Department business_department() {
  auto dep = Department::create(kProc, "第一检察部", DepartmentKind::business,
                                {CaseCategory::arrest_review, CaseCategory::prosecution_review});
  dep->set_id(kDept);
  return *dep;
}

Result<Unit> unit(UnitKind kind, PersonId lead, std::vector<PersonId> members,
                  std::set<CaseCategory> cats = {CaseCategory::arrest_review}) {
  return Unit::create(kDept, kind, "测试单元", lead, std::move(members), std::move(cats),
                      {Difficulty::ordinary}, Share{10000}, 1);
}

TEST(Date, ParsesAndRefusesImpossibleDays) {
  EXPECT_EQ(d("2024-02-29").iso(), "2024-02-29");
  auto bad = Date::parse("2025-02-29", "absence.from");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "absence.from");
  EXPECT_FALSE(Date::parse("2025-2-01").ok());
  EXPECT_FALSE(Date::parse("2025-13-01").ok());
  EXPECT_EQ(Date::from_days(d("2026-11-26").days_since_epoch()), d("2026-11-26"));
  EXPECT_EQ(d("1970-01-02").days_since_epoch(), 1);
}

TEST(Procuratorate, NeedsNameCodeAndForADistrictAParent) {
  EXPECT_TRUE(Procuratorate::create("嘉峪关市人民检察院", "嘉", Level::city, std::nullopt).ok());
  auto no_name = Procuratorate::create("  ", "嘉", Level::city, std::nullopt);
  ASSERT_FALSE(no_name.ok());
  EXPECT_EQ(no_name.error().field, "name");
  auto no_parent = Procuratorate::create("城区院", "嘉城", Level::district, std::nullopt);
  ASSERT_FALSE(no_parent.ok());
  EXPECT_EQ(no_parent.error().field, "parent");
  auto spaced = Procuratorate::create("城区院", "嘉 城", Level::city, std::nullopt);
  ASSERT_FALSE(spaced.ok());
  EXPECT_EQ(spaced.error().field, "short_code");
}

TEST(Procuratorate, ParentMustBeHigher) {
  auto city = *Procuratorate::create("市院", "嘉", Level::city, std::nullopt);
  EXPECT_TRUE(check_parent(Level::district, city).ok());
  auto same = check_parent(Level::city, city);
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().field, "parent");
}

TEST(Department, OnlyBusinessDepartmentsAcceptCategories) {
  EXPECT_FALSE(Department::create(kProc, "第一检察部", DepartmentKind::business, {}).ok());
  auto e = Department::create(kProc, "案件管理部", DepartmentKind::case_management,
                              {CaseCategory::arrest_review});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "categories");
  EXPECT_TRUE(Department::create(kProc, "案件管理部", DepartmentKind::case_management, {}).ok());
}

TEST(Person, ClerksAndOnlyClerksHaveAnEmploymentType) {
  auto missing = Person::create(kProc, kDept, "李华", PersonCategory::clerk, Employment::none, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "employment");
  auto extra = Person::create(kProc, kDept, "李华", PersonCategory::assistant,
                              Employment::established, {});
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.error().field, "employment");
  EXPECT_TRUE(
      Person::create(kProc, kDept, "李华", PersonCategory::clerk, Employment::established, {}).ok());
}

TEST(Person, LeadershipPostsNeedAProsecutor) {
  auto chief = *Post::create(PostKind::chief, {});
  auto e = Person::create(kProc, kDept, "王强", PersonCategory::assistant, Employment::none, {chief});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "posts");
  EXPECT_TRUE(
      Person::create(kProc, kDept, "王强", PersonCategory::prosecutor, Employment::none, {chief}).ok());
  auto head = *Post::create(PostKind::department_head, {kDept});
  EXPECT_TRUE(
      Person::create(kProc, kDept, "王强", PersonCategory::admin_staff, Employment::none, {head}).ok());
}

TEST(Post, DeputyChiefSupervisesAtLeastOneDepartment) {
  auto none = Post::create(PostKind::deputy_chief, {});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().field, "posts.supervises");
  EXPECT_TRUE(Post::create(PostKind::deputy_chief, {DepartmentId{3}}).ok());
  EXPECT_FALSE(Post::create(PostKind::department_head, {DepartmentId{3}, DepartmentId{4}}).ok());
  EXPECT_FALSE(Post::create(PostKind::chief, {DepartmentId{3}}).ok());
}

TEST(Absence, EndsOnOrAfterItsStartAndMayNotOverlap) {
  EXPECT_TRUE(Absence::create(d("2026-12-01"), d("2026-12-01"), "培训").ok());
  auto back = Absence::create(d("2026-12-02"), d("2026-12-01"), "培训");
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().field, "absence.to");
  auto p = person(PersonCategory::prosecutor, 1);
  ASSERT_TRUE(p.add_absence(*Absence::create(d("2026-12-01"), d("2026-12-05"), "培训")).ok());
  EXPECT_TRUE(p.absent_on(d("2026-12-05")));
  EXPECT_FALSE(p.absent_on(d("2026-12-06")));
  auto overlap = p.add_absence(*Absence::create(d("2026-12-05"), d("2026-12-07"), "病假"));
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.error().kind, ErrorKind::conflict);
  EXPECT_TRUE(p.add_absence(*Absence::create(d("2026-12-06"), d("2026-12-07"), "病假")).ok());
}

TEST(Share, IsAboveZeroAndAtMostOne) {
  EXPECT_FALSE(Share::from_decimal(0.0).ok());
  EXPECT_EQ(Share::from_decimal(0.0001)->basis_points, 1);
  EXPECT_EQ(Share::from_decimal(0.2)->basis_points, 2000);
  EXPECT_EQ(Share::from_decimal(1.0)->basis_points, 10000);
  auto over = Share::from_decimal(1.0001, "units[3].share");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().field, "units[3].share");
  EXPECT_FALSE(Share::from_decimal(0.00001).ok());
}

TEST(Unit, TeamHasTwoProsecutorsSoleHasOne) {
  const auto dept = business_department();
  const auto lead = person(PersonCategory::prosecutor, 1);
  const auto second = person(PersonCategory::prosecutor, 2);
  const auto clerk = person(PersonCategory::clerk, 3);

  auto no_members = unit(UnitKind::team, lead.id(), {});
  ASSERT_FALSE(no_members.ok());
  EXPECT_EQ(no_members.error().field, "members");

  auto team_of_one = *unit(UnitKind::team, lead.id(), {clerk.id()});
  auto e = check_unit(team_of_one, dept, lead, {clerk});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "team_too_small");

  auto team = *unit(UnitKind::team, lead.id(), {second.id(), clerk.id()});
  EXPECT_TRUE(check_unit(team, dept, lead, {second, clerk}).ok());

  auto sole = *unit(UnitKind::sole, lead.id(), {second.id()});
  auto e2 = check_unit(sole, dept, lead, {second});
  ASSERT_FALSE(e2.ok());
  EXPECT_EQ(e2.error().code, "sole_has_one_prosecutor");
  EXPECT_TRUE(check_unit(*unit(UnitKind::sole, lead.id(), {clerk.id()}), dept, lead, {clerk}).ok());
}

TEST(Unit, LeadIsAProsecutorOfTheDepartmentsProcuratorate) {
  const auto dept = business_department();
  const auto assistant = person(PersonCategory::assistant, 1);
  const auto clerk = person(PersonCategory::clerk, 2);
  auto e = check_unit(*unit(UnitKind::sole, assistant.id(), {clerk.id()}), dept, assistant, {clerk});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "lead");
  const auto outsider = person(PersonCategory::prosecutor, 3, {}, ProcuratorateId{2});
  auto e2 = check_unit(*unit(UnitKind::sole, outsider.id(), {clerk.id()}), dept, outsider, {clerk});
  ASSERT_FALSE(e2.ok());
  EXPECT_EQ(e2.error().code, "person_of_other_procuratorate");
}

TEST(Unit, AcceptsOnlyItsDepartmentsCategories) {
  const auto dept = business_department();
  const auto lead = person(PersonCategory::prosecutor, 1);
  const auto clerk = person(PersonCategory::clerk, 2);
  auto u = *unit(UnitKind::sole, lead.id(), {clerk.id()}, {CaseCategory::public_interest});
  auto e = check_unit(u, dept, lead, {clerk});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "categories");
}

TEST(Unit, ALeaderWhoJoinsATeamLeadsIt) {
  const auto dept = business_department();
  const auto lead = person(PersonCategory::prosecutor, 1);
  const auto deputy =
      person(PersonCategory::prosecutor, 2, {*Post::create(PostKind::deputy_chief, {kDept})});
  auto e = check_unit(*unit(UnitKind::team, lead.id(), {deputy.id()}), dept, lead, {deputy});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "leader_must_lead");
  EXPECT_TRUE(check_unit(*unit(UnitKind::team, deputy.id(), {lead.id()}), dept, deputy, {lead}).ok());
}

TEST(Summary, CountsStaffAndActiveUnitsPerLevel) {
  auto city = *Procuratorate::create("市院", "嘉", Level::city, std::nullopt);
  city.set_id(ProcuratorateId{1});
  auto dept = business_department();
  std::vector<Person> people{person(PersonCategory::prosecutor, 1),
                             person(PersonCategory::prosecutor, 2),
                             person(PersonCategory::clerk, 3),
                             person(PersonCategory::assistant, 4)};
  auto team = *unit(UnitKind::team, PersonId{1}, {PersonId{2}});
  auto sole = *unit(UnitKind::sole, PersonId{1}, {PersonId{3}});
  auto inactive = *unit(UnitKind::sole, PersonId{2}, {PersonId{3}});
  inactive.deactivate();
  auto s = summarize({city}, {dept}, people, {team, sole, inactive});
  EXPECT_EQ(s.procuratorates, 1);
  EXPECT_EQ(s.staff.prosecutors, 2);
  EXPECT_EQ(s.staff.clerks, 1);
  EXPECT_EQ(s.staff.clerks_contract, 1);
  EXPECT_EQ(s.staff.assistants, 1);
  EXPECT_EQ(s.units.teams, 1);
  EXPECT_EQ(s.units.sole, 1);
  ASSERT_EQ(s.levels.size(), 1u);
  EXPECT_EQ(s.levels[0].level, Level::city);
  EXPECT_EQ(s.levels[0].units.sole, 1);
}

TEST(Password, TenCharactersFromThreeClasses) {
  EXPECT_FALSE(check_password_rule("Abcdefgh1").ok());  // 9
  EXPECT_TRUE(check_password_rule("Abcdefgh12").ok());  // 10, three classes
  auto weak = check_password_rule("abcdefgh12");        // two classes
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().code, "password_too_weak");
  EXPECT_EQ(weak.error().field, "password");
  EXPECT_TRUE(check_password_rule("检察官办案组密码a1").ok());  // CJK counts as "other"
}

TEST(UserAccount, TheThreeAdministratorsAreSeparated) {
  auto both = UserAccount::create("admin", "hash", {Role::sysadmin, Role::auditor},
                                  kProc, std::nullopt, true);
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().field, "roles");
  EXPECT_TRUE(
      UserAccount::create("admin", "hash", {Role::sysadmin}, kProc, std::nullopt, true).ok());
  EXPECT_TRUE(UserAccount::create("chief", "hash", {Role::chief, Role::prosecutor}, kProc,
                                  std::nullopt, true)
                  .ok());
  auto bad_name = UserAccount::create("Chief", "hash", {Role::chief}, kProc, std::nullopt, true);
  ASSERT_FALSE(bad_name.ok());
  EXPECT_EQ(bad_name.error().field, "username");
}

TEST(Vocabulary, ParsesChineseTermsAndCodes) {
  EXPECT_EQ(*parse_term<CaseCategory>("审查逮捕", "category"), CaseCategory::arrest_review);
  EXPECT_EQ(*parse_term<CaseCategory>("prosecution_review", "category"),
            CaseCategory::prosecution_review);
  auto bad = parse_term<CaseCategory>("盗窃", "category");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "category");
}

}  // namespace
}  // namespace zeren
