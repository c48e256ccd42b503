#include "domain/text.hpp"

#include <array>

namespace zeren {

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    unsigned cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values beyond Unicode are not UTF-8.
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return false;
    i += n + 1;
  }
  return true;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char ch : s)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  return n;
}

namespace {
Result<std::string> clean(std::string text, std::string_view field, std::size_t max_chars,
                          bool lines) {
  const std::string f(field);
  if (!is_valid_utf8(text)) return Error::invalid(f, "invalid_text", f + " is not valid UTF-8");
  for (char ch : text) {
    if (lines && (ch == '\n' || ch == '\t')) continue;
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F)
      return Error::invalid(f, "invalid_text",
                            f + (lines ? " must not contain control characters"
                                       : " must be one line without control characters"));
  }
  const char* blank = lines ? " \n\t" : " ";
  const auto first = text.find_first_not_of(blank);
  if (first == std::string::npos) return Error::invalid(f, "required", f + " is required");
  const auto last = text.find_last_not_of(blank);
  text = text.substr(first, last - first + 1);
  if (utf8_length(text) > max_chars)
    return Error::invalid(f, "too_long",
                          f + " is longer than " + std::to_string(max_chars) + " characters");
  return text;
}
}  // namespace

Result<std::string> clean_line(std::string text, std::string_view field, std::size_t max_chars) {
  return clean(std::move(text), field, max_chars, false);
}

Result<std::string> clean_text(std::string text, std::string_view field, std::size_t max_chars) {
  return clean(std::move(text), field, max_chars, true);
}

std::string hex_encode(const std::uint8_t* data, std::size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s;
  s.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    s.push_back(kHex[data[i] >> 4]);
    s.push_back(kHex[data[i] & 0xF]);
  }
  return s;
}

namespace {
// Each byte's value as a hex digit, or -1: a look-up per digit (audit verify decodes two hashes
// for every entry of the log).
constexpr std::array<std::int8_t, 256> kHexValue = [] {
  std::array<std::int8_t, 256> t{};
  t.fill(-1);
  for (int c = 0; c < 10; ++c) t['0' + c] = static_cast<std::int8_t>(c);
  for (int c = 0; c < 6; ++c) {
    t['a' + c] = static_cast<std::int8_t>(10 + c);
    t['A' + c] = static_cast<std::int8_t>(10 + c);
  }
  return t;
}();
}  // namespace

bool hex_decode(std::string_view hex, std::uint8_t* out, std::size_t n) {
  if (hex.size() != 2 * n) return false;
  for (std::size_t i = 0; i < n; ++i) {
    const int h = kHexValue[static_cast<unsigned char>(hex[2 * i])],
              l = kHexValue[static_cast<unsigned char>(hex[2 * i + 1])];
    if (h < 0 || l < 0) return false;
    out[i] = static_cast<std::uint8_t>(h * 16 + l);
  }
  return true;
}

}  // namespace zeren
