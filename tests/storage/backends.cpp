// The storage backends every conformance suite runs against. The PostgreSQL instantiation is
// always listed; it is skipped (not passed) when the run has no throwaway cluster.
#include "conformance.hpp"
#include "postgres_factory.hpp"
#include "sqlite_factory.hpp"

namespace zeren::testing {

std::vector<BackendParam> all_backends() {
  return {BackendParam{"sqlite", [] { return std::make_unique<SqliteFactory>(); }},
          BackendParam{"postgresql", [] { return std::make_unique<PostgresFactory>(); }}};
}

}  // namespace zeren::testing
