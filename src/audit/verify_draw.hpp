// Re-checks one assignment's draw on request (the case page's "verify" button): the entry's
// place in the chain (its hash from the entry before it), the epoch's commitment and reveal, and
// the draw itself (docs/draw_format.md). The whole log is checked by verify_store.
#pragma once

#include "audit/draw_verifier.hpp"
#include "domain/ports.hpp"

namespace zeren::audit {

struct SingleDrawReport {
  bool ok = false;
  bool revealed = false;  // false: the epoch is still open, the draw cannot be checked yet
  std::uint64_t seq = 0;
  std::string problem;  // empty when ok or not yet revealed
};

// `seq` is the sequence number of the draw's case.assign entry; `epoch` its epoch id.
Result<SingleDrawReport> verify_draw(Store& store, HashAlgorithm hash, std::uint64_t seq,
                                     std::int64_t epoch);

}  // namespace zeren::audit
