// Verification and checkpointing over a whole store (streams the log in batches).
#pragma once

#include <optional>

#include "audit/checkpoint.hpp"
#include "audit/verifier.hpp"
#include "domain/ports.hpp"

namespace zeren::audit {

// Re-hashes every entry, checks every checkpoint against `key`. A database error is an error;
// a log that does not verify is a report with ok == false.
Result<VerifyReport> verify_store(Store& store, HashAlgorithm hash, const PublicKey& key);

// Signs the current head unless the latest checkpoint already covers it. Returns the new
// checkpoint, or nothing when none was needed (empty log or already covered).
Result<std::optional<AuditCheckpoint>> write_checkpoint(Store& store, const SigningKey& key,
                                                        const Clock& clock);

}  // namespace zeren::audit
