#include "domain/case_number.hpp"

#include <algorithm>

#include "domain/case.hpp"
#include "domain/decision.hpp"
#include "domain/text.hpp"

namespace zeren {

namespace {

constexpr const char* kField = "case_number";
constexpr std::size_t kMaxCodeChars = 6;
constexpr std::size_t kMaxSerialDigits = 15;
constexpr int kFirstYear = 1949;

Error bad(const char* code, const std::string& message) {
  return Error::invalid(kField, code, message);
}

// Code points of valid UTF-8 (checked by the caller).
std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    char32_t cp = n == 0 ? c : n == 1 ? c & 0x1F : n == 2 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k <= n; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n + 1;
  }
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t cp : s) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\u3000';
}
bool is_open(char32_t c) {
  return c == U'〔' || c == U'[' || c == U'［' || c == U'【' || c == U'(' || c == U'（';
}
bool is_close(char32_t c) {
  return c == U'〕' || c == U']' || c == U'］' || c == U'】' || c == U')' || c == U'）';
}
// 0-9 for ASCII or full-width digits, else -1.
int digit(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}
// The characters of a 院代字 or 代字: CJK ideographs (basic, extension A, compatibility,
// supplementary planes) or ASCII letters.
bool is_code_char(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) ||
         (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

Status check_code(std::u32string_view code, const char* error_code, const char* what) {
  const std::string w(what);
  if (code.empty()) return bad(error_code, "案号缺少" + w + " (the case number has no " + w + ")");
  if (code.size() > kMaxCodeChars || !std::all_of(code.begin(), code.end(), is_code_char))
    return bad(error_code, w + " 应为 1 至 6 个汉字 (" + w +
                               " is 1 to 6 Chinese characters, without spaces, digits or "
                               "brackets): " +
                               encode(code));
  return ok_status();
}

}  // namespace

std::string CaseNumber::canonical() const {
  return format_case_number(acceptance ? kDefaultCaseNumberFormat : kDefaultDocumentNumberFormat,
                            procuratorate_code, business_code, year, serial);
}

Result<CaseNumber> parse_case_number(std::string_view text) {
  if (!is_valid_utf8(text))
    return bad("invalid_text", "案号不是有效的 UTF-8 文本 (not valid UTF-8)");
  const std::u32string s = decode(text);
  std::size_t i = 0, end = s.size();
  while (i < end && is_space(s[i])) ++i;
  while (end > i && is_space(s[end - 1])) --end;
  if (i == end) return bad("required", "请输入案号 (the case number is empty)");
  auto skip_spaces = [&] {
    while (i < end && is_space(s[i])) ++i;
  };

  // {院代字}检: the 院代字 is everything before the first 检.
  const std::size_t mark = s.find(U'检', i);
  if (mark == std::u32string::npos || mark >= end)
    return bad("missing_jian",
               "案号应有“检”字，如 嘉检刑诉受〔2026〕1号 (a case number has 检 after the "
               "procuratorate's code, as in 嘉检刑诉受〔2026〕1号)");
  CaseNumber n;
  const std::u32string_view court(s.data() + i, mark - i);
  ZEREN_TRY(check_code(court, "invalid_procuratorate_code", "院代字"));
  n.procuratorate_code = encode(court);

  // {代字}[字][受] up to the bracket that opens the year.
  std::size_t open = mark + 1;
  while (open < end && !is_open(s[open])) ++open;
  if (open == end)
    return bad("missing_year",
               "案号缺少括号中的年份，如〔2026〕 (the year in brackets is missing)");
  std::size_t code_end = open;
  while (code_end > mark + 1 && is_space(s[code_end - 1])) --code_end;
  if (code_end > mark + 1 && s[code_end - 1] == U'字') --code_end;  // older 文书号: 刑捕字
  n.acceptance = code_end > mark + 1 && s[code_end - 1] == U'受';
  if (n.acceptance) --code_end;
  const std::u32string_view code(s.data() + mark + 1, code_end - mark - 1);
  ZEREN_TRY(check_code(code, "invalid_business_code", "代字"));
  // A 代字 that itself ends in 受 or 字 would read back as something else.
  if (code.back() == U'受' || code.back() == U'字')
    return bad(
        "invalid_business_code",
        "代字不能以“受”或“字”结尾 (the business code cannot end in 受 or 字): " + encode(code));
  n.business_code = encode(code);

  // 〔{year}〕
  i = open + 1;
  skip_spaces();
  int year = 0, digits = 0;
  for (; i < end && digit(s[i]) >= 0; ++i, ++digits)
    year = digits < 4 ? year * 10 + digit(s[i]) : year;
  if (digits != 4 || year < kFirstYear)
    return bad("invalid_year",
               "年份应为四位数字，不早于 1949 年 (the year is four digits, 1949 or later)");
  n.year = year;
  skip_spaces();
  if (i == end || !is_close(s[i]))
    return bad("missing_bracket",
               "年份后缺少右括号〕 (the closing bracket after the year is missing)");
  ++i;

  // [第]{serial}号
  skip_spaces();
  if (i < end && s[i] == U'第') {
    ++i;
    skip_spaces();
  }
  std::int64_t serial = 0;
  std::size_t serial_digits = 0;
  for (; i < end && digit(s[i]) >= 0; ++i, ++serial_digits)
    if (serial_digits < kMaxSerialDigits) serial = serial * 10 + digit(s[i]);
  if (serial_digits == 0)
    return bad("missing_serial", "年份后应为序号 (the serial number after the year is missing)");
  if (serial_digits > kMaxSerialDigits || serial < 1)
    return bad("invalid_serial",
               "序号应为 1 至 15 位的正整数 (the serial is 1 to 15 digits, not 0)");
  n.serial = serial;
  skip_spaces();
  if (i == end || s[i] != U'号')
    return bad("missing_hao", "序号后应为“号” (the serial number ends with 号)");
  ++i;
  if (i != end)
    return bad("trailing_text", "“号”之后不应再有文字 (nothing may follow 号): " +
                                    encode(std::u32string_view(s.data() + i, end - i)));
  return n;
}

}  // namespace zeren
