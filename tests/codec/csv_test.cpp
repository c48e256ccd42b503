// parse_csv: RFC 4180 as spreadsheets write it, every error naming its line.
#include "codec/csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zeren::codec {
namespace {

using Fields = std::vector<std::string>;

std::string error_field(std::string_view text) {
  auto t = parse_csv(text);
  EXPECT_FALSE(t.ok()) << text;
  return t ? "" : t.error().field;
}

std::string error_code(std::string_view text) {
  auto t = parse_csv(text);
  return t ? "" : t.error().code;
}

TEST(Csv, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  auto t =
      parse_csv("a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,row,\"\"\r\n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->header.fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(t->header.line, 1);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].fields, (Fields{"x, y", "he said \"hi\"", "two\nlines"}));
  EXPECT_EQ(t->rows[0].line, 2);
  EXPECT_EQ(t->rows[1].fields, (Fields{"last", "row", ""}));
  EXPECT_EQ(t->rows[1].line, 4);  // the quoted line break counts
}

TEST(Csv, AByteOrderMarkIsSkipped) {
  auto t = parse_csv("\xEF\xBB\xBF姓名,院\n张三,嘉\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->header.fields, (Fields{"姓名", "院"}));
  EXPECT_EQ(t->rows.at(0).fields, (Fields{"张三", "嘉"}));
}

TEST(Csv, CrLfLfAndALoneCrEachEndARecord) {
  auto t = parse_csv("h\r\nb\nc\rd");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[0].line, 2);
  EXPECT_EQ(t->rows[1].line, 3);
  EXPECT_EQ(t->rows[2].line, 4);
  EXPECT_EQ(t->rows[2].fields, (Fields{"d"}));  // no line break at the end
}

TEST(Csv, EmptyLinesAreLeftOutButCounted) {
  auto t = parse_csv("\n\r\nh\n\n\nx\n\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->header.line, 3);
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].line, 6);
}

TEST(Csv, ATrailingCommaIsAnEmptyField) {
  auto t = parse_csv("a,b,\n,,");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->header.fields, (Fields{"a", "b", ""}));
  EXPECT_EQ(t->rows.at(0).fields, (Fields{"", "", ""}));
}

TEST(Csv, InvalidUtf8IsRefusedNamingItsLine) {
  EXPECT_EQ(error_field("h\nok\n\xFF\xFE\n"), "line 3");
  EXPECT_EQ(error_code("h\nok\n\xFF\xFE\n"), "invalid_utf8");
  EXPECT_EQ(error_field("h\n\xC0\xAF\n"), "line 2");          // overlong '/'
  EXPECT_EQ(error_field("h\n\"a\nb\xE5\xBC\"\n"), "line 2");  // cut character, record from line 2
  // GBK, as Excel writes "CSV" on a Chinese Windows: 姓名.
  auto gbk = parse_csv("\xD0\xD5\xC3\xFB\n");
  ASSERT_FALSE(gbk.ok());
  EXPECT_NE(gbk.error().message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(gbk.error().message.rfind("第 1 行", 0), 0u);  // Chinese first
}

TEST(Csv, QuotesOutOfPlaceAreRefusedNamingTheLine) {
  EXPECT_EQ(error_field("h\n\"abc\n\ndef"), "line 2");  // never closed: where it opened
  EXPECT_EQ(error_code("h\n\"abc\n\ndef"), "unclosed_quote");
  EXPECT_EQ(error_field("h\nx\nab\"c\n"), "line 3");
  EXPECT_EQ(error_code("h\nx\nab\"c\n"), "bad_quote");
  EXPECT_EQ(error_field("h\n\"a\nb\"c\n"), "line 3");  // after the closing quote
  EXPECT_EQ(error_code("h\n\"a\nb\"c\n"), "bad_quote");
}

TEST(Csv, AFileWithoutAHeaderIsRefused) {
  for (std::string_view text : {"", "\xEF\xBB\xBF", "\n\r\n\r"})
    EXPECT_EQ(error_code(text), "no_header") << text;
}

TEST(Csv, LimitsAreClearErrors) {
  EXPECT_EQ(error_code(std::string(kMaxCsvBytes + 1, 'x')), "file_too_large");
  EXPECT_EQ(error_field(std::string(kMaxCsvBytes + 1, 'x')), "csv");
  EXPECT_TRUE(parse_csv(std::string(kMaxCsvFields - 1, ',')).ok());
  EXPECT_EQ(error_code("h\n" + std::string(kMaxCsvFields, ',')), "too_many_fields");
  EXPECT_EQ(error_field("h\n" + std::string(kMaxCsvFields, ',')), "line 2");
  std::string lines;
  for (std::size_t i = 0; i < kMaxCsvRecords; ++i) lines += "x\n";
  EXPECT_TRUE(parse_csv(lines).ok());
  EXPECT_EQ(error_field(lines + "x\n"), "line " + std::to_string(kMaxCsvRecords + 1));
}

TEST(Csv, EveryPrefixOfAFileEndsInATableOrAnError) {
  const std::string text =
      "\xEF\xBB\xBF院,\"部\"\"门\",姓名\r\n嘉,\"第一,\r\n检察部\",张三\r\n\r\n\"\",x,\"y\"\"\"\n";
  for (std::size_t n = 0; n <= text.size(); ++n) {
    auto t = parse_csv(std::string_view(text).substr(0, n));
    if (!t) {
      EXPECT_FALSE(t.error().field.empty()) << n;
    }
  }
}

}  // namespace
}  // namespace zeren::codec
