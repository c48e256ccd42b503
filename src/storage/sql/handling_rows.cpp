// HandlingRepository in SQL (both backends): decisions (with objections and document-number
// counters), case notes and follow-ups.
#include <soci/soci.h>

#include <algorithm>

#include "storage/sql/handling_queries.hpp"
#include "storage/sql/rows.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

namespace {

template <class Tag>
std::optional<Id<Tag>> opt_id(soci::indicator ind, long long v) {
  return ind == soci::i_null ? std::nullopt : std::optional<Id<Tag>>{Id<Tag>{v}};
}

}  // namespace

Result<std::int64_t> SqlTransaction::next_document_serial(ProcuratorateId p,
                                                          const std::string& code, int year) {
  return guarded_value<std::int64_t>([&]() -> Result<std::int64_t> {
    long long proc = p.value, serial = 0;
    statements_.run(
        "INSERT INTO document_number_counter (procuratorate_id, code, year, last_serial) "
        "VALUES (:p, :c, :y, 1) ON CONFLICT (procuratorate_id, code, year) "
        "DO UPDATE SET last_serial = document_number_counter.last_serial + 1 RETURNING "
        "last_serial",
        use(proc), use(code), use(year), into(serial));
    return static_cast<std::int64_t>(serial);
  });
}

Result<DecisionId> SqlTransaction::add_decision(const Decision& d) {
  return guarded_value<DecisionId>([&]() -> Result<DecisionId> {
    long long id = 0, cid = d.case_id.value, by = d.proposed_by.value, at = d.proposed_at_us;
    const std::string type(code_of(d.type)), holder(code_of(d.holder)), status(code_of(d.status));
    statements_.run(
        "INSERT INTO decision (case_id, type, holder, power_list_version, status, reasoning, "
        "proposed_by, proposed_actor, proposed_at_us) VALUES (:c, :t, :h, :v, :s, :r, :b, "
        ":a, :at) RETURNING id",
        use(cid), use(type), use(holder), use(d.power_list_version), use(status), use(d.reasoning),
        use(by), use(d.proposed_actor), use(at), into(id));
    Decision saved = d;
    saved.id = DecisionId{id};
    auto s = save_decision(saved);
    if (!s) return s.error();
    return DecisionId{id};
  });
}

Status SqlTransaction::save_decision(const Decision& d) {
  return guarded([&]() -> Status {
    long long id = d.id.value;
    const std::string type(code_of(d.type)), status(code_of(d.status));
    std::string proposed = d.proposed_type ? std::string(code_of(*d.proposed_type)) : "";
    soci::indicator proposed_ind = d.proposed_type ? soci::i_ok : soci::i_null;
    Nullable by(d.decided_by);
    long long at = d.decided_at_us.value_or(0);
    soci::indicator at_ind = d.decided_at_us ? soci::i_ok : soci::i_null;
    std::string number = d.document_number;
    soci::indicator number_ind = number.empty() ? soci::i_null : soci::i_ok;
    statements_.run(
        "UPDATE decision SET type = :t, proposed_type = :pt, status = :s, decided_by = :b, "
        "decided_actor = :a, decided_at_us = :at, note = :n, document_number = :dn "
        "WHERE id = :id",
        use(type), use(proposed, proposed_ind), use(status), use(by.value, by.ind),
        use(d.decided_actor), use(at, at_ind), use(d.note), use(number, number_ind), use(id));
    int stored = 0;
    statements_.run("SELECT COUNT(*) FROM decision_objection WHERE decision_id = :id", use(id),
                    into(stored));
    for (std::size_t i = static_cast<std::size_t>(stored); i < d.objections.size(); ++i) {
      const auto& o = d.objections[i];
      int pos = static_cast<int>(i);
      long long person = o.by.value, when = o.at_us;
      statements_.run(
          "INSERT INTO decision_objection (decision_id, position, person_id, text, at_us) "
          "VALUES (:d, :p, :b, :t, :at)",
          use(id), use(pos), use(person), use(o.text), use(when));
    }
    return ok_status();
  });
}

Result<std::vector<Decision>> SqlTransaction::decisions(const Scope& scope) {
  return guarded_value<std::vector<Decision>>([&]() -> Result<std::vector<Decision>> {
    std::map<long long, std::vector<Objection>> objections;
    {
      long long did = 0, person = 0, at = 0;
      std::string text;
      BuiltSql q = objection_rows_query(backend_, scope);
      soci::statement& st = statements_.with_values(q);
      exchange_all(st, into(did), into(person), into(text), into(at));
      st.define_and_bind();
      st.execute();
      while (st.fetch()) objections[did].push_back({PersonId{person}, text, at});
    }
    std::vector<Decision> out;
    long long id = 0, cid = 0, by = 0, at = 0, decided_by = 0, decided_at = 0;
    std::string type, proposed_type, holder, version, status, reasoning, actor, decided_actor, note,
        number;
    soci::indicator pt_ind = soci::i_ok, db_ind = soci::i_ok, da_ind = soci::i_ok,
                    dn_ind = soci::i_ok;
    BuiltSql q = decision_rows_query(backend_, scope);
    soci::statement& st = statements_.with_values(q);
    exchange_all(st, into(id), into(cid), into(type), into(proposed_type, pt_ind), into(holder),
                 into(version), into(status), into(reasoning), into(by), into(actor), into(at),
                 into(decided_by, db_ind), into(decided_actor), into(decided_at, da_ind),
                 into(note), into(number, dn_ind));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      Decision d;
      d.id = DecisionId{id};
      d.case_id = CaseId{cid};
      d.type = term_or_throw<DecisionType>(type);
      if (pt_ind != soci::i_null) d.proposed_type = term_or_throw<DecisionType>(proposed_type);
      d.holder = term_or_throw<PowerHolder>(holder);
      d.power_list_version = version;
      d.status = term_or_throw<DecisionStatus>(status);
      d.reasoning = reasoning;
      d.proposed_by = PersonId{by};
      d.proposed_actor = actor;
      d.proposed_at_us = at;
      d.decided_by = opt_id<PersonTag>(db_ind, decided_by);
      d.decided_actor = decided_actor;
      if (da_ind != soci::i_null) d.decided_at_us = decided_at;
      d.note = note;
      if (dn_ind != soci::i_null) d.document_number = number;
      d.objections = objections[id];
      out.push_back(std::move(d));
    }
    return out;
  });
}

Result<Decision> SqlTransaction::find_decision(DecisionId id) {
  auto rows = guarded_value<std::vector<Decision>>([&]() -> Result<std::vector<Decision>> {
    long long cid = 0, key = id.value;
    if (!statements_.run("SELECT case_id FROM decision WHERE id = :id", use(key), into(cid)))
      return std::vector<Decision>{};
    return decisions({CaseId{cid}, {}});
  });
  if (!rows) return rows.error();
  for (auto& d : *rows)
    if (d.id == id) return std::move(d);
  return Error::not_found("decision", "decision " + std::to_string(id.value) + " not found");
}

Result<NoteId> SqlTransaction::add_note(const CaseNote& n) {
  return guarded_value<NoteId>([&]() -> Result<NoteId> {
    long long id = 0, cid = n.case_id.value, at = n.at_us;
    const std::string kind(code_of(n.kind)), on = n.on.iso();
    Nullable person(n.person);
    statements_.run(
        "INSERT INTO case_note (case_id, kind, code, on_date, text, person_id, actor, at_us) "
        "VALUES (:c, :k, :co, :o, :t, :p, :a, :at) RETURNING id",
        use(cid), use(kind), use(n.code), use(on), use(n.text), use(person.value, person.ind),
        use(n.actor), use(at), into(id));
    return NoteId{id};
  });
}

Result<std::vector<CaseNote>> SqlTransaction::notes(const Scope& scope) {
  return guarded_value<std::vector<CaseNote>>([&]() -> Result<std::vector<CaseNote>> {
    std::vector<CaseNote> out;
    long long id = 0, cid = 0, person = 0, at = 0;
    std::string kind, code, on, text, actor;
    soci::indicator person_ind = soci::i_ok;
    BuiltSql q = note_rows_query(backend_, scope);
    soci::statement& st = statements_.with_values(q);
    exchange_all(st, into(id), into(cid), into(kind), into(code), into(on), into(text),
                 into(person, person_ind), into(actor), into(at));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      CaseNote n;
      n.id = NoteId{id};
      n.case_id = CaseId{cid};
      n.kind = term_or_throw<NoteKind>(kind);
      n.code = code;
      n.on = date_or_throw(on);
      n.text = text;
      n.person = opt_id<PersonTag>(person_ind, person);
      n.actor = actor;
      n.at_us = at;
      out.push_back(std::move(n));
    }
    return out;
  });
}

Result<FollowUpId> SqlTransaction::add_follow_up(const FollowUp& f) {
  return guarded_value<FollowUpId>([&]() -> Result<FollowUpId> {
    long long id = 0, cid = f.case_id.value;
    const std::string kind(code_of(f.kind)), requested = f.requested_on.iso(), due = f.due_on.iso();
    Nullable by(f.requested_by);
    statements_.run(
        "INSERT INTO follow_up (case_id, kind, code, flag, request, requested_by, "
        "requested_actor, requested_on, due_on) VALUES (:c, :k, :co, :f, :r, :b, :a, :ro, :d) "
        "RETURNING id",
        use(cid), use(kind), use(f.code), use(f.flag), use(f.request), use(by.value, by.ind),
        use(f.requested_actor), use(requested), use(due), into(id));
    return FollowUpId{id};
  });
}

Status SqlTransaction::save_follow_up_answer(const FollowUp& f) {
  return guarded([&]() -> Status {
    long long id = f.id.value;
    Nullable by(f.answered_by);
    NullableDate on(f.answered_on);
    statements_.run(
        "UPDATE follow_up SET answer = :a, answered_by = :b, answered_actor = :ac, "
        "answered_on = :o WHERE id = :id",
        use(f.answer), use(by.value, by.ind), use(f.answered_actor), use(on.value, on.ind),
        use(id));
    return ok_status();
  });
}

Result<std::vector<FollowUp>> SqlTransaction::follow_ups(const Scope& scope) {
  return load_follow_ups(scope, false);
}

Result<std::vector<FollowUp>> SqlTransaction::unanswered_follow_ups(const Scope& scope) {
  return load_follow_ups(scope, true);
}

Result<std::map<CaseId, std::vector<std::string>>> SqlTransaction::flags_of(
    const std::vector<CaseId>& cases) {
  using Flags = std::map<CaseId, std::vector<std::string>>;
  if (cases.empty()) return Flags{};
  return guarded_value<Flags>([&]() -> Result<Flags> {
    // The ids bound as one list: one text, prepared once per connection.
    std::vector<long long> ids;
    for (auto id : cases) ids.push_back(id.value);
    const std::string list = id_list(backend_, ids);
    Flags out;
    long long cid = 0;
    std::string code;
    soci::statement& st =
        statements_.bind("SELECT case_id, code FROM case_note WHERE kind = 'flag' AND " +
                             id_in_list(backend_, "case_id", ":a") + " ORDER BY id",
                         use(list), into(cid), into(code));
    st.execute();
    while (st.fetch()) {
      auto& f = out[CaseId{cid}];
      if (std::find(f.begin(), f.end(), code) == f.end()) f.push_back(code);
    }
    return out;
  });
}

Result<std::vector<FollowUp>> SqlTransaction::load_follow_ups(const Scope& scope,
                                                              bool unanswered_only) {
  return guarded_value<std::vector<FollowUp>>([&]() -> Result<std::vector<FollowUp>> {
    std::vector<FollowUp> out;
    long long id = 0, cid = 0, by = 0, answered_by = 0;
    std::string kind, code, flag, request, actor, requested, due, answer, answered_actor, answered;
    soci::indicator by_ind = soci::i_ok, ab_ind = soci::i_ok, ao_ind = soci::i_ok;
    BuiltSql q = follow_up_rows_query(backend_, scope, unanswered_only);
    soci::statement& st = statements_.with_values(q);
    exchange_all(st, into(id), into(cid), into(kind), into(code), into(flag), into(request),
                 into(by, by_ind), into(actor), into(requested), into(due), into(answer),
                 into(answered_by, ab_ind), into(answered_actor), into(answered, ao_ind));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      FollowUp f;
      f.id = FollowUpId{id};
      f.case_id = CaseId{cid};
      f.kind = term_or_throw<FollowUpKind>(kind);
      f.code = code;
      f.flag = flag;
      f.request = request;
      f.requested_by = opt_id<PersonTag>(by_ind, by);
      f.requested_actor = actor;
      f.requested_on = date_or_throw(requested);
      f.due_on = date_or_throw(due);
      f.answer = answer;
      f.answered_by = opt_id<PersonTag>(ab_ind, answered_by);
      f.answered_actor = answered_actor;
      f.answered_on = date_or_null(ao_ind, answered);
      out.push_back(std::move(f));
    }
    return out;
  });
}

Result<FollowUp> SqlTransaction::find_follow_up(FollowUpId id) {
  auto rows = guarded_value<std::vector<FollowUp>>([&]() -> Result<std::vector<FollowUp>> {
    long long cid = 0, key = id.value;
    if (!statements_.run("SELECT case_id FROM follow_up WHERE id = :id", use(key), into(cid)))
      return std::vector<FollowUp>{};
    return follow_ups({CaseId{cid}, {}});
  });
  if (!rows) return rows.error();
  for (auto& f : *rows)
    if (f.id == id) return std::move(f);
  return Error::not_found("follow_up", "follow-up " + std::to_string(id.value) + " not found");
}

}  // namespace zeren::sql
