// CSV as RFC 4180 defines it and spreadsheets write it: fields separated by commas, records by
// CRLF, LF or a lone CR; a field in double quotes may hold commas, line breaks and "" for a quote.
// A UTF-8 byte-order mark at the start (Excel's "CSV UTF-8") is skipped. Pure: no I/O, no global
// state; every input ends in a table or an error, never a crash or a hang.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace zeren::codec {

inline constexpr std::size_t kMaxCsvBytes = 4 * 1024 * 1024;
inline constexpr std::size_t kMaxCsvRecords = 50'000;  // the header included
inline constexpr std::size_t kMaxCsvFields = 64;       // in one record

struct CsvRow {
  int line = 0;  // the line the record starts on, counting from 1 (a quoted line break counts)
  std::vector<std::string> fields;
};

struct CsvTable {
  CsvRow header;             // the first record that is not an empty line
  std::vector<CsvRow> rows;  // the records after it; empty lines are left out
};

// Errors (invalid_argument) name the line in `field` ("line 7") and say in the message, in Chinese
// first, what is wrong: a file over kMaxCsvBytes, more than kMaxCsvRecords records or
// kMaxCsvFields fields in one, a quote inside an unquoted field or text after a closing quote, a
// quoted field never closed (the line it opened on), a record that is not valid UTF-8, no header.
// Line breaks inside quoted fields come out as "\n".
Result<CsvTable> parse_csv(std::string_view text);

}  // namespace zeren::codec
