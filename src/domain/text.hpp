// Checks on free text that people type: names, reasons, codes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace zeren {

bool is_valid_utf8(std::string_view s);
std::size_t utf8_length(std::string_view s);  // code points; assumes valid UTF-8

// A single-line text: valid UTF-8, no control characters, not blank, at most `max_chars` code
// points. Surrounding spaces are removed. The error names `field`.
Result<std::string> clean_line(std::string text, std::string_view field, std::size_t max_chars);

}  // namespace zeren
