#include "domain/case.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace zeren {

ZEREN_DEFINE_TERMS(CaseStatus, {CaseStatus::registered, "registered", "已受理待分案"},
                   {CaseStatus::assigned, "assigned", "已分案"},
                   {CaseStatus::withdrawn, "withdrawn", "已撤回"})

namespace {
Status unique_people(std::vector<PersonId>& v, const char* field) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  for (auto p : v)
    if (!p.valid()) return Error::invalid(field, "invalid_person", std::string(field) + " names an unknown person");
  return ok_status();
}
}  // namespace

Result<Case> Case::register_intake(CaseIntake in, Date today) {
  if (!in.procuratorate.valid())
    return Error::invalid("procuratorate", "required", "procuratorate is required");
  if (!in.department.valid()) return Error::invalid("department", "required", "department is required");
  if (today < in.received_on)
    return Error::invalid("received_on", "received_in_future",
                          "received_on (" + in.received_on.iso() + ") is after today (" +
                              today.iso() + ")");
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
  if (in.related_case && !in.related_case->valid())
    return Error::invalid("related_case", "invalid_case", "related_case is not a stored case");
  ZEREN_TRY(unique_people(in.recusals, "recusals"));
  ZEREN_TRY(unique_people(in.investigators, "investigators"));
  Case c;
  c.intake_ = std::move(in);
  return c;
}

Status Case::withdraw() {
  if (status_ == CaseStatus::withdrawn)
    return Error::conflict("already_withdrawn", "the case was already withdrawn", "status");
  status_ = CaseStatus::withdrawn;
  return ok_status();
}

Case Case::restore(CaseId id, CaseIntake intake, std::string number, CaseStatus status,
                   std::optional<UnitId> unit) {
  Case c;
  c.id_ = id;
  c.intake_ = std::move(intake);
  c.number_ = std::move(number);
  c.status_ = status;
  c.unit_ = unit;
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
    for (auto pos = out.find(key); pos != std::string::npos; pos = out.find(key, pos + value.size()))
      out.replace(pos, key.size(), value);
  };
  replace("{院代字}", short_code);
  replace("{代字}", code);
  replace("{year}", std::to_string(year));
  replace("{serial}", std::to_string(serial));
  return out;
}

}  // namespace zeren
