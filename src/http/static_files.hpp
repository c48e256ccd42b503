// The built web UI: files under the web root; any other path that is not under /api/ gets
// index.html, so the single-page app's own routes load.
#pragma once

#include <string>

#include "http/message.hpp"

namespace zeren::http {

Response serve_static(const std::string& root, const std::string& path);

}  // namespace zeren::http
