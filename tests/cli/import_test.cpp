// zeren import people: a roster (人员名册) into the demo organisation, all of it or nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "cli_fixture.hpp"

namespace zeren::cli_test {
namespace {

constexpr const char* kHeader = "院,部门,姓名,人员类别,用工性质,职务,起始日期,终止日期\r\n";

class Import : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    load_demo();
  }

  // Writes the roster and runs `zeren import people` on it with `extra` options.
  Outcome import(const std::string& roster, const std::string& as = "zhengzhi",
                 const std::string& extra = "") {
    const auto path = dir / "roster.csv";
    std::ofstream(path, std::ios::binary) << roster;
    return zeren("import people --json --db " + db + " --as " + as + " --csv " + path.string() +
                 " " + extra);
  }

  int persons() { return std::stoi(scalar("SELECT COUNT(*) FROM person")); }
  std::int64_t entries() { return verify().at("entries").as_int64(); }

  // Nothing the import could have written is there.
  void expect_unchanged(int persons_before, std::int64_t entries_before) {
    EXPECT_EQ(persons(), persons_before);
    EXPECT_EQ(entries(), entries_before);
  }
};

const std::string kGood =
    std::string("\xEF\xBB\xBF") + kHeader +
    "嘉峪关市人民检察院,第一检察部,方志诚,员额检察官,,检委会委员,2026-01-05,\r\n"
    "嘉,第一检察部,单雅琴,检察官助理,,,,\r\n"
    "嘉,第一检察部,汤明远,书记员,聘用,,2026-03-01,2028-02-29\r\n"
    "嘉,第三检察部,任思齐,员额检察官,,\"副检察长(第三检察部,第四检察部)；"
    "检委会委员\",,\r\n"
    "嘉,政治部,晏秋实,司法行政人员,,,,\r\n";

TEST_F(Import, AGoodRosterAddsEveryoneWithAnAuditEntryEach) {
  const int before = persons();
  const auto entries_before = entries();
  auto r = import(kGood);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto out = r.json().as_object();
  EXPECT_EQ(out.at("dry_run"), false);
  EXPECT_EQ(out.at("persons"), 5);
  const auto& departments = out.at("departments").as_array();
  ASSERT_EQ(departments.size(), 3u);
  EXPECT_EQ(departments[0].at("department"), "第一检察部");
  EXPECT_EQ(departments[0].at("persons"), 3);
  EXPECT_EQ(out.at("people").as_array()[2].at("line"), 4);

  EXPECT_EQ(persons(), before + 5);
  EXPECT_EQ(entries(), entries_before + 5);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'organisation.person.add' AND "
                   "actor = (SELECT 'user:' || id FROM user_account WHERE username = 'zhengzhi')"),
            "5");
  EXPECT_EQ(verify().at("ok"), true);

  // As `org people` shows them.
  auto people = zeren("org people --json --db " + db).json().as_array();
  int found = 0;
  for (const auto& p : people) {
    if (p.at("name") == "汤明远") {
      ++found;
      EXPECT_EQ(p.at("procuratorate"), "嘉峪关市人民检察院");
      EXPECT_EQ(p.at("department"), "第一检察部");
      EXPECT_EQ(p.at("category"), "clerk");
      EXPECT_EQ(p.at("employment"), "contract");
    }
    if (p.at("name") == "任思齐") {
      ++found;
      std::map<std::string, json::value> posts;
      for (const auto& post : p.at("posts").as_array())
        posts[std::string(post.at("post").as_string())] = post.at("departments");
      ASSERT_EQ(posts.size(), 2u);
      EXPECT_EQ(posts["deputy_chief"], (json::array{"第三检察部", "第四检察部"}));
      EXPECT_EQ(posts["committee_member"], json::array{});
    }
  }
  EXPECT_EQ(found, 2);
}

TEST_F(Import, TheSampleRosterImportsIntoTheDemo) {
  const auto sample =
      fs::path(__FILE__).parent_path().parent_path().parent_path() / "data/samples/people.csv";
  ASSERT_TRUE(fs::exists(sample)) << sample;
  const int before = persons();
  auto r = zeren("import people --db " + db + " --as zhengzhi --csv " + sample.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("已导入 8 人"), std::string::npos) << r.out;
  EXPECT_EQ(persons(), before + 8);
  EXPECT_EQ(verify().at("ok"), true);
}

TEST_F(Import, OneBadRowChangesNothingAndIsNamedByLineAndColumn) {
  const int before = persons();
  const auto entries_before = entries();
  auto expect_refused = [&](const std::string& roster, int code, const std::string& field) {
    auto r = import(roster);
    EXPECT_EQ(r.code, code) << r.out;
    EXPECT_EQ(r.json().at("error").at("field").as_string(), field) << r.out;
    expect_unchanged(before, entries_before);
  };
  // Caught while decoding.
  expect_refused(kGood + "嘉,第一检察部,甲,检查官,,,,\r\n", 3, "line 7: 人员类别");
  // Caught by the domain after four people were added in the same transaction.
  expect_refused(kGood + "嘉,第一检察部,乙,书记员,,,,\r\n", 3, "line 7: 用工性质");
  expect_refused(kGood + "嘉,第一检察部,丙,检察官助理,,检委会委员,,\r\n", 3, "line 7: 职务");
  expect_refused(kGood + "嘉,第一检察部,丁,员额检察官,,,2026-05-01,2026-04-30\r\n", 3,
                 "line 7: 终止日期");
  // Names that resolve to nothing.
  expect_refused(kGood + "北京,第一检察部,戊,员额检察官,,,,\r\n", 3, "line 7: 院");
  expect_refused(kGood + "嘉,第九检察部,己,员额检察官,,,,\r\n", 3, "line 7: 部门");
  expect_refused(kGood + "嘉,第一检察部,庚,员额检察官,,副检察长(第九检察部),,\r\n", 3,
                 "line 7: 职务");
  // A quoted line break moves the lines after it.
  auto r = import(std::string(kHeader) + "嘉,\"第一\n检察部\",辛,员额检察官,,,,\r\n");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.json().at("error").at("field"), "line 2: 部门");
  auto message = r.json().at("error").at("message").as_string();
  EXPECT_EQ(std::string(message).rfind("第 2 行「部门」", 0), 0u) << message;
}

TEST_F(Import, ANameTwiceInADepartmentIsRefusedSayingWhichRows) {
  const int before = persons();
  const auto entries_before = entries();
  auto twice = import(kGood + "嘉,第一检察部,单雅琴,检察官助理,,,,\r\n");
  EXPECT_EQ(twice.code, 3) << twice.out;
  EXPECT_EQ(twice.json().at("error").at("field"), "line 7: 姓名");
  EXPECT_NE(std::string(twice.json().at("error").at("message").as_string()).find("第 3 行"),
            std::string::npos)
      << twice.out;
  // The same name in another department is someone else.
  EXPECT_EQ(import(kGood + "嘉,第二检察部,单雅琴,检察官助理,,,,\r\n", "zhengzhi", "--dry-run").code,
            0);
  // 郑立群 is the demo's chief, in the city's 第一检察部.
  auto stored = import(kGood + "嘉,第一检察部,郑立群,员额检察官,,,,\r\n");
  EXPECT_EQ(stored.code, 5) << stored.out;
  EXPECT_EQ(stored.json().at("error").at("code"), "person_exists");
  EXPECT_EQ(stored.json().at("error").at("field"), "line 7: 姓名");
  expect_unchanged(before, entries_before);
  // Imported once, the same roster is refused the second time.
  ASSERT_EQ(import(kGood).code, 0);
  auto again = import(kGood);
  EXPECT_EQ(again.code, 5);
  EXPECT_EQ(again.json().at("error").at("field"), "line 2: 姓名");
}

TEST_F(Import, ADryRunReportsWhatItWouldAddAndChangesNothing) {
  const int before = persons();
  const auto entries_before = entries();
  auto r = import(kGood, "zhengzhi", "--dry-run");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.json().at("dry_run"), true);
  EXPECT_EQ(r.json().at("persons"), 5);
  EXPECT_TRUE(r.json().at("people").as_array()[0].at("id").is_null());
  expect_unchanged(before, entries_before);
  // A dry run finds what the import would refuse.
  auto bad = import(kGood + "嘉,第一检察部,乙,书记员,,,,\r\n", "zhengzhi", "--dry-run");
  EXPECT_EQ(bad.code, 3);
  EXPECT_EQ(bad.json().at("error").at("field"), "line 7: 用工性质");
  expect_unchanged(before, entries_before);
  // In text: the count per department.
  const auto path = dir / "roster.csv";
  std::ofstream(path, std::ios::binary) << kGood;
  auto text = zeren("import people --db " + db + " --as zhengzhi --dry-run --csv " + path.string());
  EXPECT_EQ(text.code, 0);
  EXPECT_NE(text.out.find("将导入 5 人"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("嘉峪关市人民检察院 第一检察部  3 人"), std::string::npos) << text.out;
}

TEST_F(Import, OnlyThePersonnelOfficeOrTheSystemAdministratorOfItsProcuratorateImport) {
  const int before = persons();
  const auto entries_before = entries();
  auto prosecutor = import(kGood, "jianchaguan1");
  EXPECT_EQ(prosecutor.code, 6);
  EXPECT_EQ(prosecutor.json().at("error").at("code"), "forbidden");
  EXPECT_EQ(import(kGood, "anguan", "--dry-run").code, 6);
  auto nobody = import(kGood, "nobody");
  EXPECT_EQ(nobody.code, 4);
  EXPECT_EQ(nobody.json().at("error").at("field"), "as");
  // The district's personnel office does not reach the city, nor the city's the district.
  auto district = import(kGood, "cqzhengzhi");
  EXPECT_EQ(district.code, 6);
  EXPECT_EQ(district.json().at("error").at("code"), "out_of_scope");
  EXPECT_EQ(district.json().at("error").at("field"), "line 2: 院");
  auto city = import(std::string(kHeader) + "嘉城,第二检察部,萧云帆,员额检察官,,,,\r\n");
  EXPECT_EQ(city.code, 6);
  EXPECT_EQ(city.json().at("error").at("code"), "out_of_scope");
  expect_unchanged(before, entries_before);
  // Each imports into its own.
  EXPECT_EQ(
      import(std::string(kHeader) + "嘉城,第二检察部,萧云帆,员额检察官,,,,\r\n", "cqzhengzhi").code,
      0);
  EXPECT_EQ(import(kGood, "xitong").code, 0);
  EXPECT_EQ(persons(), before + 6);
  EXPECT_EQ(verify().at("ok"), true);
}

TEST_F(Import, AFileThatIsNotARosterIsAClearError) {
  const int before = persons();
  auto gbk = import(std::string("\xD4\xBA,\xB2\xBF\xC3\xC5\r\n"));  // 院,部门 in GBK
  EXPECT_EQ(gbk.code, 3);
  EXPECT_EQ(gbk.json().at("error").at("field"), "line 1");
  auto missing = zeren("import people --json --db " + db + " --as zhengzhi --csv " +
                       (dir / "none.csv").string());
  EXPECT_EQ(missing.code, 4);
  EXPECT_EQ(missing.json().at("error").at("field"), "csv");
  EXPECT_EQ(zeren("import people --db " + db + " --as zhengzhi").code, 2);  // no --csv
  EXPECT_EQ(persons(), before);
}

}  // namespace
}  // namespace zeren::cli_test
