// Statutory handling deadlines (办案期限) of the procuratorate's criminal review stages: the
// periods as a versioned rule table (DeadlineRules) and the counting rule of CPL art 105
// (期间的计算).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "domain/calendar.hpp"
#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/vocabulary.hpp"

namespace zeren {

enum class DeadlineKind {
  arrest_review,               // 审查逮捕
  prosecution_review,          // 审查起诉
  supplementary_investigation  // 退回补充侦查
};

// code_of / zh_of / parse_term (domain/vocabulary.hpp) work on DeadlineKind.
template <>
std::span<const Term<DeadlineKind>> terms<DeadlineKind>();
// Accepts 审查逮捕|审查起诉|退回补充侦查 and arrest_review|prosecution_review|
// supplementary_investigation; otherwise invalid_argument "invalid_category", field "category".
Result<DeadlineKind> parse_deadline_kind(std::string_view s);

struct DeadlineFacts {
  DeadlineKind kind = DeadlineKind::prosecution_review;
  Date start;  // the day the period starts (received, or the day the case came back); not counted
  bool custody = false;  // 在押: the last day never moves for a holiday
  bool complex = false;  // 重大复杂: 审查逮捕 not in custody 15→20 days; 审查起诉 +15
  bool fast_track = false;              // 速裁 (审查起诉 only): 10 days
  bool sentence_over_one_year = false;  // 速裁 with a possible sentence over one year: 15 days
};

struct Deadline {
  Date due;           // the last day of the period
  std::string basis;  // one Chinese sentence: the period, its articles, the start, any roll-forward
};

// One version of the statutory periods (calendar days or months) and the warning lead times
// (alert_*, calendar days before the due day).
struct DeadlineRules {
  std::string version;  // e.g. "CPL-2018"
  Date effective_from;  // the first start day the rules apply to
  std::string source;   // the documents, for people
  int arrest_custody_days = 7, arrest_free_days = 15, arrest_free_complex_days = 20;
  int prosecution_months = 1, prosecution_complex_extra_days = 15;
  int fast_track_days = 10, fast_track_over_one_year_days = 15;
  int supplementary_months = 1, supplementary_max_rounds = 2;
  int alert_days_prosecution = 5, alert_days_arrest = 2;
  // The articles each period rests on, as the basis sentence cites them.
  std::string arrest_custody_articles, arrest_free_articles, prosecution_articles,
      fast_track_articles, supplementary_articles, counting_article;
};

// CPL-2018, in force from 2018-10-26: 《刑事诉讼法》(2018) 第91、105、172、175条；
// 《人民检察院刑事诉讼规则》(2019) 第282、351条.
const DeadlineRules& default_deadline_rules();

// The last day of the period f describes. Counting (CPL 105): the start day is not counted
// (N days → start + N); months by add_months_cpl105, then any extra days; when the last day is a
// rest day (a weekend day not worked in exchange, or a holiday) it moves to the next working day,
// unless the suspect is in custody — then it stays, and a missing calendar year is no error (the
// calendar only names the day in the basis).
// Errors: invalid_argument, field "received", code "rules_not_in_force" when f.start is before
// rules.effective_from; field "fast_track" when 速裁 is claimed outside 审查起诉 or together with
// 重大复杂, field "sentence_over_one_year" when claimed without 速裁 (code "inconsistent_facts");
// the calendar's calendar_year_missing when the last day falls in a year without data (not in
// custody only).
Result<Deadline> compute_deadline(const DeadlineRules& rules, const WorkCalendar& cal,
                                  const DeadlineFacts& f);

// start + months under CPL 105: the same day of the month `months` later, or that month's last day
// when that day does not exist or when start is the last day of its month (2026-01-30 → 2026-02-28,
// 2026-02-28 → 2026-03-31). months >= 0.
Date add_months_cpl105(Date start, int months);

// How a running period stands on `today` (SPEC §4 alerts): overdue after its last day, near within
// the kind's warning lead time (alert_days_*), ok before that.
enum class DeadlineState { ok, near, overdue };
template <>
std::span<const Term<DeadlineState>> terms<DeadlineState>();
int alert_days(const DeadlineRules& rules, DeadlineKind kind);
DeadlineState deadline_state(const DeadlineRules& rules, DeadlineKind kind, Date due, Date today);

}  // namespace zeren
