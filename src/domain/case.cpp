#include "domain/case.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace zeren {

ZEREN_DEFINE_TERMS(CaseStatus, {CaseStatus::registered, "registered", "已受理待分案"},
                   {CaseStatus::assigned, "assigned", "已分案"},
                   {CaseStatus::in_progress, "in_progress", "办理中"},
                   {CaseStatus::awaiting_decision, "awaiting_decision", "待决定"},
                   {CaseStatus::returned, "returned", "退回补充侦查中"},
                   {CaseStatus::concluded, "concluded", "已办结"},
                   {CaseStatus::archived, "archived", "已归档"},
                   {CaseStatus::transferred, "transferred", "已移送"},
                   {CaseStatus::withdrawn, "withdrawn", "已撤回"})

ZEREN_DEFINE_TERMS(CaseAction, {CaseAction::start, "start", "开始办理"},
                   {CaseAction::resume, "resume", "补充侦查完毕重新审查"},
                   {CaseAction::transfer, "transfer", "移送"},
                   {CaseAction::archive, "archive", "归档"})

namespace {
Status unique_people(std::vector<PersonId>& v, const char* field) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  for (auto p : v)
    if (!p.valid())
      return Error::invalid(field, "invalid_person",
                            std::string(field) + " names an unknown person");
  return ok_status();
}
}  // namespace

Result<Case> Case::register_intake(CaseIntake in, Date today) {
  if (!in.procuratorate.valid())
    return Error::invalid("procuratorate", "required", "procuratorate is required");
  if (!in.department.valid())
    return Error::invalid("department", "required", "department is required");
  if (today < in.received_on)
    return Error::invalid(
        "received_on", "received_in_future",
        "received_on (" + in.received_on.iso() + ") is after today (" + today.iso() + ")");
  if (in.parties.empty())
    return Error::invalid("parties", "parties_required", "at least one party (当事人) is required");
  if (in.parties.size() > 200)
    return Error::invalid("parties", "too_many_parties", "at most 200 parties");
  for (auto& p : in.parties) {
    auto c = clean_line(p, "parties", 100);
    if (!c) return c.error();
    p = *c;
  }
  auto org = clean_line(in.source_org, "source_org", 100);
  if (!org) return org.error();
  in.source_org = *org;
  auto doc = clean_line(in.source_doc_no, "source_doc_no", 100);
  if (!doc) return doc.error();
  in.source_doc_no = *doc;
  if (in.fast_track && in.category != CaseCategory::prosecution_review)
    return Error::invalid(
        "fast_track", "fast_track_not_prosecution",
        "速裁程序只适用于审查起诉案件 (fast track applies to prosecution review)");
  if (in.fast_track && in.complex)
    return Error::invalid("fast_track", "inconsistent_facts",
                          "重大复杂案件不适用速裁程序 (a complex case is not fast-tracked)");
  if (in.sentence_over_one_year && !in.fast_track)
    return Error::invalid("sentence_over_one_year", "inconsistent_facts",
                          "可能判处一年以上有期徒刑只对速裁案件有意义 (only with fast track)");
  if (in.related_case && !in.related_case->valid())
    return Error::invalid("related_case", "invalid_case", "related_case is not a stored case");
  ZEREN_TRY(unique_people(in.recusals, "recusals"));
  ZEREN_TRY(unique_people(in.investigators, "investigators"));
  Case c;
  c.intake_ = std::move(in);
  return c;
}

namespace {
Error illegal(CaseStatus from, std::string_view verb) {
  return Error::conflict("illegal_transition",
                         "案件当前状态为「" + std::string(zh_of(from)) + "」，不能" +
                             std::string(verb) + " (not allowed in status " +
                             std::string(code_of(from)) + ")",
                         "status");
}
}  // namespace

Status Case::withdraw(Date on) {
  if (status_ == CaseStatus::withdrawn)
    return Error::conflict("already_withdrawn", "the case was already withdrawn", "status");
  if (status_ != CaseStatus::registered && !open()) return illegal(status_, "撤回");
  status_ = CaseStatus::withdrawn;
  progress_.withdrawn_on = on;
  return ok_status();
}

bool is_open(CaseStatus s) {
  return s == CaseStatus::assigned || s == CaseStatus::in_progress ||
         s == CaseStatus::awaiting_decision || s == CaseStatus::returned;
}

Status Case::start() {
  if (status_ != CaseStatus::assigned) return illegal(status_, "开始办理");
  status_ = CaseStatus::in_progress;
  return ok_status();
}

Status Case::await_decision() {
  if (status_ != CaseStatus::in_progress) return illegal(status_, "报请决定");
  status_ = CaseStatus::awaiting_decision;
  return ok_status();
}

Status Case::decision_refused() {
  if (status_ != CaseStatus::awaiting_decision) return illegal(status_, "退回继续办理");
  status_ = CaseStatus::in_progress;
  return ok_status();
}

Status Case::return_for_investigation(Date on, int max_rounds) {
  if (status_ != CaseStatus::in_progress && status_ != CaseStatus::awaiting_decision)
    return illegal(status_, "退回补充侦查");
  if (progress_.returns >= max_rounds)
    return Error::conflict("too_many_returns",
                           "退回补充侦查以" + std::to_string(max_rounds) +
                               "次为限（刑事诉讼法第一百七十五条） (at most " +
                               std::to_string(max_rounds) + " rounds)",
                           "type");
  if (on < intake_.received_on)
    return Error::invalid("on", "before_received", "the date is before the case was received");
  ++progress_.returns;
  status_ = CaseStatus::returned;
  return ok_status();
}

Status Case::resume(Date on) {
  if (status_ != CaseStatus::returned) return illegal(status_, "重新审查");
  if (progress_.period_start && on < *progress_.period_start)
    return Error::invalid("on", "before_return",
                          "the file cannot come back before it was returned");
  status_ = CaseStatus::in_progress;
  return ok_status();
}

Status Case::extend() {
  if (status_ != CaseStatus::in_progress && status_ != CaseStatus::awaiting_decision)
    return illegal(status_, "延长办案期限");
  if (progress_.extended)
    return Error::conflict("already_extended", "办案期限已经延长过一次 (already extended)", "type");
  progress_.extended = true;
  status_ = CaseStatus::in_progress;
  return ok_status();
}

Status Case::conclude(Date on) {
  if (status_ != CaseStatus::in_progress && status_ != CaseStatus::awaiting_decision)
    return illegal(status_, "办结");
  status_ = CaseStatus::concluded;
  progress_.concluded_on = on;
  return ok_status();
}

Status Case::archive(Date on) {
  if (status_ != CaseStatus::concluded && status_ != CaseStatus::transferred)
    return illegal(status_, "归档");
  status_ = CaseStatus::archived;
  progress_.archived_on = on;
  return ok_status();
}

Status Case::transfer(Date on, std::string to) {
  if (!open() || status_ == CaseStatus::returned) return illegal(status_, "移送");
  status_ = CaseStatus::transferred;
  progress_.transferred_on = on;
  progress_.transferred_to = std::move(to);
  return ok_status();
}

void Case::set_period(std::optional<DeadlineKind> kind, std::optional<Date> start,
                      std::optional<Date> due, std::string basis) {
  progress_.period = kind;
  progress_.period_start = start;
  progress_.due_on = due;
  progress_.deadline_basis = std::move(basis);
}

Case Case::restore(CaseId id, CaseIntake intake, std::string number, CaseStatus status,
                   std::optional<UnitId> unit, CaseProgress progress) {
  Case c;
  c.id_ = id;
  c.intake_ = std::move(intake);
  c.number_ = std::move(number);
  c.status_ = status;
  c.unit_ = unit;
  c.progress_ = std::move(progress);
  return c;
}

std::string business_code(CaseCategory c) {
  switch (c) {
    case CaseCategory::arrest_review: return "刑捕";
    case CaseCategory::prosecution_review: return "刑诉";
    case CaseCategory::criminal_appeal: return "刑申";
    case CaseCategory::civil_supervision: return "民监";
    case CaseCategory::administrative_supervision: return "行监";
    case CaseCategory::public_interest: return "公益";
    case CaseCategory::state_compensation: return "赔";
    case CaseCategory::reconsideration: return "刑复";
  }
  return "案";
}

std::string format_case_number(std::string_view format, const std::string& short_code,
                               const std::string& code, int year, std::int64_t serial) {
  std::string out(format);
  auto replace = [&](std::string_view key, const std::string& value) {
    for (auto pos = out.find(key); pos != std::string::npos;
         pos = out.find(key, pos + value.size()))
      out.replace(pos, key.size(), value);
  };
  replace("{院代字}", short_code);
  replace("{代字}", code);
  replace("{year}", std::to_string(year));
  replace("{serial}", std::to_string(serial));
  return out;
}

}  // namespace zeren
