// Case numbers as people type them (domain-rules §15): a 受案号 such as 嘉检刑诉受〔2026〕12号,
// given at intake, or a 文书号 such as 嘉检刑诉〔2026〕7号, given to an issued document. Older
// documents and hurried typing spell them differently; parse_case_number reads every spelling and
// canonical() gives the one the system stores.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace zeren {

struct CaseNumber {
  std::string procuratorate_code;  // 院代字: "嘉", "渝巴"
  std::string business_code;       // 代字: "刑诉", "刑捕"
  bool acceptance = true;          // 受案号 (…受〔year〕…); false: 文书号
  int year = 0;
  std::int64_t serial = 0;  // 1 or more

  // The current spelling: format_case_number with kDefaultCaseNumberFormat for a 受案号, with
  // kDefaultDocumentNumberFormat for a 文书号 (full-width 〔〕, no 第, ASCII digits).
  std::string canonical() const;

  friend bool operator==(const CaseNumber&, const CaseNumber&) = default;
};

// Reads {院代字}检{代字}[受]〔{year}〕[第]{serial}号 in any of its spellings:
//  - the year in 〔〕, [], ［］, 【】, () or （）;
//  - 第 before the serial or not; a 字 after the 代字 (older 文书号: 嘉检刑捕字[2025]第3号);
//  - ASCII or full-width digits, leading zeros in the serial;
//  - spaces (also the full-width U+3000) around the whole and around the bracketed year.
// 院代字 and 代字 are 1 to 6 Chinese characters (or ASCII letters); the year is four digits from
// 1949; the serial at most 15 digits. Fails with ErrorKind::invalid_argument, field
// "case_number", a code and a message naming the part that is wrong. parse(canonical()) gives the
// same value back.
Result<CaseNumber> parse_case_number(std::string_view text);

}  // namespace zeren
