// Case numbers as people type them (domain-rules §15): every spelling of a 受案号 or 文书号 reads
// to the same value and its current spelling; what is not a case number is refused naming the part.
#include <gtest/gtest.h>

#include "domain/case.hpp"
#include "domain/case_number.hpp"

namespace zeren {
namespace {

CaseNumber read(std::string_view text) {
  auto n = parse_case_number(text);
  EXPECT_TRUE(n.ok()) << text << ": " << (n.ok() ? "" : n.error().message);
  return n.ok() ? *n : CaseNumber{};
}

std::string refusal(std::string_view text) {
  auto n = parse_case_number(text);
  EXPECT_FALSE(n.ok()) << text << " was read as " << (n.ok() ? n->canonical() : "");
  if (n.ok()) return {};
  EXPECT_EQ(n.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(n.error().field, "case_number");
  EXPECT_FALSE(n.error().message.empty());
  return n.error().code;
}

TEST(CaseNumber, ReadsTheCurrentAcceptanceNumberIntoItsParts) {
  const CaseNumber n = read("嘉检刑诉受〔2026〕12号");
  EXPECT_EQ(n.procuratorate_code, "嘉");
  EXPECT_EQ(n.business_code, "刑诉");
  EXPECT_TRUE(n.acceptance);
  EXPECT_EQ(n.year, 2026);
  EXPECT_EQ(n.serial, 12);
  EXPECT_EQ(n.canonical(), "嘉检刑诉受〔2026〕12号");
}

TEST(CaseNumber, TheCanonicalAcceptanceNumberIsTheOneIntakeAllocates) {
  const CaseNumber n = read("嘉城检刑捕受[2025]7号");
  EXPECT_EQ(n.canonical(), format_case_number(kDefaultCaseNumberFormat, "嘉城", "刑捕", 2025, 7));
}

TEST(CaseNumber, EverySpellingOfTheBracketsReadsTheSame) {
  const CaseNumber want = read("嘉检刑诉受〔2026〕12号");
  for (const char* spelling :
       {"嘉检刑诉受[2026]12号", "嘉检刑诉受［2026］12号", "嘉检刑诉受(2026)12号",
        "嘉检刑诉受（2026）12号", "嘉检刑诉受【2026】12号", "嘉检刑诉受〔2026]12号"})
    EXPECT_EQ(read(spelling), want) << spelling;
}

TEST(CaseNumber, Optional第SpacesFullWidthDigitsAndLeadingZerosAreAccepted) {
  const CaseNumber want = read("嘉检刑诉受〔2026〕12号");
  for (const char* spelling : {"嘉检刑诉受[2026]第12号", "  嘉检刑诉受[2026]12号\t",
                               "\u3000嘉检刑诉受〔2026〕12号\u3000", "嘉检刑诉受 [ 2026 ] 第 12 号",
                               "嘉检刑诉受〔２０２６〕１２号", "嘉检刑诉受〔2026〕第0012号"})
    EXPECT_EQ(read(spelling), want) << spelling;
}

TEST(CaseNumber, ADocumentNumberHasNo受AndKeepsItsOwnFormat) {
  const CaseNumber n = read("渝巴检刑诉[2016]第585号");
  EXPECT_FALSE(n.acceptance);
  EXPECT_EQ(n.procuratorate_code, "渝巴");
  EXPECT_EQ(n.canonical(), "渝巴检刑诉〔2016〕585号");
  EXPECT_EQ(read("深龙华检刑诉〔2019〕1247号").canonical(), "深龙华检刑诉〔2019〕1247号");
}

TEST(CaseNumber, TheOlder字AfterTheBusinessCodeIsDropped) {
  const CaseNumber n = read("嘉检刑捕字[2025]第3号");
  EXPECT_EQ(n.business_code, "刑捕");
  EXPECT_FALSE(n.acceptance);
  EXPECT_EQ(n.canonical(), "嘉检刑捕〔2025〕3号");
}

TEST(CaseNumber, TheOld1Point0NumberWithItsLongSerialReads) {
  const CaseNumber n = read("咸检起诉受[2014]42282600109号");
  EXPECT_EQ(n.business_code, "起诉");
  EXPECT_EQ(n.serial, 42282600109);
  EXPECT_EQ(n.canonical(), "咸检起诉受〔2014〕42282600109号");
}

TEST(CaseNumber, RefusesEachMissingOrWrongPartByName) {
  EXPECT_EQ(refusal(""), "required");
  EXPECT_EQ(refusal("   "), "required");
  EXPECT_EQ(refusal("张三"), "missing_jian");
  EXPECT_EQ(refusal("检刑诉受〔2026〕1号"), "invalid_procuratorate_code");
  EXPECT_EQ(refusal("嘉 检刑诉受〔2026〕1号"), "invalid_procuratorate_code");
  EXPECT_EQ(refusal("嘉检受〔2026〕1号"), "invalid_business_code");
  EXPECT_EQ(refusal("嘉检刑诉受2026年1号"), "missing_year");
  EXPECT_EQ(refusal("嘉检刑诉受〔26〕1号"), "invalid_year");
  EXPECT_EQ(refusal("嘉检刑诉受〔20260〕1号"), "invalid_year");
  EXPECT_EQ(refusal("嘉检刑诉受〔1948〕1号"), "invalid_year");
  EXPECT_EQ(refusal("嘉检刑诉受〔2026 1号"), "missing_bracket");
  EXPECT_EQ(refusal("嘉检刑诉受〔2026〕号"), "missing_serial");
  EXPECT_EQ(refusal("嘉检刑诉受〔2026〕0号"), "invalid_serial");
  EXPECT_EQ(refusal("嘉检刑诉受〔2026〕1234567890123456号"), "invalid_serial");
  EXPECT_EQ(refusal("嘉检刑诉受〔2026〕12"), "missing_hao");
  EXPECT_EQ(refusal("嘉检刑诉受〔2026〕12号之一"), "trailing_text");
  EXPECT_EQ(refusal("嘉检刑诉\xff受〔2026〕12号"), "invalid_text");
}

TEST(CaseNumber, TheLongestCodesAndSerialAreTheLimitsAndOneMoreIsRefused) {
  EXPECT_EQ(read("一二三四五六检刑诉受〔2026〕1号").procuratorate_code, "一二三四五六");
  EXPECT_EQ(refusal("一二三四五六七检刑诉受〔2026〕1号"), "invalid_procuratorate_code");
  EXPECT_EQ(read("嘉检一二三四五六受〔2026〕1号").business_code, "一二三四五六");
  EXPECT_EQ(refusal("嘉检一二三四五六七受〔2026〕1号"), "invalid_business_code");
  EXPECT_EQ(read("嘉检刑诉受〔2026〕999999999999999号").serial, 999999999999999);
  EXPECT_EQ(read("嘉检刑诉受〔1949〕1号").year, 1949);
}

TEST(CaseNumber, ACodeEndingIn受Or字WouldReadBackAsAnotherNumberAndIsRefused) {
  EXPECT_EQ(refusal("嘉检刑诉受受〔2026〕1号"), "invalid_business_code");
  EXPECT_EQ(refusal("嘉检刑诉字字〔2026〕1号"), "invalid_business_code");
}

}  // namespace
}  // namespace zeren
