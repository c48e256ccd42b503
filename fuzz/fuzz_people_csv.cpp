// The people roster CSV (src/codec/csv.hpp, src/codec/people_csv.hpp) on any bytes: parse_csv and
// decode_people_csv end in a value or an error, never a crash, a sanitizer report or a hang
// (fuzz/run gives each input a time limit). Beyond that, what their headers promise: a table's
// records keep within the limits and hold valid UTF-8; an error is invalid_argument naming a line.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "codec/csv.hpp"
#include "codec/people_csv.hpp"
#include "domain/text.hpp"

namespace {

[[noreturn]] void finding(const std::string& what) {
  std::fprintf(stderr, "fuzz_people_csv: %s\n", what.c_str());
  std::abort();
}

void check_error(const zeren::Error& e, const char* who) {
  if (e.kind != zeren::ErrorKind::invalid_argument)
    finding(std::string(who) + ": an error that is not invalid_argument: " + e.message);
  if (e.message.empty()) finding(std::string(who) + ": an error without a message");
}

void check_row(const zeren::codec::CsvRow& row) {
  if (row.line < 1) finding("a record without its line");
  if (row.fields.size() > zeren::codec::kMaxCsvFields) finding("a record over the field limit");
  for (const auto& f : row.fields)
    if (!zeren::is_valid_utf8(f)) finding("a field that is not UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto table = zeren::codec::parse_csv(text)) {
    check_row(table->header);
    if (table->rows.size() + 1 > zeren::codec::kMaxCsvRecords)
      finding("more records than the limit");
    for (const auto& r : table->rows) check_row(r);
  } else {
    check_error(table.error(), "parse_csv");
  }
  if (auto people = zeren::codec::decode_people_csv(text)) {
    if (people->empty() || people->size() > zeren::codec::kMaxPeopleRows)
      finding("a roster with no rows or over the limit");
    for (const auto& p : *people)
      if (p.line < 2 || p.name.empty()) finding("a person row without its line or name");
  } else {
    check_error(people.error(), "decode_people_csv");
  }
  return 0;
}
