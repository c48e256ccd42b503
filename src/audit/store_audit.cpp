#include "audit/store_audit.hpp"

#include <future>
#include <vector>

#include "audit/draw_verifier.hpp"

namespace zeren::audit {

namespace {
constexpr std::uint64_t kBatch = 5000;
}

Result<VerifyReport> verify_store(Store& store, HashAlgorithm hash, const PublicKey& key) {
  std::optional<VerifyReport> report;
  // One read transaction: the log seen is one consistent snapshot.
  auto s = store.transact([&](Transaction& tx) -> Status {
    auto checkpoints = tx.audit().checkpoints();
    if (!checkpoints) return checkpoints.error();
    ChainVerifier verifier(hash, *checkpoints);
    DrawVerifier draws(hash);
    // One pass over the log in batches, three steps overlapping on their own threads: reading
    // batch k + 1, hashing the chain over batch k, and recomputing the random draws of batch
    // k - 1 over the part of it whose hashes verified (a draw waits, as a copy, until its epoch's
    // secret is revealed later in the log). Each of the transaction, the chain's verifier and the
    // draws' verifier is used by one thread at a time, handed on through the futures; a read or
    // a hashing still under way when the pass stops is waited for by its future's destructor,
    // before the transaction is used again below.
    {
      struct Hashed {
        std::vector<AuditEntry> entries;
        std::size_t verified = 0;  // its first entries whose hashes verified
      };
      auto read = [&tx](std::uint64_t from) {
        return tx.audit().read(from, from + kBatch - 1, false);  // DrawVerifier parses
      };
      auto hash_chain = [&verifier](std::vector<AuditEntry> batch) {
        Hashed h{std::move(batch)};
        while (h.verified < h.entries.size() && verifier.feed(h.entries[h.verified])) ++h.verified;
        return h;
      };
      Digest previous{};
      auto check_draws = [&](const Hashed& h) {
        for (std::size_t i = 0; i < h.verified; ++i) {
          draws.feed(h.entries[i], previous);
          previous = h.entries[i].hash;
        }
      };
      auto reading = std::async(std::launch::async, read, std::uint64_t{1});
      std::future<Hashed> hashing;
      for (std::uint64_t from = 1;; from += kBatch) {
        auto batch = reading.get();
        if (!batch) return batch.error();
        const bool last = batch->size() < kBatch;
        std::optional<Hashed> before;
        if (hashing.valid()) before = hashing.get();
        if (before && before->verified < before->entries.size()) {  // the chain broke there
          check_draws(*before);
          break;
        }
        if (!last) reading = std::async(std::launch::async, read, from + kBatch);
        hashing = std::async(std::launch::async, hash_chain, std::move(*batch));
        if (before) check_draws(*before);
        if (last) {
          check_draws(hashing.get());
          break;
        }
      }
    }
    draws.finish();
    // Entries stored beyond a gap are not reached by the ranged reads above.
    auto total = tx.audit().size();
    if (!total) return total.error();
    report = verifier.finish(key);
    if (report->ok && *total != report->entries) {
      report->ok = false;
      report->first_bad_seq = report->entries + 1;
      report->problem = "entry " + std::to_string(report->entries + 1) + " is missing";
    }
    report->entries = *total;
    const auto& d = draws.report();
    report->draws_verified = d.verified;
    report->draws_pending = d.pending;
    if (d.first_bad_seq && (!report->first_bad_seq || *d.first_bad_seq < *report->first_bad_seq)) {
      report->ok = false;
      report->first_bad_seq = d.first_bad_seq;
      report->verified = *d.first_bad_seq - 1;
      report->problem = d.problem;
      report->bad_case = d.bad_case;
    }
    return ok_status();
  });
  if (!s) return s.error();
  return *report;
}

Result<std::optional<AuditCheckpoint>> write_checkpoint(Store& store, const SigningKey& key,
                                                        const Clock& clock) {
  std::optional<AuditCheckpoint> written;
  auto s = store.transact([&](Transaction& tx) -> Status {
    auto size = tx.audit().size();
    if (!size) return size.error();
    if (*size == 0) return ok_status();
    auto existing = tx.audit().checkpoints();
    if (!existing) return existing.error();
    if (!existing->empty() && existing->back().size >= *size) return ok_status();
    auto last = tx.audit().read(*size, *size);
    if (!last) return last.error();
    if (last->size() != 1)
      return Error{ErrorKind::corruption, "audit_gap", "the audit log has a gap; run audit verify", ""};
    auto c = sign_checkpoint(key, *size, last->front().hash, clock.now_us());
    ZEREN_TRY(tx.audit().add_checkpoint(c));
    written = c;
    return ok_status();
  });
  if (!s) return s.error();
  return written;
}

}  // namespace zeren::audit
