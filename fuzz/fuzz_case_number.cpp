// parse_case_number (src/domain/case_number.hpp) on any bytes: it never crashes, and whatever it
// accepts reads back unchanged from its canonical spelling, which is itself canonical.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/case_number.hpp"

namespace {

[[noreturn]] void finding(const char* what, const std::string& a, const std::string& b) {
  std::fprintf(stderr, "fuzz_case_number: %s\n  %s\n  %s\n", what, a.c_str(), b.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = zeren::parse_case_number(text);
  if (!parsed) {
    if (parsed.error().field != "case_number" || parsed.error().code.empty())
      finding("an error that does not name the case number", parsed.error().code,
              parsed.error().message);
    return 0;
  }
  const std::string canonical = parsed->canonical();
  auto again = zeren::parse_case_number(canonical);
  if (!again) finding("canonical() does not parse", canonical, again.error().message);
  if (!(*again == *parsed))
    finding("canonical() parses to another value", canonical, again->canonical());
  if (again->canonical() != canonical)
    finding("canonical() is not stable", canonical, again->canonical());
  return 0;
}
