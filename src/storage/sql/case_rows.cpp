// CaseRepository in SQL: cases with their parties and people, and gapless case-number counters;
// every write of a case keeps its unit's load (unit_load_rows.cpp).
#include <soci/soci.h>

#include <tuple>
#include <utility>

#include "storage/sql/rows.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"
#include "storage/sql/unit_load.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

Result<std::int64_t> SqlTransaction::next_case_serial(ProcuratorateId p, const std::string& code,
                                                      int year) {
  return guarded_value<std::int64_t>([&]() -> Result<std::int64_t> {
    long long proc = p.value, serial = 0;
    // One statement both creates the counter and advances it; the row stays locked by the
    // transaction, so numbers are gapless and unique.
    statements_.run(
        "INSERT INTO case_number_counter (procuratorate_id, code, year, last_serial) "
        "VALUES (:p, :c, :y, 1) ON CONFLICT (procuratorate_id, code, year) "
        "DO UPDATE SET last_serial = case_number_counter.last_serial + 1 RETURNING last_serial",
        use(proc), use(code), use(year), into(serial));
    return static_cast<std::int64_t>(serial);
  });
}

namespace {

// A case's progress (deadline, returns, extension, the dates it ended) as bound values, written
// with the rest of the case in one statement: its columns, in the order of their placeholders,
// whose names no statement here uses for another column (SQLite binds a name once).
constexpr const char* kProgressColumns =
    "period, period_start, due_on, deadline_basis, returns, extended, concluded_on, archived_on, "
    "transferred_on, transferred_to, withdrawn_on";
constexpr const char* kProgressValues = ":pe, :ps, :du, :db, :rt, :x, :co, :ar, :tr, :tt, :w";
constexpr const char* kProgressSet =
    "period = :pe, period_start = :ps, due_on = :du, deadline_basis = :db, returns = :rt, "
    "extended = :x, concluded_on = :co, archived_on = :ar, transferred_on = :tr, "
    "transferred_to = :tt, withdrawn_on = :w";

struct ProgressValues {
  ProgressValues() = default;
  explicit ProgressValues(const CaseProgress& p)
      : period(p.period ? std::string(code_of(*p.period)) : ""),
        period_ind(p.period ? soci::i_ok : soci::i_null),
        start(p.period_start),
        due(p.due_on),
        concluded(p.concluded_on),
        archived(p.archived_on),
        transferred(p.transferred_on),
        withdrawn(p.withdrawn_on),
        deadline_basis(p.deadline_basis),
        transferred_to(p.transferred_to),
        returns(p.returns),
        extended(p.extended ? 1 : 0) {}
  // The binds of kProgressColumns, in their order. A bind keeps a reference to its name, which
  // SOCI defaults to a temporary that ends with the expression: these outlive it, so they are
  // given one that lasts (empty: bound by position, as the others).
  auto uses() {
    static const std::string by_position;
    return std::make_tuple(
        use(period, period_ind, by_position), use(start.value, start.ind, by_position),
        use(due.value, due.ind, by_position), use(deadline_basis, by_position),
        use(returns, by_position), use(extended, by_position),
        use(concluded.value, concluded.ind, by_position),
        use(archived.value, archived.ind, by_position),
        use(transferred.value, transferred.ind, by_position), use(transferred_to, by_position),
        use(withdrawn.value, withdrawn.ind, by_position));
  }

  std::string period;
  soci::indicator period_ind = soci::i_null;
  NullableDate start, due, concluded, archived, transferred, withdrawn;
  std::string deadline_basis, transferred_to;
  int returns = 0, extended = 0;
};

// A case's row as its INSERT binds it (kept: an intake writes one every time).
struct CaseFileRow {
  long long id = 0, procuratorate = 0, department = 0, related = 0, unit = 0;
  std::string number, category, received, difficulty, source_org, source_doc_no, status;
  int custody = 0, complex = 0, fast_track = 0, over_one_year = 0;
  soci::indicator related_ind = soci::i_null, unit_ind = soci::i_null;
  ProgressValues progress;
};

}  // namespace

Result<CaseId> SqlTransaction::next_case_id() {
  return guarded_value<CaseId>([&]() -> Result<CaseId> {
    long long id = 0;
    // SQLite: the transaction holds the only write lock, so the id after the largest stays free
    // until the case is added (cases are never deleted). PostgreSQL: the identity's sequence,
    // which concurrent transactions never share.
    statements_.run(backend_ == Backend::sqlite
                        ? "SELECT COALESCE(MAX(id), 0) + 1 FROM case_file"
                        : "SELECT nextval(pg_get_serial_sequence('case_file', 'id'))",
                    into(id));
    return CaseId{id};
  });
}

Status SqlTransaction::add_case(const Case& c) {
  return guarded([&]() -> Status {
    const auto& in = c.intake();
    static const std::string insert =
        std::string(
            "INSERT INTO case_file (id, number, procuratorate_id, department_id, category, "
            "received_on, difficulty, custody, source_org, source_doc_no, "
            "related_case_id, status, unit_id, complex, fast_track, over_one_year, ") +
        kProgressColumns +
        ") VALUES (:id, :n, :p, :d, :c, :r, :f, :k, :o, :s, :rel, :st, :u, :cx, :ft, :oy, " +
        kProgressValues + ")";
    auto row = statements_.kept<CaseFileRow>(insert, [](soci::statement& st, CaseFileRow& r) {
      exchange_all(st, use(r.id), use(r.number), use(r.procuratorate), use(r.department),
                   use(r.category), use(r.received), use(r.difficulty), use(r.custody),
                   use(r.source_org), use(r.source_doc_no), use(r.related, r.related_ind),
                   use(r.status), use(r.unit, r.unit_ind), use(r.complex), use(r.fast_track),
                   use(r.over_one_year));
      std::apply([&](auto&&... p) { exchange_all(st, std::forward<decltype(p)>(p)...); },
                 r.progress.uses());
    });
    auto& r = row.values;
    r.id = c.id().value;
    r.number = c.number();
    r.procuratorate = in.procuratorate.value;
    r.department = in.department.value;
    r.category = code_of(in.category);
    r.received = in.received_on.iso();
    r.difficulty = code_of(in.difficulty);
    r.custody = in.custody ? 1 : 0;
    r.source_org = in.source_org;
    r.source_doc_no = in.source_doc_no;
    r.related = in.related_case ? in.related_case->value : 0;
    r.related_ind = in.related_case ? soci::i_ok : soci::i_null;
    r.status = code_of(c.status());
    r.unit = c.unit() ? c.unit()->value : 0;
    r.unit_ind = c.unit() ? soci::i_ok : soci::i_null;
    r.complex = in.complex ? 1 : 0;
    r.fast_track = in.fast_track ? 1 : 0;
    r.over_one_year = in.sentence_over_one_year ? 1 : 0;
    r.progress = ProgressValues(c.progress());
    statements_.execute_kept(insert, row.statement);
    const long long id = r.id;
    for (std::size_t i = 0; i < in.parties.size(); ++i) {
      int pos = static_cast<int>(i);
      statements_.run("INSERT INTO case_party (case_id, position, name) VALUES (:c, :p, :n)",
                      use(id), use(pos), use(in.parties[i]));
    }
    auto people = [&](const std::vector<PersonId>& list, const std::string& role) {
      for (auto p : list) {
        long long pv = p.value;
        statements_.run("INSERT INTO case_person (case_id, role, person_id) VALUES (:c, :r, :p)",
                        use(id), use(role), use(pv));
      }
    };
    people(in.recusals, "recusal");
    people(in.investigators, "investigator");
    count_in_load(std::nullopt, load_share(c));
    count_in_tally(std::nullopt, tally_key(c));
    count_in_open(std::nullopt, open_key(c));
    return ok_status();
  });
}

Status SqlTransaction::save_case_state(const Case& c) {
  return guarded([&]() -> Status {
    long long id = c.id().value;
    const auto before = stored_shares(id);
    const std::string status(code_of(c.status()));
    long long unit = c.unit() ? c.unit()->value : 0;
    soci::indicator unit_ind = c.unit() ? soci::i_ok : soci::i_null;
    ProgressValues progress(c.progress());
    static const std::string update =
        std::string("UPDATE case_file SET status = :s, unit_id = :u, ") + kProgressSet +
        " WHERE id = :id";
    std::apply(
        [&](auto&&... p) {
          statements_.run(update, use(status), use(unit, unit_ind), std::forward<decltype(p)>(p)...,
                          use(id));
        },
        progress.uses());
    count_in_load(before.load, load_share(c));
    count_in_tally(before.tally, tally_key(c));
    count_in_open(before.open, open_key(c));
    return ok_status();
  });
}

Result<std::vector<Case>> SqlTransaction::load_cases(const std::string& where, CaseArg arg,
                                                     bool with_people) {
  return guarded_value<std::vector<Case>>([&]() -> Result<std::vector<Case>> {
    // The statement of `q`, prepared once per connection, with `arg` bound first; the caller
    // exchanges its targets.
    const auto with_arg = [&](const std::string& q) -> soci::statement& {
      soci::statement& st = statements_.unbound(q);
      if (auto* n = std::get_if<long long>(&arg)) st.exchange(use(*n));
      if (auto* t = std::get_if<std::string>(&arg)) st.exchange(use(*t));
      return st;
    };
    std::map<long long, std::vector<std::string>> parties;
    std::map<long long, std::vector<PersonId>> recusals, investigators;
    if (with_people) {
      long long cid = 0;
      int pos = 0;
      std::string name;
      soci::statement& st = with_arg(
          "SELECT x.case_id, x.position, x.name FROM case_party x JOIN case_file c "
          "ON c.id = x.case_id " +
          where + " ORDER BY x.case_id, x.position");
      exchange_all(st, into(cid), into(pos), into(name));
      st.define_and_bind();
      st.execute();
      while (st.fetch()) parties[cid].push_back(name);
    }
    if (with_people) {
      long long cid = 0, person = 0;
      std::string role;
      soci::statement& st = with_arg(
          "SELECT x.case_id, x.role, x.person_id FROM case_person x JOIN case_file c "
          "ON c.id = x.case_id " +
          where + " ORDER BY x.case_id, x.person_id");
      exchange_all(st, into(cid), into(role), into(person));
      st.define_and_bind();
      st.execute();
      while (st.fetch())
        (role == "recusal" ? recusals : investigators)[cid].push_back(PersonId{person});
    }
    std::vector<Case> out;
    long long id = 0, proc = 0, dept = 0, related = 0, unit = 0;
    int custody = 0, complex = 0, fast_track = 0, over_one_year = 0, returns = 0, extended = 0;
    std::string number, category, received, difficulty, org, doc, status, withdrawn;
    std::string period, period_start, due, basis, concluded, archived, transferred, transferred_to;
    soci::indicator related_ind = soci::i_ok, unit_ind = soci::i_ok, withdrawn_ind = soci::i_ok;
    soci::indicator period_ind = soci::i_ok, start_ind = soci::i_ok, due_ind = soci::i_ok,
                    concluded_ind = soci::i_ok, archived_ind = soci::i_ok,
                    transferred_ind = soci::i_ok;
    const std::string q =
        "SELECT c.id, c.number, c.procuratorate_id, c.department_id, c.category, c.received_on, "
        "c.difficulty, c.custody, c.source_org, c.source_doc_no, c.related_case_id, c.status, "
        "c.unit_id, c.withdrawn_on, c.complex, c.fast_track, c.over_one_year, c.period, "
        "c.period_start, c.due_on, c.deadline_basis, c.returns, c.extended, c.concluded_on, "
        "c.archived_on, c.transferred_on, c.transferred_to FROM case_file c " +
        where + " ORDER BY c.id";
    soci::statement& st = with_arg(q);
    exchange_all(st, into(id), into(number), into(proc), into(dept), into(category), into(received),
                 into(difficulty), into(custody), into(org), into(doc), into(related, related_ind),
                 into(status), into(unit, unit_ind), into(withdrawn, withdrawn_ind), into(complex),
                 into(fast_track), into(over_one_year), into(period, period_ind),
                 into(period_start, start_ind), into(due, due_ind), into(basis), into(returns),
                 into(extended), into(concluded, concluded_ind), into(archived, archived_ind),
                 into(transferred, transferred_ind), into(transferred_to));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      CaseIntake in;
      in.procuratorate = ProcuratorateId{proc};
      in.department = DepartmentId{dept};
      in.category = term_or_throw<CaseCategory>(category);
      in.received_on = date_or_throw(received);
      in.difficulty = term_or_throw<Difficulty>(difficulty);
      in.custody = custody == 1;
      in.parties = parties[id];
      in.source_org = org;
      in.source_doc_no = doc;
      if (related_ind != soci::i_null) in.related_case = CaseId{related};
      in.recusals = recusals[id];
      in.investigators = investigators[id];
      in.complex = complex == 1;
      in.fast_track = fast_track == 1;
      in.sentence_over_one_year = over_one_year == 1;
      std::optional<UnitId> u;
      if (unit_ind != soci::i_null) u = UnitId{unit};
      CaseProgress progress;
      if (period_ind != soci::i_null) progress.period = term_or_throw<DeadlineKind>(period);
      progress.period_start = date_or_null(start_ind, period_start);
      progress.due_on = date_or_null(due_ind, due);
      progress.deadline_basis = basis;
      progress.returns = returns;
      progress.extended = extended == 1;
      progress.concluded_on = date_or_null(concluded_ind, concluded);
      progress.archived_on = date_or_null(archived_ind, archived);
      progress.transferred_on = date_or_null(transferred_ind, transferred);
      progress.transferred_to = transferred_to;
      progress.withdrawn_on = date_or_null(withdrawn_ind, withdrawn);
      out.push_back(Case::restore(CaseId{id}, std::move(in), number,
                                  term_or_throw<CaseStatus>(status), u, std::move(progress)));
    }
    return out;
  });
}

Result<Case> SqlTransaction::find_case(CaseId id) {
  auto rows = load_cases("WHERE c.id = :a", id.value);
  if (!rows) return rows.error();
  if (rows->empty())
    return Error::not_found("case", "case " + std::to_string(id.value) + " not found");
  return std::move(rows->front());
}

Result<Case> SqlTransaction::find_case_by_number(const std::string& number) {
  auto id = guarded_value<long long>([&]() -> Result<long long> {
    long long v = 0;
    statements_.run("SELECT id FROM case_file WHERE number = :n", use(number), into(v));
    if (!sql_.got_data()) return Error::not_found("case", "case " + number + " not found");
    return v;
  });
  if (!id) return id.error();
  return find_case(CaseId{*id});
}

Result<std::vector<Case>> SqlTransaction::list_cases(std::optional<ProcuratorateId> within) {
  return within ? load_cases("WHERE c.procuratorate_id = :a", within->value)
                : load_cases("", std::monostate{});
}

Result<std::vector<Case>> SqlTransaction::cases_in_order(const std::vector<long long>& ids,
                                                         bool with_people) {
  if (ids.empty()) return std::vector<Case>{};
  // One text for any number of ids, so its three statements are prepared once per connection.
  auto rows = load_cases("WHERE " + id_in_list(backend_, "c.id", ":a"), id_list(backend_, ids),
                         with_people);
  if (!rows) return rows.error();
  std::map<long long, Case*> by_id;  // load_cases orders by id
  for (auto& c : *rows) by_id.emplace(c.id().value, &c);
  std::vector<Case> out;
  out.reserve(rows->size());
  for (auto id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(*it->second));
  return out;
}

Result<std::optional<UnitId>> SqlTransaction::last_drawn_unit(DepartmentId d) {
  return guarded_value<std::optional<UnitId>>([&]() -> Result<std::optional<UnitId>> {
    long long dept = d.value, unit = 0;
    statements_.run(
        "SELECT a.unit_id FROM assignment a JOIN case_file c ON c.id = a.case_id "
        "WHERE c.department_id = :d AND a.method IN ('random', 'rotation') "
        "ORDER BY a.id DESC LIMIT 1",
        use(dept), into(unit));
    if (!sql_.got_data()) return std::optional<UnitId>{};
    return std::optional<UnitId>{UnitId{unit}};
  });
}

}  // namespace zeren::sql
