// AssignmentRepository and EpochRepository in SQL (both backends).
#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <map>

#include "storage/sql/rows.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

namespace {

const std::string kScopeJoin = " JOIN case_file c ON c.id = x.case_id ";

// An assignment's row as its INSERT binds it, and the id it returns.
struct AssignmentRow {
  long long case_id = 0, unit = 0, plan = 0, decided_at = 0, audit_seq = 0, id = 0;
  std::string method, draw_value;
  int plan_version = 0, tolerance = 0, min_pool = 0, pool_size = 0, band_size = 0, draw_index = 0;
  soci::indicator plan_ind = soci::i_null;
  Nullable epoch, approver, request;
};

// One candidate's row as its INSERT binds it.
struct CandidateRow {
  long long assignment, unit, weight;
  int ordinal, position, share, eligible, in_band;
  std::string exclusion;
};

// At most this many candidates to one INSERT, so that only this many texts are ever prepared.
constexpr std::size_t kCandidateRows = 16;
using CandidateRows = std::array<CandidateRow, kCandidateRows>;

// The INSERT of `rows` candidates (1 to kCandidateRows), its text built once.
const std::string& candidate_insert(std::size_t rows) {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out(kCandidateRows + 1);
    std::string q =
        "INSERT INTO assignment_candidate (assignment_id, ordinal, unit_id, position, weight_sum, "
        "share_bp, eligible, exclusion, in_band) VALUES ";
    for (std::size_t n = 1; n <= kCandidateRows; ++n) {
      const std::string k = std::to_string(n - 1);
      if (n > 1) q += ", ";
      q += "(:a" + k + ", :o" + k + ", :u" + k + ", :p" + k + ", :w" + k + ", :s" + k + ", :e" + k +
           ", :x" + k + ", :b" + k + ")";
      out[n] = q;
    }
    return out;
  }();
  return texts[rows];
}
}  // namespace

Result<AssignmentId> SqlTransaction::add_assignment(const AssignmentRecord& r) {
  return guarded_value<AssignmentId>([&]() -> Result<AssignmentId> {
    // Bound once (StatementCache::kept), as the candidates below: an intake runs it every time.
    static const std::string insert =
        "INSERT INTO assignment (case_id, unit_id, method, plan_id, plan_version, tolerance, "
        "min_pool, pool_size, band_size, epoch_id, draw_value, draw_index, approver, request_id, "
        "decided_at_us, audit_seq) VALUES (:c, :u, :m, :p, :v, :t, :mp, :ps, :bs, :e, :dv, :di, "
        ":a, :r, :at, :s) RETURNING id";
    auto row = statements_.kept<AssignmentRow>(insert, [](soci::statement& st, AssignmentRow& a) {
      exchange_all(st, use(a.case_id), use(a.unit), use(a.method), use(a.plan, a.plan_ind),
                   use(a.plan_version), use(a.tolerance), use(a.min_pool), use(a.pool_size),
                   use(a.band_size), use(a.epoch.value, a.epoch.ind), use(a.draw_value),
                   use(a.draw_index), use(a.approver.value, a.approver.ind),
                   use(a.request.value, a.request.ind), use(a.decided_at), use(a.audit_seq),
                   into(a.id));
    });
    auto& a = row.values;
    a.case_id = r.case_id.value;
    a.unit = r.unit.value;
    a.method = code_of(r.method);
    a.plan = r.plan.value;
    a.plan_ind = r.plan.valid() ? soci::i_ok : soci::i_null;
    a.plan_version = r.plan_version;
    a.tolerance = r.tolerance;
    a.min_pool = r.min_pool;
    a.pool_size = r.pool_size;
    a.band_size = r.band_size;
    a.epoch = Nullable(r.epoch);
    a.draw_value = r.draw_value;
    a.draw_index = r.draw_index;
    a.approver = Nullable(r.approver);
    a.request = Nullable(r.request);
    a.decided_at = r.decided_at_us;
    a.audit_seq = static_cast<long long>(r.audit_seq);
    statements_.execute_kept(insert, row.statement);
    const long long id = a.id;
    if (r.candidates.empty()) return AssignmentId{id};
    // The candidates in multi-row INSERTs of up to kCandidateRows: a department's dozens of units
    // in one or a few statements, one round trip each on PostgreSQL. Each is bound once to the
    // rows it keeps (kept()), since binding 9 values a row anew costs more than inserting them.
    for (std::size_t from = 0; from < r.candidates.size(); from += kCandidateRows) {
      const std::size_t n = std::min(kCandidateRows, r.candidates.size() - from);
      const std::string& query = candidate_insert(n);
      auto insert =
          statements_.kept<CandidateRows>(query, [n](soci::statement& st, CandidateRows& rows) {
            for (std::size_t k = 0; k < n; ++k) {
              auto& row = rows[k];
              exchange_all(st, use(row.assignment), use(row.ordinal), use(row.unit),
                           use(row.position), use(row.weight), use(row.share), use(row.eligible),
                           use(row.exclusion), use(row.in_band));
            }
          });
      for (std::size_t k = 0; k < n; ++k) {
        const auto& c = r.candidates[from + k];
        insert.values[k] = {
            id,         c.unit.value, c.weight_sum,       static_cast<int>(from + k),
            c.position, c.share_bp,   c.eligible ? 1 : 0, c.in_band ? 1 : 0,
            c.exclusion};
      }
      statements_.execute_kept(query, insert.statement);
    }
    return AssignmentId{id};
  });
}

Result<std::vector<AssignmentRecord>> SqlTransaction::load_assignments(const std::string& where,
                                                                       std::int64_t arg) {
  return guarded_value<std::vector<AssignmentRecord>>(
      [&]() -> Result<std::vector<AssignmentRecord>> {
        const bool has_arg = !where.empty();
        std::map<long long, std::vector<Assessment>> candidates;
        {
          long long aid = 0, unit = 0, weight = 0;
          int position = 0, share = 0, eligible = 0, in_band = 0;
          std::string exclusion;
          soci::statement& st = statements_.unbound(
              "SELECT k.assignment_id, k.unit_id, k.position, k.weight_sum, k.share_bp, "
              "k.eligible, k.exclusion, k.in_band FROM assignment_candidate k JOIN assignment x "
              "ON x.id = k.assignment_id" +
              kScopeJoin + where + " ORDER BY k.assignment_id, k.ordinal");
          if (has_arg) st.exchange(use(arg));
          exchange_all(st, into(aid), into(unit), into(position), into(weight), into(share),
                       into(eligible), into(exclusion), into(in_band));
          st.define_and_bind();
          st.execute();
          while (st.fetch())
            candidates[aid].push_back(Assessment{UnitId{unit}, position, weight, share,
                                                 eligible == 1, exclusion, in_band == 1});
        }
        std::vector<AssignmentRecord> out;
        long long id = 0, cid = 0, unit = 0, plan = 0, epoch = 0, approver = 0, request = 0, at = 0,
                  seq = 0;
        int version = 0, tol = 0, pool = 0, pool_size = 0, band = 0, index = 0;
        std::string method, value;
        soci::indicator plan_ind = soci::i_ok, epoch_ind = soci::i_ok, approver_ind = soci::i_ok,
                        request_ind = soci::i_ok;
        soci::statement& st = statements_.unbound(
            "SELECT x.id, x.case_id, x.unit_id, x.method, x.plan_id, x.plan_version, x.tolerance, "
            "x.min_pool, x.pool_size, x.band_size, x.epoch_id, x.draw_value, x.draw_index, "
            "x.approver, x.request_id, x.decided_at_us, x.audit_seq FROM assignment x" +
            kScopeJoin + where + " ORDER BY x.id");
        if (has_arg) st.exchange(use(arg));
        exchange_all(st, into(id), into(cid), into(unit), into(method), into(plan, plan_ind),
                     into(version), into(tol), into(pool), into(pool_size), into(band),
                     into(epoch, epoch_ind), into(value), into(index), into(approver, approver_ind),
                     into(request, request_ind), into(at), into(seq));
        st.define_and_bind();
        st.execute();
        while (st.fetch()) {
          AssignmentRecord r;
          r.id = AssignmentId{id};
          r.case_id = CaseId{cid};
          r.unit = UnitId{unit};
          r.method = term_or_throw<AssignmentMethod>(method);
          if (plan_ind != soci::i_null) r.plan = PlanId{plan};
          r.plan_version = version;
          r.tolerance = tol;
          r.min_pool = pool;
          r.candidates = candidates[id];
          r.pool_size = pool_size;
          r.band_size = band;
          if (epoch_ind != soci::i_null) r.epoch = EpochId{epoch};
          r.draw_value = value;
          r.draw_index = index;
          if (approver_ind != soci::i_null) r.approver = PersonId{approver};
          if (request_ind != soci::i_null) r.request = RequestId{request};
          r.decided_at_us = at;
          r.audit_seq = static_cast<std::uint64_t>(seq);
          out.push_back(std::move(r));
        }
        return out;
      });
}

Result<std::vector<AssignmentRecord>> SqlTransaction::assignments_for_case(CaseId c) {
  return load_assignments("WHERE x.case_id = :a", c.value);
}

Result<std::vector<AssignmentRecord>> SqlTransaction::list_assignments(
    std::optional<ProcuratorateId> within) {
  return within ? load_assignments("WHERE c.procuratorate_id = :a", within->value)
                : load_assignments("", 0);
}

Result<RequestId> SqlTransaction::add_request(const AssignmentRequest& r) {
  return guarded_value<RequestId>([&]() -> Result<RequestId> {
    long long id = 0, cid = r.case_id.value, by = r.requested_by.value, at = r.requested_at_us;
    const std::string kind(code_of(r.kind)), status(code_of(r.status));
    Nullable target(r.target);
    statements_.run(
        "INSERT INTO assignment_request (case_id, kind, reason, reason_text, target_unit_id, "
        "requested_by, requested_by_actor, requested_at_us, status) VALUES (:c, :k, :r, :t, :u, "
        ":b, :ba, :at, :s) RETURNING id",
        use(cid), use(kind), use(r.reason), use(r.reason_text), use(target.value, target.ind),
        use(by), use(r.requested_by_actor), use(at), use(status), into(id));
    return RequestId{id};
  });
}

Status SqlTransaction::save_request_decision(const AssignmentRequest& r) {
  return guarded([&]() -> Status {
    long long id = r.id.value, at = r.decided_at_us;
    const std::string status(code_of(r.status));
    Nullable by(r.decided_by);
    statements_.run(
        "UPDATE assignment_request SET status = :s, decided_by = :b, decision_note = :n, "
        "decided_at_us = :at WHERE id = :id",
        use(status), use(by.value, by.ind), use(r.decision_note), use(at), use(id));
    return ok_status();
  });
}

Result<std::vector<AssignmentRequest>> SqlTransaction::load_requests(const std::string& where,
                                                                     std::int64_t arg) {
  return guarded_value<std::vector<AssignmentRequest>>(
      [&]() -> Result<std::vector<AssignmentRequest>> {
        std::vector<AssignmentRequest> out;
        long long id = 0, cid = 0, target = 0, by = 0, at = 0, decided_by = 0, decided_at = 0;
        std::string kind, reason, text, actor, status, note;
        soci::indicator target_ind = soci::i_ok, decided_ind = soci::i_ok;
        soci::statement& st = statements_.unbound(
            "SELECT x.id, x.case_id, x.kind, x.reason, x.reason_text, x.target_unit_id, "
            "x.requested_by, x.requested_by_actor, x.requested_at_us, x.status, x.decided_by, "
            "x.decision_note, x.decided_at_us FROM assignment_request x" +
            kScopeJoin + where + " ORDER BY x.id");
        if (!where.empty()) st.exchange(use(arg));
        exchange_all(st, into(id), into(cid), into(kind), into(reason), into(text),
                     into(target, target_ind), into(by), into(actor), into(at), into(status),
                     into(decided_by, decided_ind), into(note), into(decided_at));
        st.define_and_bind();
        st.execute();
        while (st.fetch()) {
          AssignmentRequest r;
          r.id = RequestId{id};
          r.case_id = CaseId{cid};
          r.kind = term_or_throw<RequestKind>(kind);
          r.reason = reason;
          r.reason_text = text;
          if (target_ind != soci::i_null) r.target = UnitId{target};
          r.requested_by = PersonId{by};
          r.requested_by_actor = actor;
          r.requested_at_us = at;
          r.status = term_or_throw<RequestStatus>(status);
          if (decided_ind != soci::i_null) r.decided_by = PersonId{decided_by};
          r.decision_note = note;
          r.decided_at_us = decided_at;
          out.push_back(std::move(r));
        }
        return out;
      });
}

Result<AssignmentRequest> SqlTransaction::find_request(RequestId id) {
  auto all = load_requests("WHERE x.id = :a", id.value);
  if (!all) return all.error();
  if (all->empty())
    return Error::not_found("request", "request " + std::to_string(id.value) + " not found");
  return std::move(all->front());
}

Result<std::vector<AssignmentRequest>> SqlTransaction::list_requests(
    std::optional<ProcuratorateId> within) {
  return within ? load_requests("WHERE c.procuratorate_id = :a", within->value)
                : load_requests("", 0);
}

Result<std::vector<AssignmentRequest>> SqlTransaction::requests_for_case(CaseId c) {
  return load_requests("WHERE x.case_id = :a", c.value);
}

Result<AlertId> SqlTransaction::add_alert(const Alert& a) {
  return guarded_value<AlertId>([&]() -> Result<AlertId> {
    long long id = 0, proc = a.procuratorate.value, at = a.created_at_us;
    Nullable dept(a.department);
    Nullable cid(a.case_id);
    statements_.run(
        "INSERT INTO alert (procuratorate_id, department_id, case_id, kind, message, "
        "created_at_us) VALUES (:p, :d, :c, :k, :m, :at) RETURNING id",
        use(proc), use(dept.value, dept.ind), use(cid.value, cid.ind), use(a.kind), use(a.message),
        use(at), into(id));
    return AlertId{id};
  });
}

Result<std::vector<Alert>> SqlTransaction::list_alerts(std::optional<ProcuratorateId> within) {
  return guarded_value<std::vector<Alert>>([&]() -> Result<std::vector<Alert>> {
    std::vector<Alert> out;
    long long id = 0, proc = 0, dept = 0, cid = 0, at = 0, arg = within ? within->value : 0;
    std::string kind, message;
    soci::indicator dept_ind = soci::i_ok, case_ind = soci::i_ok;
    soci::statement& st = statements_.unbound(
        std::string("SELECT id, procuratorate_id, department_id, case_id, kind, message, "
                    "created_at_us FROM alert ") +
        (within ? "WHERE procuratorate_id = :p " : "") + "ORDER BY id");
    if (within) st.exchange(use(arg));
    exchange_all(st, into(id), into(proc), into(dept, dept_ind), into(cid, case_ind), into(kind),
                 into(message), into(at));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      Alert a;
      a.id = AlertId{id};
      a.procuratorate = ProcuratorateId{proc};
      if (dept_ind != soci::i_null) a.department = DepartmentId{dept};
      if (case_ind != soci::i_null) a.case_id = CaseId{cid};
      a.kind = kind;
      a.message = message;
      a.created_at_us = at;
      out.push_back(std::move(a));
    }
    return out;
  });
}

Result<EpochId> SqlTransaction::add_epoch(const DrawEpoch& e) {
  return guarded_value<EpochId>([&]() -> Result<EpochId> {
    long long id = 0, at = e.opened_at_us;
    const std::string day = e.day.iso(), commitment = audit::to_hex(e.commitment),
                      secret = audit::to_hex(e.secret);
    statements_.run(
        "INSERT INTO draw_epoch (day, commitment, secret, opened_at_us) VALUES (:d, :c, :s, "
        ":at) "
        "RETURNING id",
        use(day), use(commitment), use(secret), use(at), into(id));
    open_epochs_.reset();
    return EpochId{id};
  });
}

Status SqlTransaction::close_epoch(EpochId id, std::int64_t closed_at_us) {
  return guarded([&]() -> Status {
    long long v = id.value, at = closed_at_us;
    statements_.run(
        "UPDATE draw_epoch SET closed_at_us = :at WHERE id = :id AND closed_at_us IS NULL", use(at),
        use(v));
    open_epochs_.reset();
    return ok_status();
  });
}

Result<std::vector<DrawEpoch>> SqlTransaction::load_epochs(const std::string& where) {
  return guarded_value<std::vector<DrawEpoch>>([&]() -> Result<std::vector<DrawEpoch>> {
    std::vector<DrawEpoch> out;
    long long id = 0, opened = 0, closed = 0;
    std::string day, commitment, secret;
    soci::indicator closed_ind = soci::i_ok;
    soci::statement& st = statements_.bind(
        "SELECT id, day, commitment, secret, opened_at_us, "
        "closed_at_us FROM draw_epoch " +
            where + " ORDER BY id",
        into(id), into(day), into(commitment), into(secret), into(opened),
        into(closed, closed_ind));
    st.execute();
    while (st.fetch()) {
      DrawEpoch e;
      e.id = EpochId{id};
      auto d = Date::parse(day);
      if (!d || !audit::from_hex(commitment, e.commitment) || !audit::from_hex(secret, e.secret))
        return Error{ErrorKind::corruption, "bad_row",
                     "draw epoch " + std::to_string(id) + " is unreadable", ""};
      e.day = *d;
      e.opened_at_us = opened;
      if (closed_ind != soci::i_null) e.closed_at_us = closed;
      out.push_back(e);
    }
    return out;
  });
}

// Every audited change asks for them (app/draws.cpp closes the past ones first), an intake four
// times: read once a transaction, and again only after this transaction opened or closed one. On
// PostgreSQL another server's change to them extends the audit chain, which sends this
// transaction round again before it can append (ChainLock).
Result<std::vector<DrawEpoch>> SqlTransaction::open_epochs() {
  if (open_epochs_) return *open_epochs_;
  auto open = load_epochs("WHERE closed_at_us IS NULL");
  if (open) open_epochs_ = *open;
  return open;
}

Result<std::vector<DrawEpoch>> SqlTransaction::list_epochs() {
  return load_epochs("");
}

}  // namespace zeren::sql
