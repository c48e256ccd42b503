// The OpenAPI 3.1 document (api/openapi.json), built into the binary.
#pragma once

#include <string_view>

namespace zeren::http {
std::string_view openapi_document();
}
