#include "domain/assignment_records.hpp"

#include "domain/text.hpp"

namespace zeren {

ZEREN_DEFINE_TERMS(RequestKind, {RequestKind::designation, "designation", "指定分案"},
                   {RequestKind::change_of_handler, "change_of_handler", "更换承办人"})
ZEREN_DEFINE_TERMS(RequestStatus, {RequestStatus::pending, "pending", "待审批"},
                   {RequestStatus::approved, "approved", "已批准"},
                   {RequestStatus::rejected, "rejected", "已驳回"})

namespace {
constexpr Term<std::string_view> kDesignation[] = {
    {"major_complex", "major_complex", "重大疑难复杂"},
    {"leader_handles", "leader_handles", "领导直接办理"},
    {"assigned_by_higher", "assigned_by_higher", "上级交办"},
    {"conflict", "conflict", "回避/冲突"},
    {"follow_on", "follow_on", "捕诉一体"},
    {"reconsideration", "reconsideration", "复议另行指派"},
    {"other", "other", "其他"}};
constexpr Term<std::string_view> kChange[] = {{"recusal", "recusal", "回避"},
                                              {"long_absence", "long_absence", "长期不在位"},
                                              {"workload", "workload", "工作量调整"},
                                              {"expertise", "expertise", "专业匹配"},
                                              {"higher_instruction", "higher_instruction", "上级指令"},
                                              {"other", "other", "其他"}};
}  // namespace

std::span<const Term<std::string_view>> reason_terms(RequestKind kind) {
  if (kind == RequestKind::designation) return kDesignation;
  return kChange;
}

Result<std::string> check_reason(RequestKind kind, std::string_view code, const std::string& text) {
  for (const auto& t : reason_terms(kind))
    if (code == t.code || code == t.zh) {
      if (t.code == "other") {
        auto clean = clean_line(text, "reason_text", 500);
        if (!clean)
          return Error::invalid("reason_text", "reason_text_required",
                                "理由为“其他”时须填写说明 (reason_text is required for other)");
      }
      return std::string(t.code);
    }
  std::string allowed;
  for (const auto& t : reason_terms(kind)) allowed += (allowed.empty() ? "" : ", ") + std::string(t.zh) + " (" + std::string(t.code) + ")";
  return Error::invalid("reason", "invalid_reason", "\"" + std::string(code) + "\" is not one of: " + allowed);
}

std::string reason_label(std::string_view code) {
  for (auto kind : {RequestKind::designation, RequestKind::change_of_handler})
    for (const auto& t : reason_terms(kind))
      if (t.code == code) return std::string(t.zh);
  return std::string(code);
}

}  // namespace zeren
