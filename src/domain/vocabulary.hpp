// The closed vocabularies of the organisation model. Each value has a stable English code (stored,
// used in APIs) and its Chinese legal term (shown to users); parsing accepts either.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace zeren {

enum class Level { province, city, district };
enum class DepartmentKind { business, case_management, discipline, personnel, office, other };
enum class CaseCategory {
  arrest_review,               // 审查逮捕
  prosecution_review,          // 审查起诉
  criminal_appeal,             // 刑事申诉
  civil_supervision,           // 民事诉讼监督
  administrative_supervision,  // 行政诉讼监督
  public_interest,             // 公益诉讼
  state_compensation,          // 国家赔偿
  reconsideration,             // 复议复核
};
enum class Difficulty { ordinary, difficult };  // 普通 / 疑难
enum class PersonCategory { prosecutor, assistant, clerk, admin_staff };
enum class Employment { none, established, contract };  // — / 编制 / 聘用
enum class PostKind { chief, deputy_chief, committee_member, full_time_member, department_head };
enum class UnitKind { team, sole };  // 检察官办案组 / 独任检察官
// Role ids as the API and the role/scope matrix name them (SPEC §17).
enum class Role {
  case_manager,       // 案件管理
  prosecutor,         // 员额检察官
  assistant,          // 检察官助理
  clerk,              // 书记员
  dept_head,          // 部门负责人
  deputy_chief,       // 副检察长
  chief,              // 检察长
  committee_member,   // 检委会委员
  discipline,         // 检务督察
  personnel,          // 政治部
  people_supervisor,  // 人民监督员
  sysadmin,           // 系统管理员: accounts and settings, no case content
  secadmin,           // 安全管理员: roles, not their own
  auditor,            // 安全审计员: the audit trail only
};

template <class E>
struct Term {
  E value;
  std::string_view code;
  std::string_view zh;
};

template <class E>
std::span<const Term<E>> terms();

template <class E>
std::string_view code_of(E value) {
  for (const auto& t : terms<E>())
    if (t.value == value) return t.code;
  return "?";
}

template <class E>
std::string_view zh_of(E value) {
  for (const auto& t : terms<E>())
    if (t.value == value) return t.zh;
  return "?";
}

// Accepts the English code or the Chinese term; the error names `field` and lists what is allowed.
template <class E>
Result<E> parse_term(std::string_view text, std::string_view field) {
  for (const auto& t : terms<E>())
    if (text == t.code || text == t.zh) return t.value;
  std::string allowed;
  for (const auto& t : terms<E>()) {
    if (!allowed.empty()) allowed += ", ";
    allowed += std::string(t.zh) + " (" + std::string(t.code) + ")";
  }
  return Error::invalid(std::string(field), "invalid_" + std::string(field),
                        "\"" + std::string(text) + "\" is not one of: " + allowed);
}

}  // namespace zeren

// Defines terms<E>() in a .cpp file: ZEREN_DEFINE_TERMS(E, {E::a, "a", "甲"}, …)
#define ZEREN_DEFINE_TERMS(E, ...)                     \
  template <>                                          \
  std::span<const Term<E>> terms<E>() {                \
    static constexpr Term<E> kTerms[] = {__VA_ARGS__}; \
    return kTerms;                                     \
  }
