// Statutory deadlines (CPL-2018) at each boundary: the start day is not counted, months end on
// the same day or the month's last day, and a last day on a rest day rolls to the next working
// day — except in custody.
#include <gtest/gtest.h>

#include <string>

#include "domain/deadline.hpp"

namespace zeren {
namespace {

Date d(const char* s) {
  return *Date::parse(s);
}

struct Flags {
  bool custody = false, complex = false, fast_track = false, over_one_year = false;
};

Result<Deadline> due(DeadlineKind kind, const char* start, Flags f = {}) {
  return compute_deadline(default_deadline_rules(), official_calendar(),
                          DeadlineFacts{.kind = kind,
                                        .start = d(start),
                                        .custody = f.custody,
                                        .complex = f.complex,
                                        .fast_track = f.fast_track,
                                        .sentence_over_one_year = f.over_one_year});
}

std::string due_iso(DeadlineKind kind, const char* start, Flags f = {}) {
  auto r = due(kind, start, f);
  EXPECT_TRUE(r.ok()) << start << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? r->due.iso() : "error";
}

constexpr auto kArrest = DeadlineKind::arrest_review;
constexpr auto kProsecution = DeadlineKind::prosecution_review;
constexpr auto kSupplementary = DeadlineKind::supplementary_investigation;
const Flags kCustody{.custody = true};
const Flags kComplex{.complex = true};

TEST(Deadline, TheIssuesCheck) {
  // 审查起诉, received 2026-01-30, not in custody: one month ends on 2-28, a 调休 Saturday.
  auto r = due(kProsecution, "2026-01-30");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->due.iso(), "2026-02-28");
  EXPECT_NE(r->basis.find("审查起诉一个月（刑事诉讼法第一百七十二条）"), std::string::npos)
      << r->basis;
  EXPECT_NE(r->basis.find("自2026-01-30次日起算"), std::string::npos) << r->basis;
  EXPECT_NE(r->basis.find("届满日2026-02-28（星期六，春节调休上班）"), std::string::npos)
      << r->basis;
  EXPECT_EQ(r->basis.find("顺延"), std::string::npos) << r->basis;
}

TEST(Deadline, MonthsUnderArticle105) {
  EXPECT_EQ(add_months_cpl105(d("2026-01-30"), 1).iso(), "2026-02-28");  // no 2-30
  EXPECT_EQ(add_months_cpl105(d("2026-01-31"), 1).iso(), "2026-02-28");
  EXPECT_EQ(add_months_cpl105(d("2026-01-28"), 1).iso(), "2026-02-28");
  EXPECT_EQ(add_months_cpl105(d("2026-01-27"), 1).iso(), "2026-02-27");
  EXPECT_EQ(add_months_cpl105(d("2026-02-27"), 1).iso(), "2026-03-27");
  EXPECT_EQ(add_months_cpl105(d("2026-02-28"), 1).iso(), "2026-03-31");  // last day → last day
  EXPECT_EQ(add_months_cpl105(d("2024-02-28"), 1).iso(), "2024-03-28");  // not the last in 2024
  EXPECT_EQ(add_months_cpl105(d("2024-02-29"), 1).iso(), "2024-03-31");
  EXPECT_EQ(add_months_cpl105(d("2024-01-31"), 1).iso(), "2024-02-29");
  EXPECT_EQ(add_months_cpl105(d("2026-03-31"), 1).iso(), "2026-04-30");
  EXPECT_EQ(add_months_cpl105(d("2026-04-30"), 1).iso(), "2026-05-31");
  EXPECT_EQ(add_months_cpl105(d("2026-04-29"), 1).iso(), "2026-05-29");
  EXPECT_EQ(add_months_cpl105(d("2025-12-15"), 1).iso(), "2026-01-15");
  EXPECT_EQ(add_months_cpl105(d("2025-12-31"), 2).iso(), "2026-02-28");
  EXPECT_EQ(add_months_cpl105(d("2026-01-15"), 0).iso(), "2026-01-15");
}

TEST(Deadline, ArrestReviewInCustodySevenDaysNeverRolls) {
  EXPECT_EQ(due_iso(kArrest, "2026-03-02", kCustody), "2026-03-09");
  EXPECT_EQ(due_iso(kArrest, "2026-09-23", kCustody), "2026-09-30");  // the day before 国庆
  EXPECT_EQ(due_iso(kArrest, "2026-09-24", kCustody), "2026-10-01");  // 国庆: stays
  EXPECT_EQ(due_iso(kArrest, "2026-09-25", kCustody), "2026-10-02");
  EXPECT_EQ(due_iso(kArrest, "2026-03-07", kCustody), "2026-03-14");  // a Saturday: stays
  // 重大复杂 does not lengthen the custody period.
  EXPECT_EQ(due_iso(kArrest, "2026-09-24", {.custody = true, .complex = true}), "2026-10-01");
  auto r = due(kArrest, "2026-09-24", kCustody);
  EXPECT_NE(r->basis.find("审查逮捕七日（刑事诉讼法第九十一条"), std::string::npos) << r->basis;
  EXPECT_NE(r->basis.find("届满日2026-10-01（国庆节）"), std::string::npos) << r->basis;
  EXPECT_NE(r->basis.find("在押，届满日不因节假日顺延（刑事诉讼法第一百零五条）"),
            std::string::npos)
      << r->basis;
}

TEST(Deadline, ArrestReviewNotInCustodyFifteenDays) {
  EXPECT_EQ(due_iso(kArrest, "2026-03-01"), "2026-03-16");
  EXPECT_EQ(due_iso(kArrest, "2026-03-02"), "2026-03-17");
  EXPECT_EQ(due_iso(kArrest, "2026-03-03"), "2026-03-18");
  // Lands on an ordinary Saturday → Monday.
  EXPECT_EQ(due_iso(kArrest, "2026-03-06"), "2026-03-23");
  // Around 国庆 2026: the day before, the first holiday, the last holiday, a 调休 Saturday.
  EXPECT_EQ(due_iso(kArrest, "2026-09-15"), "2026-09-30");
  EXPECT_EQ(due_iso(kArrest, "2026-09-16"), "2026-10-08");
  EXPECT_EQ(due_iso(kArrest, "2026-09-22"), "2026-10-08");
  EXPECT_EQ(due_iso(kArrest, "2026-09-23"), "2026-10-08");  // 10-08 itself
  EXPECT_EQ(due_iso(kArrest, "2026-09-25"), "2026-10-10");  // 调休 Saturday: stays
  EXPECT_EQ(due_iso(kArrest, "2026-09-05"), "2026-09-20");  // 调休 Sunday: stays
  auto r = due(kArrest, "2026-09-16");
  EXPECT_NE(r->basis.find("未被拘留，审查逮捕十五日（人民检察院刑事诉讼规则第二百八十二条）"),
            std::string::npos)
      << r->basis;
  EXPECT_NE(r->basis.find("期间最后一日2026-10-01（国庆节）为节假日，顺延至2026-10-"
                          "08届满（刑事诉讼法第一百零五条）"),
            std::string::npos)
      << r->basis;
}

TEST(Deadline, ArrestReviewNotInCustodyComplexTwentyDays) {
  EXPECT_EQ(due_iso(kArrest, "2026-02-28", kComplex), "2026-03-20");  // Friday
  EXPECT_EQ(due_iso(kArrest, "2026-03-03", kComplex), "2026-03-23");
  EXPECT_EQ(due_iso(kArrest, "2026-03-04", kComplex), "2026-03-24");
  EXPECT_EQ(due_iso(kArrest, "2026-03-05", kComplex), "2026-03-25");
  EXPECT_EQ(due_iso(kArrest, "2026-03-02", kComplex), "2026-03-23");  // Sunday 3-22 → Monday
  EXPECT_EQ(due_iso(kArrest, "2026-01-26", kComplex), "2026-02-24");  // 春节 2-15 → 2-24
  EXPECT_EQ(due_iso(kArrest, "2026-01-25", kComplex), "2026-02-14");  // 调休 Saturday
  EXPECT_NE(due(kArrest, "2026-03-02", kComplex)->basis.find("重大复杂案件审查逮捕二十日"),
            std::string::npos);
}

TEST(Deadline, ProsecutionReviewOneMonthAtMonthEnds) {
  EXPECT_EQ(due_iso(kProsecution, "2026-01-29"), "2026-02-28");
  EXPECT_EQ(due_iso(kProsecution, "2026-01-30"), "2026-02-28");
  EXPECT_EQ(due_iso(kProsecution, "2026-01-31"), "2026-02-28");
  EXPECT_EQ(due_iso(kProsecution, "2026-02-01"), "2026-03-02");  // Sunday 3-01 → Monday
  EXPECT_EQ(due_iso(kProsecution, "2026-02-27"), "2026-03-27");
  EXPECT_EQ(due_iso(kProsecution, "2026-02-28"), "2026-03-31");
  EXPECT_EQ(due_iso(kProsecution, "2026-03-01"), "2026-04-01");
  // Leap year 2024.
  EXPECT_EQ(due_iso(kProsecution, "2024-01-30"), "2024-02-29");
  EXPECT_EQ(due_iso(kProsecution, "2024-01-31"), "2024-02-29");
  EXPECT_EQ(due_iso(kProsecution, "2024-02-01"), "2024-03-01");
  EXPECT_EQ(due_iso(kProsecution, "2024-02-29"), "2024-04-01");  // 3-31 is a Sunday
  EXPECT_EQ(due_iso(kProsecution, "2024-02-29", kCustody), "2024-03-31");
  // Into the Spring Festival 2025: 1-28 … 2-04 off, so 1-28 rolls to 2-05.
  EXPECT_EQ(due_iso(kProsecution, "2024-12-27"), "2025-01-27");
  EXPECT_EQ(due_iso(kProsecution, "2024-12-28"), "2025-02-05");
  EXPECT_EQ(due_iso(kProsecution, "2025-01-04"), "2025-02-05");
  EXPECT_EQ(due_iso(kProsecution, "2025-01-05"), "2025-02-05");
  EXPECT_EQ(due_iso(kProsecution, "2025-01-08"), "2025-02-08");  // 调休 Saturday
}

TEST(Deadline, ProsecutionReviewComplexAddsFifteenDaysAfterTheMonth) {
  // Month first, then days: 1-16 → 2-16 → 3-03 (days first would give 1-31 → 2-28).
  EXPECT_EQ(due_iso(kProsecution, "2026-01-16", kComplex), "2026-03-03");
  EXPECT_EQ(due_iso(kProsecution, "2026-01-31", kComplex), "2026-03-16");  // 3-15 Sunday
  EXPECT_EQ(due_iso(kProsecution, "2026-03-02", kComplex), "2026-04-17");
  EXPECT_EQ(due_iso(kProsecution, "2026-03-01", kComplex), "2026-04-16");
  EXPECT_EQ(due_iso(kProsecution, "2026-03-03", kComplex), "2026-04-20");  // 4-18 Saturday
  // Lands in 国庆 2026: 8-16 → 9-16 → 10-01 → 10-08; in custody it stays.
  EXPECT_EQ(due_iso(kProsecution, "2026-08-16", kComplex), "2026-10-08");
  EXPECT_EQ(due_iso(kProsecution, "2026-08-16", {.custody = true, .complex = true}), "2026-10-01");
  EXPECT_NE(due(kProsecution, "2026-03-02", kComplex)
                ->basis.find("审查起诉一个月，重大复杂案件延长十五日（刑事诉讼法第一百七十二条）"),
            std::string::npos);
}

TEST(Deadline, FastTrackTenOrFifteenDays) {
  const Flags fast{.fast_track = true};
  const Flags fast_long{.fast_track = true, .over_one_year = true};
  EXPECT_EQ(due_iso(kProsecution, "2026-03-01", fast), "2026-03-11");
  EXPECT_EQ(due_iso(kProsecution, "2026-03-02", fast), "2026-03-12");
  EXPECT_EQ(due_iso(kProsecution, "2026-03-03", fast), "2026-03-13");
  EXPECT_EQ(due_iso(kProsecution, "2026-03-04", fast), "2026-03-16");  // 3-14 Saturday
  EXPECT_EQ(due_iso(kProsecution, "2026-03-01", fast_long), "2026-03-16");
  EXPECT_EQ(due_iso(kProsecution, "2026-03-02", fast_long), "2026-03-17");
  EXPECT_EQ(due_iso(kProsecution, "2026-03-03", fast_long), "2026-03-18");
  EXPECT_EQ(due_iso(kProsecution, "2026-09-21", fast), "2026-10-08");  // 国庆
  EXPECT_EQ(due_iso(kProsecution, "2026-09-20", fast), "2026-09-30");
  EXPECT_NE(due(kProsecution, "2026-03-02", fast)->basis.find("速裁案件审查起诉十日"),
            std::string::npos);
  EXPECT_NE(due(kProsecution, "2026-03-02", fast_long)
                ->basis.find("速裁案件可能判处的有期徒刑超过一年，审查起诉十五日"),
            std::string::npos);
}

TEST(Deadline, SupplementaryInvestigationOneMonth) {
  EXPECT_EQ(due_iso(kSupplementary, "2026-08-30"), "2026-09-30");
  EXPECT_EQ(due_iso(kSupplementary, "2026-08-31"), "2026-09-30");  // month end → month end
  EXPECT_EQ(due_iso(kSupplementary, "2026-09-01"), "2026-10-08");  // 10-01 国庆 → 10-08
  EXPECT_EQ(due_iso(kSupplementary, "2026-09-01", kCustody), "2026-10-01");
  EXPECT_EQ(due_iso(kSupplementary, "2026-09-10"), "2026-10-10");  // 调休 Saturday
  EXPECT_NE(due(kSupplementary, "2026-08-31")
                ->basis.find("退回补充侦查一个月（刑事诉讼法第一百七十五条）"),
            std::string::npos);
}

TEST(Deadline, AMissingCalendarYearIsAnErrorUnlessInCustody) {
  auto r = due(kProsecution, "2026-12-15");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::not_found);
  EXPECT_EQ(r.error().code, "calendar_year_missing");
  EXPECT_NE(r.error().message.find("2027"), std::string::npos);
  EXPECT_EQ(due_iso(kProsecution, "2026-12-15", kCustody), "2027-01-15");
  EXPECT_EQ(due_iso(kArrest, "2026-12-28", kCustody), "2027-01-04");
  EXPECT_FALSE(due(kArrest, "2026-12-28").ok());
  EXPECT_EQ(due_iso(kArrest, "2026-12-16"), "2026-12-31");
  EXPECT_FALSE(due(kArrest, "2026-12-17").ok());  // 2027-01-01
  EXPECT_EQ(due_iso(kArrest, "2026-12-25", kCustody), "2027-01-01");
}

TEST(Deadline, InconsistentFactsAreRefusedNamingTheField) {
  auto field_of = [](Result<Deadline> r) { return r.ok() ? std::string("ok") : r.error().field; };
  EXPECT_EQ(field_of(due(kArrest, "2026-03-02", {.fast_track = true})), "fast_track");
  EXPECT_EQ(field_of(due(kSupplementary, "2026-03-02", {.fast_track = true})), "fast_track");
  EXPECT_EQ(field_of(due(kProsecution, "2026-03-02", {.complex = true, .fast_track = true})),
            "fast_track");
  EXPECT_EQ(field_of(due(kProsecution, "2026-03-02", {.over_one_year = true})),
            "sentence_over_one_year");
}

TEST(Deadline, RulesApplyFromTheirEffectiveDate) {
  const auto& rules = default_deadline_rules();
  EXPECT_EQ(rules.version, "CPL-2018");
  EXPECT_EQ(rules.effective_from.iso(), "2018-10-26");
  auto before = due(kArrest, "2018-10-25", kCustody);
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().code, "rules_not_in_force");
  EXPECT_EQ(before.error().field, "received");
  EXPECT_EQ(due_iso(kArrest, "2018-10-26", kCustody), "2018-11-02");
}

TEST(Deadline, ParsesKindsInChineseAndEnglish) {
  EXPECT_EQ(*parse_deadline_kind("审查逮捕"), kArrest);
  EXPECT_EQ(*parse_deadline_kind("审查起诉"), kProsecution);
  EXPECT_EQ(*parse_deadline_kind("退回补充侦查"), kSupplementary);
  EXPECT_EQ(*parse_deadline_kind("arrest_review"), kArrest);
  EXPECT_EQ(*parse_deadline_kind("prosecution_review"), kProsecution);
  EXPECT_EQ(*parse_deadline_kind("supplementary_investigation"), kSupplementary);
  auto bad = parse_deadline_kind("审查");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(bad.error().field, "category");
  EXPECT_EQ(code_of(kSupplementary), "supplementary_investigation");
  EXPECT_EQ(zh_of(kArrest), "审查逮捕");
}

}  // namespace
}  // namespace zeren
