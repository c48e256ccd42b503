// Checks on free text that people type: names, reasons, codes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace zeren {

bool is_valid_utf8(std::string_view s);
std::size_t utf8_length(std::string_view s);  // code points; assumes valid UTF-8

// A single-line text: valid UTF-8, no control characters, not blank, at most `max_chars` code
// points. Surrounding spaces are removed. The error names `field`.
Result<std::string> clean_line(std::string text, std::string_view field, std::size_t max_chars);
// The same for a written text of several lines (opinions, reports): newlines and tabs allowed.
Result<std::string> clean_text(std::string text, std::string_view field, std::size_t max_chars);

// Lower-case hex of bytes, and back (exactly 2 × out.size() digits, either case).
std::string hex_encode(const std::uint8_t* data, std::size_t n);
template <std::size_t N>
std::string hex_encode(const std::array<std::uint8_t, N>& a) {
  return hex_encode(a.data(), N);
}
bool hex_decode(std::string_view hex, std::uint8_t* out, std::size_t n);

}  // namespace zeren
