#include "domain/deadline.hpp"

#include <algorithm>

namespace zeren {

ZEREN_DEFINE_TERMS(DeadlineKind, {DeadlineKind::arrest_review, "arrest_review", "审查逮捕"},
                   {DeadlineKind::prosecution_review, "prosecution_review", "审查起诉"},
                   {DeadlineKind::supplementary_investigation, "supplementary_investigation",
                    "退回补充侦查"})

Result<DeadlineKind> parse_deadline_kind(std::string_view s) {
  return parse_term<DeadlineKind>(s, "category");
}

const DeadlineRules& default_deadline_rules() {
  static const DeadlineRules rules{
      .version = "CPL-2018",
      .effective_from = *Date::from_ymd(2018, 10, 26),
      .source =
          "《刑事诉讼法》(2018) 第91、105、172、175条；《人民检察院刑事诉讼规则》(2019) "
          "第282、351条",
      .arrest_custody_articles = "刑事诉讼法第九十一条、人民检察院刑事诉讼规则第二百八十二条",
      .arrest_free_articles = "人民检察院刑事诉讼规则第二百八十二条",
      .prosecution_articles = "刑事诉讼法第一百七十二条",
      .fast_track_articles = "刑事诉讼法第一百七十二条",
      .supplementary_articles = "刑事诉讼法第一百七十五条",
      .counting_article = "刑事诉讼法第一百零五条",
  };
  return rules;
}

Date add_months_cpl105(Date start, int months) {
  const int index = start.year() * 12 + (start.month() - 1) + months;
  const int year = index / 12, month = index % 12 + 1;
  const int last = days_in_month(year, month);
  const bool month_end = start.day() == days_in_month(start.year(), start.month());
  return *Date::from_ymd(year, month, month_end ? last : std::min(start.day(), last));
}

namespace {

// 0..99 in Chinese numerals (十五, 二十); larger numbers in digits.
std::string chinese_number(int n) {
  static constexpr const char* kDigits[] = {"零", "一", "二", "三", "四",
                                            "五", "六", "七", "八", "九"};
  if (n < 0 || n > 99) return std::to_string(n);
  if (n < 10) return kDigits[n];
  std::string s = n >= 20 ? std::string(kDigits[n / 10]) + "十" : "十";
  if (n % 10) s += kDigits[n % 10];
  return s;
}

std::string days_text(int n) {
  return chinese_number(n) + "日";
}
std::string months_text(int n) {
  return (n == 2 ? std::string("两") : chinese_number(n)) + "个月";
}

// "（星期六，春节调休上班）", "（春节）", "（星期日）" or "" for an ordinary weekday.
std::string day_remark(const WorkCalendar& cal, Date d) {
  static constexpr const char* kWeekdays[] = {"星期一", "星期二", "星期三", "星期四",
                                              "星期五", "星期六", "星期日"};
  std::string remark = is_weekend(d) ? kWeekdays[weekday_of(d)] : "";
  if (const std::string note = cal.note(d); !note.empty())
    remark += (remark.empty() ? "" : "，") + note;
  return remark.empty() ? remark : "（" + remark + "）";
}

Error inconsistent(std::string field, std::string message) {
  return Error::invalid(std::move(field), "inconsistent_facts", std::move(message));
}

}  // namespace

Result<Deadline> compute_deadline(const DeadlineRules& rules, const WorkCalendar& cal,
                                  const DeadlineFacts& f) {
  if (f.start < rules.effective_from)
    return Error::invalid("received", "rules_not_in_force",
                          "起算日" + f.start.iso() + "早于" + rules.version + "规则的施行日期" +
                              rules.effective_from.iso() + " (the start day is before the rules " +
                              rules.version + " took effect)");
  if (f.fast_track && f.kind != DeadlineKind::prosecution_review)
    return inconsistent("fast_track",
                        "速裁程序只适用于审查起诉 (fast track applies to "
                        "prosecution review only)");
  if (f.fast_track && f.complex)
    return inconsistent("fast_track",
                        "速裁案件不能同时是重大复杂案件 (a fast-track case cannot "
                        "also be major and complex)");
  if (f.sentence_over_one_year && !f.fast_track)
    return inconsistent("sentence_over_one_year",
                        "“可能判处有期徒刑超过一年”只用于速裁案件 (a possible sentence over one "
                        "year only matters for a fast-track case)");

  Date last = f.start;
  std::string period;
  auto plus_days = [](Date d, int n) { return Date::from_days(d.days_since_epoch() + n); };
  switch (f.kind) {
    case DeadlineKind::arrest_review:
      if (f.custody) {
        last = plus_days(f.start, rules.arrest_custody_days);
        period = "犯罪嫌疑人已被拘留，审查逮捕" + days_text(rules.arrest_custody_days) + "（" +
                 rules.arrest_custody_articles + "）";
      } else {
        const int days = f.complex ? rules.arrest_free_complex_days : rules.arrest_free_days;
        last = plus_days(f.start, days);
        period = std::string("犯罪嫌疑人未被拘留，") + (f.complex ? "重大复杂案件" : "") +
                 "审查逮捕" + days_text(days) + "（" + rules.arrest_free_articles + "）";
      }
      break;
    case DeadlineKind::prosecution_review:
      if (f.fast_track) {
        const int days =
            f.sentence_over_one_year ? rules.fast_track_over_one_year_days : rules.fast_track_days;
        last = plus_days(f.start, days);
        period = std::string("速裁案件") +
                 (f.sentence_over_one_year ? "可能判处的有期徒刑超过一年，" : "") + "审查起诉" +
                 days_text(days) + "（" + rules.fast_track_articles + "）";
      } else {
        last = add_months_cpl105(f.start, rules.prosecution_months);
        period = "审查起诉" + months_text(rules.prosecution_months);
        if (f.complex) {
          last = plus_days(last, rules.prosecution_complex_extra_days);
          period += "，重大复杂案件延长" + days_text(rules.prosecution_complex_extra_days);
        }
        period += "（" + rules.prosecution_articles + "）";
      }
      break;
    case DeadlineKind::supplementary_investigation:
      last = add_months_cpl105(f.start, rules.supplementary_months);
      period = "退回补充侦查" + months_text(rules.supplementary_months) + "（" +
               rules.supplementary_articles + "）";
      break;
  }

  std::string basis = period + "，自" + f.start.iso() + "次日起算";
  if (f.custody) {
    basis += "，届满日" + last.iso() + day_remark(cal, last) +
             "；犯罪嫌疑人在押，届满日不因节假日顺延（" + rules.counting_article + "）";
    return Deadline{last, std::move(basis)};
  }
  auto rest = cal.is_rest_day(last);
  if (!rest) return rest.error();
  if (!*rest) {
    basis += "，届满日" + last.iso() + day_remark(cal, last);
    return Deadline{last, std::move(basis)};
  }
  auto due = cal.next_workday(last);
  if (!due) return due.error();
  basis += "，期间最后一日" + last.iso() + day_remark(cal, last) + "为节假日，顺延至" + due->iso() +
           day_remark(cal, *due) + "届满（" + rules.counting_article + "）";
  return Deadline{*due, std::move(basis)};
}

ZEREN_DEFINE_TERMS(DeadlineState, {DeadlineState::ok, "ok", "期限内"},
                   {DeadlineState::near, "near", "临近到期"},
                   {DeadlineState::overdue, "overdue", "已超期"})

int alert_days(const DeadlineRules& rules, DeadlineKind kind) {
  return kind == DeadlineKind::arrest_review ? rules.alert_days_arrest
                                             : rules.alert_days_prosecution;
}

DeadlineState deadline_state(const DeadlineRules& rules, DeadlineKind kind, Date due, Date today) {
  const auto left = due.days_since_epoch() - today.days_since_epoch();
  if (left < 0) return DeadlineState::overdue;
  return left <= alert_days(rules, kind) ? DeadlineState::near : DeadlineState::ok;
}

}  // namespace zeren
