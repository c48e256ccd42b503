// decode_people_csv: a roster's rows with their names unresolved; every error names the line and
// the column.
#include "codec/people_csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zeren::codec {
namespace {

constexpr const char* kHeader = "院,部门,姓名,人员类别,用工性质,职务,起始日期,终止日期\r\n";

Error error_of(const std::string& text) {
  auto rows = decode_people_csv(text);
  EXPECT_FALSE(rows.ok()) << text;
  return rows ? Error{} : rows.error();
}

TEST(PeopleCsv, DecodesEveryColumn) {
  auto rows = decode_people_csv(std::string("\xEF\xBB\xBF") + kHeader +
                                "嘉峪关市人民检察院,第一检察部,方志诚,员额检察官,,检委会委员,"
                                "2026-01-05,\r\n"
                                " 嘉 , 第一检察部 ,\xE3\x80\x80汤明远\xE3\x80\x80,书记员,聘用,,,"
                                "2028-02-29\r\n");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  const auto& a = (*rows)[0];
  EXPECT_EQ(a.line, 2);
  EXPECT_EQ(a.procuratorate, "嘉峪关市人民检察院");
  EXPECT_EQ(a.department, "第一检察部");
  EXPECT_EQ(a.name, "方志诚");
  EXPECT_EQ(a.category, PersonCategory::prosecutor);
  EXPECT_EQ(a.employment, Employment::none);
  ASSERT_EQ(a.posts.size(), 1u);
  EXPECT_EQ(a.posts[0].kind, PostKind::committee_member);
  EXPECT_TRUE(a.posts[0].departments.empty());
  EXPECT_EQ(a.active_from, Date::from_ymd(2026, 1, 5).value());
  EXPECT_FALSE(a.active_to);
  const auto& b = (*rows)[1];
  EXPECT_EQ(b.line, 3);
  EXPECT_EQ(b.procuratorate, "嘉");  // spaces, ASCII and ideographic, trimmed
  EXPECT_EQ(b.name, "汤明远");
  EXPECT_EQ(b.category, PersonCategory::clerk);
  EXPECT_EQ(b.employment, Employment::contract);
  EXPECT_EQ(b.active_to, Date::from_ymd(2028, 2, 29).value());
}

TEST(PeopleCsv, EnglishColumnsInAnyOrderAndCaseAndOnlyTheRequiredOnes) {
  auto rows =
      decode_people_csv("Name,CATEGORY,department,Procuratorate\n张三,assistant,办公室,嘉\n");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].name, "张三");
  EXPECT_EQ((*rows)[0].category, PersonCategory::assistant);
  EXPECT_EQ((*rows)[0].department, "办公室");
  EXPECT_TRUE((*rows)[0].posts.empty());
}

TEST(PeopleCsv, PostsSplitOnEitherSemicolonWithDepartmentsInEitherBrackets) {
  auto rows =
      decode_people_csv(std::string(kHeader) +
                        "嘉,第三检察部,任思齐,员额检察官,,\"副检察长（第一检察部、第二检察部,"
                        "第三检察部）;检委会委员；部门负责人; \",,\n"
                        "嘉,第三检察部,王某,员额检察官,,部门负责人(第四检察部),,\n");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  const auto& posts = (*rows)[0].posts;
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[0].kind, PostKind::deputy_chief);
  EXPECT_EQ(posts[0].departments,
            (std::vector<std::string>{"第一检察部", "第二检察部", "第三检察部"}));
  EXPECT_EQ(posts[1].kind, PostKind::committee_member);
  EXPECT_EQ(posts[2].kind, PostKind::department_head);  // heads the row's own department
  EXPECT_EQ(posts[2].departments, (std::vector<std::string>{"第三检察部"}));
  EXPECT_EQ((*rows)[1].posts.at(0).departments, (std::vector<std::string>{"第四检察部"}));
}

TEST(PeopleCsv, ABadValueNamesTheLineAndTheColumn) {
  const std::string h = kHeader;
  auto bad_category = error_of(h + "嘉,办公室,甲,员额检察官,,,,\n嘉,办公室,乙,检查官,,,,\n");
  EXPECT_EQ(bad_category.field, "line 3: 人员类别");
  EXPECT_EQ(bad_category.code, "invalid_category");
  EXPECT_EQ(bad_category.kind, ErrorKind::invalid_argument);
  EXPECT_EQ(bad_category.message.rfind("第 3 行「人员类别」：「检查官」", 0), 0u);
  EXPECT_NE(bad_category.message.find("检察官助理"), std::string::npos);  // what is allowed

  EXPECT_EQ(error_of(h + "嘉,办公室,甲,书记员,临时,,,\n").field, "line 2: 用工性质");
  EXPECT_EQ(error_of(h + "嘉,办公室,甲,员额检察官,,院长,,\n").field, "line 2: 职务");
  auto bad_date = error_of(h + "嘉,办公室,甲,员额检察官,,,,2026-02-30\n");
  EXPECT_EQ(bad_date.field, "line 2: 终止日期");
  EXPECT_EQ(bad_date.code, "invalid_date");
  EXPECT_EQ(error_of(h + "嘉,办公室,甲,员额检察官,,,2026/1/5,\n").field, "line 2: 起始日期");
  EXPECT_EQ(error_of(h + "嘉,办公室,甲,员额检察官,,副检察长(第一检察部,,\n").code, "invalid_posts");
  EXPECT_EQ(error_of(h + "嘉,办公室,甲,员额检察官,,检委会委员),,\n").code, "invalid_posts");
}

TEST(PeopleCsv, LineNumbersCountQuotedLineBreaksAndEmptyLines) {
  auto e =
      error_of(std::string(kHeader) + "\r\n嘉,\"办公\r\n室\",甲,员额检察官,,,,\r\n,,,,,,,\r\n" +
               "嘉,办公室,乙,员额检察官,,,,2026-13-01\r\n");
  EXPECT_EQ(e.field, "line 6: 终止日期");
}

TEST(PeopleCsv, ARequiredColumnOrCellMissingIsNamed) {
  auto missing = error_of("院,部门,姓名\n嘉,办公室,甲\n");
  EXPECT_EQ(missing.field, "line 1: 人员类别");
  EXPECT_EQ(missing.code, "missing_column");
  auto empty = error_of(std::string(kHeader) + "嘉,办公室, ,员额检察官,,,,\n");
  EXPECT_EQ(empty.field, "line 2: 姓名");
  EXPECT_EQ(empty.code, "required");
  // A short row lacks the cells at its end.
  EXPECT_EQ(error_of(std::string(kHeader) + "嘉,办公室,甲\n").field, "line 2: 人员类别");
}

TEST(PeopleCsv, UnknownAndRepeatedColumnsAreRefused) {
  auto unknown = error_of("院,部门,姓名,人员类别,备注\n嘉,办公室,甲,员额检察官,\n");
  EXPECT_EQ(unknown.field, "line 1: 备注");
  EXPECT_EQ(unknown.code, "unknown_column");
  auto twice = error_of("院,部门,姓名,name,人员类别\n");
  EXPECT_EQ(twice.field, "line 1: 姓名");
  EXPECT_EQ(twice.code, "duplicate_column");
}

TEST(PeopleCsv, AValueUnderNoColumnIsRefusedButEmptyOnesAreNot) {
  auto extra = error_of("院,部门,姓名,人员类别\n嘉,办公室,甲,员额检察官,多余\n");
  EXPECT_EQ(extra.field, "line 2: 第 5 列");
  EXPECT_EQ(extra.code, "unnamed_column");
  EXPECT_EQ(error_of("院,,部门,姓名,人员类别\n嘉,x,办公室,甲,员额检察官\n").field,
            "line 2: 第 2 列");
  EXPECT_TRUE(decode_people_csv("院,部门,姓名,人员类别,\n嘉,办公室,甲,员额检察官,,,\n").ok());
}

TEST(PeopleCsv, RowsOfEmptyCellsAreSkippedAndARosterOfNoneIsRefused) {
  auto rows = decode_people_csv(std::string(kHeader) + ",,,,,,,\n嘉,办公室,甲,员额检察官\n , ,\n");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(rows->size(), 1u);
  EXPECT_EQ(error_of(std::string(kHeader) + ",,,,,,,\r\n").code, "empty_roster");
  EXPECT_EQ(error_of(kHeader).code, "empty_roster");
}

TEST(PeopleCsv, ErrorsOfTheCsvItselfComeThrough) {
  EXPECT_EQ(error_of(std::string(kHeader) + "嘉,办公室,\xD6\xD0,员额检察官\n").field, "line 2");
  EXPECT_EQ(error_of(std::string(kHeader) + "嘉,\"办公室,甲\n").code, "unclosed_quote");
  EXPECT_EQ(error_of("").code, "no_header");
}

TEST(PeopleCsv, MoreRowsThanTheLimitAreRefused) {
  std::string text = kHeader;
  for (std::size_t i = 0; i <= kMaxPeopleRows; ++i) text += "嘉,办公室,甲,员额检察官\n";
  auto e = error_of(text);
  EXPECT_EQ(e.code, "too_many_rows");
  EXPECT_EQ(e.field, "line " + std::to_string(kMaxPeopleRows + 2));
}

}  // namespace
}  // namespace zeren::codec
