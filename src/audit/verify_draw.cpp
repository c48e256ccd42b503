#include "audit/verify_draw.hpp"

#include "audit/record.hpp"

namespace zeren::audit {

Result<SingleDrawReport> verify_draw(Store& store, HashAlgorithm hash, std::uint64_t seq,
                                     std::int64_t epoch) {
  std::vector<AuditEntry> pair, epoch_entries;
  ZEREN_TRY(store.transact([&](Transaction& tx) -> Status {
    auto p = tx.audit().read(seq > 1 ? seq - 1 : seq, seq);
    if (!p) return p.error();
    pair = std::move(*p);
    auto e = tx.audit().read_subject("epoch:" + std::to_string(epoch));
    if (!e) return e.error();
    epoch_entries = std::move(*e);
    return ok_status();
  }));
  SingleDrawReport out;
  out.seq = seq;
  if (pair.empty() || pair.back().seq != seq) {
    out.problem = "the assignment's audit entry is missing";
    return out;
  }
  const AuditEntry& entry = pair.back();
  const Digest previous = pair.size() == 2 ? pair.front().hash : Digest{};
  const auto& ev = entry.event;
  const Digest recomputed = chain_hash(
      hash, entry.version, previous,
      canonical_record(entry.seq, ev.time_us, ev.actor, ev.action, ev.subject, entry.fields_text));
  if (recomputed != entry.hash) {
    out.problem = "the entry's hash does not follow from the entry before it";
    return out;
  }
  DrawVerifier v(hash);
  for (const auto& e : epoch_entries) v.note_epoch(e);
  v.check(entry, previous);
  const auto& r = v.report();
  if (r.first_bad_seq) {
    out.problem = r.problem;
    return out;
  }
  out.revealed = r.pending == 0;
  out.ok = r.verified == 1;
  return out;
}

}  // namespace zeren::audit
