#include "audit/verifier.hpp"

#include <algorithm>

namespace zeren::audit {

ChainVerifier::ChainVerifier(HashAlgorithm algorithm,
                             const std::vector<AuditCheckpoint>& checkpoints)
    : algorithm_(algorithm), checkpoints_(checkpoints) {
  for (const auto& c : checkpoints_) heads_[c.size] = Digest{};
  heads_[0] = Digest{};
}

void ChainVerifier::fail(std::uint64_t seq, std::string problem) {
  if (!bad_seq_ || seq < *bad_seq_) {
    bad_seq_ = seq;
    problem_ = std::move(problem);
  }
}

bool ChainVerifier::feed(const AuditEntry& e) {
  if (bad_seq_) return false;
  if (e.seq != expected_) {
    fail(expected_, "entry " + std::to_string(expected_) + " is missing or out of order (found " +
                        std::to_string(e.seq) + ")");
    return false;
  }
  if (e.version != kRecordVersion) {
    fail(e.seq, "entry " + std::to_string(e.seq) + " has unknown record version " +
                    std::to_string(e.version));
    return false;
  }
  const Digest h = entry_hash(algorithm_, e.version, previous_, e.seq, e.event.time_us,
                              e.event.actor, e.event.action, e.event.subject, e.fields_text);
  // 0x00 || version || previous || canonical(record): u64 seq, i64 time, four u32-length strings.
  hashed_bytes_ += 2 + previous_.size() + 8 + 8 + 4 * 4 + e.event.actor.size() +
                   e.event.action.size() + e.event.subject.size() + e.fields_text.size();
  if (h != e.hash) {
    fail(e.seq, "entry " + std::to_string(e.seq) + " does not match its hash");
    return false;
  }
  previous_ = h;
  if (auto it = heads_.find(e.seq); it != heads_.end()) it->second = h;
  ++expected_;
  return true;
}

VerifyReport ChainVerifier::finish(const PublicKey& key) const {
  VerifyReport r;
  r.entries = expected_ - 1;
  r.hashed_bytes = hashed_bytes_;
  r.checkpoints = checkpoints_.size();
  r.head = to_hex(previous_);
  std::optional<std::uint64_t> bad = bad_seq_;
  std::string problem = problem_;
  // A checkpoint may claim more entries than the log has: the fault is then where the log ends,
  // never a seq past it (the entries there verified, and `verified` counts no more than there are).
  auto fail = [&](std::uint64_t seq, std::string why) {
    seq = std::min(seq, r.entries + 1);
    if (!bad || seq < *bad) {
      bad = seq;
      problem = std::move(why);
    }
  };
  const std::uint64_t verified = bad_seq_ ? *bad_seq_ - 1 : r.entries;
  std::uint64_t last_good_size = 0;
  for (const auto& c : checkpoints_) {
    const std::string name = "checkpoint " + std::to_string(c.id);
    if (!checkpoint_signature_valid(key, c)) {
      fail(c.size == 0 ? 1 : c.size, name + " has no valid signature by the audit key");
      continue;
    }
    if (c.size < last_good_size) {
      fail(c.size == 0 ? 1 : c.size, name + " goes back to an earlier size");
      continue;
    }
    if (c.size > verified) {
      // Entries the checkpoint vouches for are missing (truncated) or failed already.
      if (!bad_seq_)
        fail(verified + 1, name + " covers " + std::to_string(c.size) +
                               " entries but the log has " + std::to_string(verified));
      continue;
    }
    if (heads_.at(c.size) != c.head) {
      fail(last_good_size + 1, name + " does not match the log: entries after " +
                                   std::to_string(last_good_size) + " were rewritten");
      continue;
    }
    last_good_size = c.size;
  }
  r.ok = !bad.has_value();
  r.verified = bad ? *bad - 1 : r.entries;
  r.first_bad_seq = bad;
  r.problem = problem;
  return r;
}

}  // namespace zeren::audit
