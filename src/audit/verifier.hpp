// Re-hashes the chain and checks the checkpoints. Pure: fed entries in stored order, it says where
// the log first fails to verify.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/checkpoint.hpp"
#include "audit/record.hpp"

namespace zeren::audit {

struct VerifyReport {
  bool ok = true;
  std::uint64_t entries = 0;   // entries in the log
  std::uint64_t verified = 0;  // entries that can be trusted: those before first_bad_seq
  std::uint64_t checkpoints = 0;
  std::optional<std::uint64_t> first_bad_seq;
  std::string problem;  // empty when ok
  std::string head;     // hex of the last verified hash
  std::uint64_t draws_verified = 0;
  std::uint64_t draws_pending = 0;  // in epochs not revealed yet
  std::string bad_case;             // case number of the first bad draw, if that is the fault
  std::uint64_t hashed_bytes = 0;   // fed to the chain's hash function, for benchmarks
};

class ChainVerifier {
 public:
  // `checkpoints` tells which positions' heads must be remembered.
  ChainVerifier(HashAlgorithm algorithm, const std::vector<AuditCheckpoint>& checkpoints);

  // Feeds the next stored entry; returns false once the chain is broken (stop feeding then).
  bool feed(const AuditEntry& e);
  // Checks every checkpoint against the entries fed and `key`; the report names the earliest
  // sequence number at fault.
  VerifyReport finish(const PublicKey& key) const;
  // Entries 1..n whose hashes verified so far.
  std::uint64_t verified_prefix() const { return expected_ - 1; }

 private:
  void fail(std::uint64_t seq, std::string problem);

  HashAlgorithm algorithm_;
  std::vector<AuditCheckpoint> checkpoints_;
  std::map<std::uint64_t, Digest> heads_;  // size -> computed head, for checkpoint sizes
  Digest previous_{};
  std::uint64_t expected_ = 1;
  std::uint64_t hashed_bytes_ = 0;
  std::optional<std::uint64_t> bad_seq_;
  std::string problem_;
};

}  // namespace zeren::audit
