// The storage backends every conformance suite runs against.
#include "conformance.hpp"
#include "sqlite_factory.hpp"

namespace zeren::testing {

std::vector<BackendParam> all_backends() {
  return {BackendParam{"sqlite", [] { return std::make_unique<SqliteFactory>(); }}};
}

}  // namespace zeren::testing
