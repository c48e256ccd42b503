#include "audit/store_audit.hpp"

#include <exception>
#include <functional>
#include <thread>
#include <vector>

#include "audit/draw_verifier.hpp"
#include "audit/handoff.hpp"

namespace zeren::audit {

namespace {
constexpr std::uint64_t kBatch = 5000;
constexpr std::size_t kBatchesAhead = 2;  // queued between two steps
}

Result<VerifyReport> verify_store(Store& store, HashAlgorithm hash, const PublicKey& key) {
  std::optional<VerifyReport> report;
  // One read transaction: the log seen is one consistent snapshot.
  auto s = store.transact([&](Transaction& tx) -> Status {
    auto checkpoints = tx.audit().checkpoints();
    if (!checkpoints) return checkpoints.error();
    ChainVerifier verifier(hash, *checkpoints);
    DrawVerifier draws(hash);
    // One pass over the log in batches, three steps on their own threads, each handing its
    // batches to the next through a short queue: reading, hashing the chain, and recomputing the
    // random draws over the part of each batch whose hashes verified (a draw waits, as a copy,
    // until its epoch's secret is revealed later in the log). No step waits for the others to
    // finish a batch, only for the queue before it to fill, so on two CPUs the three keep both
    // busy. The transaction is used by the reader alone, the chain's verifier by the hasher
    // alone, the draws' verifier by this thread, until both threads are joined.
    {
      struct Hashed {
        std::vector<AuditEntry> entries;
        std::size_t verified = 0;  // its first entries whose hashes verified
      };
      Handoff<std::vector<AuditEntry>> read_batches(kBatchesAhead);
      Handoff<Hashed> hashed_batches(kBatchesAhead);
      std::optional<Error> read_error;
      std::exception_ptr reader_failure, hasher_failure;
      std::thread reader, hasher;
      // At the end, or should anything below throw: both threads stopped and joined before the
      // transaction is used again.
      struct StopAndJoin {
        std::function<void()> run;
        ~StopAndJoin() { run(); }
      } const stop_and_join{[&] {
        read_batches.close();
        hashed_batches.close();
        if (hasher.joinable()) hasher.join();
        if (reader.joinable()) reader.join();
      }};
      reader = std::thread([&] {
        try {
          for (std::uint64_t from = 1;; from += kBatch) {
            auto batch = tx.audit().read(from, from + kBatch - 1, false);  // DrawVerifier parses
            if (!batch) {
              read_error = batch.error();
              break;
            }
            const bool last = batch->size() < kBatch;
            if (!read_batches.push(std::move(*batch)) || last) break;
          }
        } catch (...) {
          reader_failure = std::current_exception();
        }
        read_batches.close();
      });
      hasher = std::thread([&] {
        try {
          while (auto batch = read_batches.pop()) {
            Hashed h{std::move(*batch)};
            while (h.verified < h.entries.size() && verifier.feed(h.entries[h.verified]))
              ++h.verified;
            const bool broke = h.verified < h.entries.size();  // the chain broke there
            if (!hashed_batches.push(std::move(h)) || broke) break;
          }
        } catch (...) {
          hasher_failure = std::current_exception();
        }
        read_batches.close();  // a reader still under way stops at its next batch
        hashed_batches.close();
      });
      Digest previous{};
      while (auto h = hashed_batches.pop()) {
        for (std::size_t i = 0; i < h->verified; ++i) {
          draws.feed(h->entries[i], previous);
          previous = h->entries[i].hash;
        }
      }
      stop_and_join.run();
      if (reader_failure) std::rethrow_exception(reader_failure);
      if (hasher_failure) std::rethrow_exception(hasher_failure);
      if (read_error) return *read_error;
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
