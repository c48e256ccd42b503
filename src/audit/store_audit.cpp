#include "audit/store_audit.hpp"

#include <functional>

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
    // Streams the log in batches; `each` returns false to stop.
    auto stream = [&](const std::function<bool(const AuditEntry&)>& each) -> Status {
      for (std::uint64_t from = 1;; from += kBatch) {
        auto batch = tx.audit().read(from, from + kBatch - 1, false);  // DrawVerifier parses
        if (!batch) return batch.error();
        for (const auto& e : *batch)
          if (!each(e)) return ok_status();
        if (batch->size() < kBatch) return ok_status();
      }
    };
    // One pass: the chain, and every random draw over the verified chain, recomputed once its
    // epoch's secret is revealed (later in the log).
    Digest previous{};
    ZEREN_TRY(stream([&](const AuditEntry& e) {
      if (!verifier.feed(e)) return false;
      draws.feed(e, previous);
      previous = e.hash;
      return true;
    }));
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
