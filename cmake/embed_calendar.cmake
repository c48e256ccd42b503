# Writes OUT: a C++ file defining zeren::calendar_texts() with the bytes of every DIR/*.txt (the
# working-day calendars, one file per year), in file-name order.
file(GLOB FILES "${DIR}/*.txt")
list(SORT FILES)
set(ENTRIES "")
foreach(F IN LISTS FILES)
  file(READ "${F}" CONTENT)
  string(FIND "${CONTENT}" ")zeren_calendar" AT)
  if(NOT AT EQUAL -1)
    message(FATAL_ERROR "${F} contains the raw-string delimiter \")zeren_calendar\"")
  endif()
  string(APPEND ENTRIES "    R\"zeren_calendar(${CONTENT})zeren_calendar\",\n")
endforeach()
if(ENTRIES STREQUAL "")
  message(FATAL_ERROR "no calendar files in ${DIR}")
endif()
file(WRITE "${OUT}" "// Generated from ${DIR}/*.txt by cmake/embed_calendar.cmake. Do not edit.\n"
  "#include \"domain/calendar.hpp\"\n"
  "namespace zeren {\n"
  "std::span<const std::string_view> calendar_texts() {\n"
  "  static constexpr std::string_view kTexts[] = {\n"
  "${ENTRIES}"
  "  };\n"
  "  return kTexts;\n"
  "}\n"
  "}  // namespace zeren\n")
