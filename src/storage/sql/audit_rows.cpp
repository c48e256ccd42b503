// AuditLog: append computes the chained hash from the stored head inside the caller's transaction,
// holding the chain's lock (ChainLock) from before it reads the head until the transaction ends, so
// the chain cannot fork however many servers write.
#include <soci/soci.h>

#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

namespace {

// An audit entry's row as its INSERT binds it.
struct EntryRow {
  long long seq = 0, time = 0;
  int version = 0;
  std::string actor, action, subject, fields, hash;
};

}  // namespace

// Read once, with the chain's lock held (the callers hold it first): from then until the
// transaction ends no one else extends the chain, so each append moves the head on itself.
Result<SqlTransaction::ChainHead> SqlTransaction::chain_head() {
  if (head_) return *head_;
  return guarded_value<ChainHead>([&]() -> Result<ChainHead> {
    long long last = 0;
    std::string last_hash;
    soci::indicator ind = soci::i_ok;
    ChainHead h;
    if (statements_.run("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
                        into(last, ind), into(last_hash)) &&
        ind != soci::i_null) {
      if (!audit::from_hex(last_hash, h.hash))
        return Error{ErrorKind::corruption, "bad_audit_head",
                     "the audit log's last hash is unreadable", ""};
      h.seq = last;
    }
    head_ = h;
    return h;
  });
}

Result<AuditEntry> SqlTransaction::append(AuditEvent event) {
  auto fields = audit::canonical_fields(event.fields);
  if (!fields) return fields.error();
  ZEREN_TRY(chain_.hold());
  auto head = chain_head();
  if (!head) return head.error();
  return guarded_value<AuditEntry>([&]() -> Result<AuditEntry> {
    const Digest previous = head->hash;
    AuditEntry e;
    e.seq = static_cast<std::uint64_t>(head->seq) + 1;
    e.version = audit::kRecordVersion;
    e.event = std::move(event);
    e.fields_text = std::move(*fields);
    const AuditEvent& ev = e.event;
    e.hash = audit::entry_hash(hash_, e.version, previous, e.seq, ev.time_us, ev.actor, ev.action,
                               ev.subject, e.fields_text);
    // Every change writes an entry or two: bound once (StatementCache::kept).
    static const std::string insert =
        "INSERT INTO audit_log (seq, version, time_us, actor, action, subject, fields, hash) "
        "VALUES (:s, :v, :t, :a, :c, :u, :f, :h)";
    auto row = statements_.kept<EntryRow>(insert, [](soci::statement& st, EntryRow& r) {
      exchange_all(st, use(r.seq), use(r.version), use(r.time), use(r.actor), use(r.action),
                   use(r.subject), use(r.fields), use(r.hash));
    });
    auto& v = row.values;
    v.seq = static_cast<long long>(e.seq);
    v.version = e.version;
    v.time = ev.time_us;
    v.actor = ev.actor;
    v.action = ev.action;
    v.subject = ev.subject;
    v.fields = e.fields_text;
    v.hash = audit::to_hex(e.hash);
    statements_.execute_kept(insert, row.statement);
    head_ = ChainHead{v.seq, e.hash};
    return e;
  });
}

Result<std::uint64_t> SqlTransaction::size() {
  ZEREN_TRY(chain_.hold());
  return guarded_value<std::uint64_t>([&]() -> Result<std::uint64_t> {
    long long n = 0;
    statements_.run("SELECT COUNT(*) FROM audit_log", into(n));
    return static_cast<std::uint64_t>(n);
  });
}

Result<std::vector<AuditEntry>> SqlTransaction::load_entries(const std::string& where, long long lo,
                                                             long long hi,
                                                             const std::string* subject,
                                                             bool parsed) {
  return guarded_value<std::vector<AuditEntry>>([&]() -> Result<std::vector<AuditEntry>> {
    std::vector<AuditEntry> out;
    long long seq = 0, time = 0;
    int version = 0;
    std::string actor, action, subj, fields, hash;
    const std::string q =
        "SELECT seq, version, time_us, actor, action, subject, fields, hash "
        "FROM audit_log " +
        where + " ORDER BY seq";
    soci::statement& st =
        subject ? statements_.bind(q, use(*subject), into(seq), into(version), into(time),
                                   into(actor), into(action), into(subj), into(fields), into(hash))
                : statements_.bind(q, use(lo), use(hi), into(seq), into(version), into(time),
                                   into(actor), into(action), into(subj), into(fields), into(hash));
    st.execute();
    while (st.fetch()) {
      AuditEntry e;
      e.seq = static_cast<std::uint64_t>(seq);
      e.version = static_cast<std::uint8_t>(version);
      e.event.time_us = time;
      e.event.actor = actor;
      e.event.action = action;
      e.event.subject = subj;
      if (parsed)
        if (auto read = audit::parse_fields(fields)) e.event.fields = std::move(*read);
      e.fields_text = std::move(fields);
      if (!audit::from_hex(hash, e.hash)) e.hash = Digest{};  // fails verification, not reading
      out.push_back(std::move(e));
    }
    return out;
  });
}

Result<std::vector<AuditEntry>> SqlTransaction::read(std::uint64_t from, std::uint64_t to,
                                                     bool parsed) {
  return load_entries("WHERE seq >= :lo AND seq <= :hi", static_cast<long long>(from),
                      static_cast<long long>(to), nullptr, parsed);
}

Result<std::vector<AuditEntry>> SqlTransaction::read_subject(const std::string& subject) {
  return load_entries("WHERE subject = :s", 0, 0, &subject);
}

Result<Digest> SqlTransaction::head() {
  ZEREN_TRY(chain_.hold());
  auto head = chain_head();
  if (!head) return head.error();
  return head->hash;
}

Status SqlTransaction::add_checkpoint(const AuditCheckpoint& c) {
  return guarded([&]() -> Status {
    long long size = static_cast<long long>(c.size), at = c.signed_at_us;
    const std::string head = audit::to_hex(c.head), sig = audit::to_hex(c.signature);
    statements_.run(
        "INSERT INTO audit_checkpoint (size, head, signed_at_us, key_id, signature) "
        "VALUES (:s, :h, :t, :k, :g)",
        use(size), use(head), use(at), use(c.key_id), use(sig));
    return ok_status();
  });
}

Result<std::vector<AuditCheckpoint>> SqlTransaction::checkpoints() {
  return guarded_value<std::vector<AuditCheckpoint>>([&]() -> Result<std::vector<AuditCheckpoint>> {
    std::vector<AuditCheckpoint> out;
    long long id = 0, size = 0, at = 0;
    std::string head, key, sig;
    soci::statement& st = statements_.bind(
        "SELECT id, size, head, signed_at_us, key_id, signature "
        "FROM audit_checkpoint ORDER BY id",
        into(id), into(size), into(head), into(at), into(key), into(sig));
    st.execute();
    while (st.fetch()) {
      AuditCheckpoint c;
      c.id = id;
      c.size = static_cast<std::uint64_t>(size);
      c.signed_at_us = at;
      c.key_id = key;
      if (!audit::from_hex(head, c.head)) c.head = Digest{};
      if (!audit::from_hex(sig, c.signature)) c.signature = Signature{};
      out.push_back(std::move(c));
    }
    return out;
  });
}

}  // namespace zeren::sql
