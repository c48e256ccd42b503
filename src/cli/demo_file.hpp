// Reads data/demo-organisation.json into the use case's DemoOrganisation.
#pragma once

#include <string>

#include "app/use_cases.hpp"

namespace zeren::cli {

// The default file: $ZEREN_DATA_DIR, the source tree's data/, or ../data beside the binary.
std::string default_demo_file();
Result<app::DemoOrganisation> read_demo_file(const std::string& path);

}  // namespace zeren::cli
