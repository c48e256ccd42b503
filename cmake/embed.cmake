# Writes OUT: a C++ file defining zeren::http::openapi_document() with the bytes of IN.
file(READ "${IN}" CONTENT)
file(WRITE "${OUT}" "// Generated from ${IN} by cmake/embed.cmake. Do not edit.\n"
  "#include \"http/openapi_document.hpp\"\n"
  "namespace zeren::http {\n"
  "std::string_view openapi_document() {\n"
  "  static constexpr char kText[] = R\"zeren_openapi(${CONTENT})zeren_openapi\";\n"
  "  return {kText, sizeof kText - 1};\n"
  "}\n"
  "}  // namespace zeren::http\n")
