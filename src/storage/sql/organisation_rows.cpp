// OrganisationRepository on SQLite. Entities are rebuilt through their validating `create`, so
// stored data that breaks a rule surfaces as corruption instead of a bad object.
#include <soci/soci.h>

#include <charconv>
#include <map>

#include "storage/sql/rows.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

namespace {

using soci::into;
using soci::use;

template <class T>
Result<T> restored(Result<T> r, const std::string& what) {
  if (!r)
    return Error{ErrorKind::corruption, "bad_row", what + ": " + r.error().message,
                 r.error().field};
  return r;
}

std::optional<Date> date_or_none(const std::string& s, soci::indicator ind) {
  if (ind == soci::i_null) return std::nullopt;
  auto d = Date::parse(s);
  if (!d) throw std::runtime_error("bad stored date " + s);
  return *d;
}

// Runs `query` (with one optional integer parameter) and calls `row` with each (id, code) pair.
void each_pair(StatementCache& statements, const std::string& query, std::int64_t arg,
               bool with_arg, const std::function<void(std::int64_t, const std::string&)>& row) {
  long long id = 0;
  std::string code;
  soci::statement& st = with_arg ? statements.bind(query, use(arg), into(id), into(code))
                                 : statements.bind(query, into(id), into(code));
  st.execute();
  while (st.fetch()) row(id, code);
}

Result<Procuratorate> procuratorate_from(long long id, const std::string& name,
                                         const std::string& code, const std::string& level,
                                         long long parent, soci::indicator parent_ind) {
  std::optional<ProcuratorateId> p;
  if (parent_ind != soci::i_null) p = ProcuratorateId{parent};
  auto r = restored(Procuratorate::create(name, code, term_or_throw<Level>(level), p),
                    "procuratorate " + std::to_string(id));
  if (r) r->set_id(ProcuratorateId{id});
  return r;
}

Result<std::vector<Procuratorate>> select_procuratorates(StatementCache& statements,
                                                         const std::string& where,
                                                         const std::string* text_arg,
                                                         std::int64_t int_arg) {
  std::vector<Procuratorate> out;
  long long id = 0, parent = 0;
  std::string name, code, level;
  soci::indicator parent_ind = soci::i_ok;
  const std::string q =
      "SELECT id, name, short_code, level, parent_id FROM procuratorate " + where + " ORDER BY id";
  soci::statement& st =
      text_arg  ? statements.bind(q, use(*text_arg), into(id), into(name), into(code), into(level),
                                  into(parent, parent_ind))
      : int_arg ? statements.bind(q, use(int_arg), into(id), into(name), into(code), into(level),
                                  into(parent, parent_ind))
                : statements.bind(q, into(id), into(name), into(code), into(level),
                                  into(parent, parent_ind));
  st.execute();
  while (st.fetch()) {
    auto p = procuratorate_from(id, name, code, level, parent, parent_ind);
    if (!p) return p.error();
    out.push_back(std::move(*p));
  }
  return out;
}

template <class T>
Result<T> first_or_not_found(Result<std::vector<T>> all, const std::string& field,
                             const std::string& what) {
  if (!all) return all.error();
  if (all->empty()) return Error::not_found(field, what + " not found");
  return std::move(all->front());
}

}  // namespace

Result<ProcuratorateId> SqlTransaction::add_procuratorate(const Procuratorate& p) {
  return guarded_value<ProcuratorateId>([&]() -> Result<ProcuratorateId> {
    long long id = 0;
    const std::string level(code_of(p.level()));
    long long parent = p.parent() ? p.parent()->value : 0;
    soci::indicator parent_ind = p.parent() ? soci::i_ok : soci::i_null;
    statements_.run(
        "INSERT INTO procuratorate (name, short_code, level, parent_id) "
        "VALUES (:n, :c, :l, :p) RETURNING id",
        use(p.name()), use(p.short_code()), use(level), use(parent, parent_ind), into(id));
    return ProcuratorateId{id};
  });
}

Result<Procuratorate> SqlTransaction::find_procuratorate(ProcuratorateId id) {
  return first_or_not_found(
      guarded_value<std::vector<Procuratorate>>(
          [&] { return select_procuratorates(statements_, "WHERE id = :id", nullptr, id.value); }),
      "procuratorate", "procuratorate " + std::to_string(id.value));
}

Result<Procuratorate> SqlTransaction::find_procuratorate_by_code(const std::string& code) {
  return first_or_not_found(
      guarded_value<std::vector<Procuratorate>>(
          [&] { return select_procuratorates(statements_, "WHERE short_code = :c", &code, 0); }),
      "procuratorate", "procuratorate " + code);
}

Result<std::vector<Procuratorate>> SqlTransaction::list_procuratorates() {
  return guarded_value<std::vector<Procuratorate>>(
      [&] { return select_procuratorates(statements_, "", nullptr, 0); });
}

Result<std::vector<ProcuratorateId>> SqlTransaction::lower_procuratorates(ProcuratorateId p) {
  return guarded_value<std::vector<ProcuratorateId>>([&]() -> Result<std::vector<ProcuratorateId>> {
    long long parent = p.value, id = 0;
    soci::statement& st = statements_.bind(
        "SELECT id FROM procuratorate WHERE parent_id = :p ORDER BY id", use(parent), into(id));
    st.execute();
    std::vector<ProcuratorateId> out;
    while (st.fetch()) out.push_back(ProcuratorateId{id});
    return out;
  });
}

Result<DepartmentId> SqlTransaction::add_department(const Department& d) {
  return guarded_value<DepartmentId>([&]() -> Result<DepartmentId> {
    long long id = 0;
    const std::string kind(code_of(d.kind()));
    long long proc = d.procuratorate().value;
    statements_.run(
        "INSERT INTO department (procuratorate_id, name, kind) VALUES (:p, :n, :k) RETURNING id",
        use(proc), use(d.name()), use(kind), into(id));
    for (auto c : d.categories()) {
      const std::string code(code_of(c));
      statements_.run("INSERT INTO department_category (department_id, category) VALUES (:d, :c)",
                      use(id), use(code));
    }
    return DepartmentId{id};
  });
}

Result<std::vector<Department>> SqlTransaction::load_departments(const std::string& where,
                                                                 std::int64_t arg) {
  return guarded_value<std::vector<Department>>([&]() -> Result<std::vector<Department>> {
    std::map<std::int64_t, std::set<CaseCategory>> categories;
    each_pair(statements_,
              "SELECT dc.department_id, dc.category FROM department_category dc "
              "JOIN department d ON d.id = dc.department_id " +
                  where,
              arg, !where.empty(), [&](std::int64_t id, const std::string& code) {
                categories[id].insert(term_or_throw<CaseCategory>(code));
              });
    std::vector<Department> out;
    long long id = 0, proc = 0;
    std::string name, kind;
    const std::string q = "SELECT d.id, d.procuratorate_id, d.name, d.kind FROM department d " +
                          where + " ORDER BY d.id";
    soci::statement& st =
        where.empty() ? statements_.bind(q, into(id), into(proc), into(name), into(kind))
                      : statements_.bind(q, use(arg), into(id), into(proc), into(name), into(kind));
    st.execute();
    while (st.fetch()) {
      auto d = restored(Department::create(ProcuratorateId{proc}, name,
                                           term_or_throw<DepartmentKind>(kind), categories[id]),
                        "department " + std::to_string(id));
      if (!d) return d.error();
      d->set_id(DepartmentId{id});
      out.push_back(std::move(*d));
    }
    return out;
  });
}

Result<Department> SqlTransaction::find_department(DepartmentId id) {
  return first_or_not_found(load_departments("WHERE d.id = :a", id.value), "department",
                            "department " + std::to_string(id.value));
}

Result<Department> SqlTransaction::find_department_by_name(ProcuratorateId p,
                                                           const std::string& name) {
  auto all = list_departments(p);
  if (!all) return all.error();
  for (auto& d : *all)
    if (d.name() == name) return std::move(d);
  return Error::not_found("department", "department " + name + " not found");
}

Result<std::vector<Department>> SqlTransaction::list_departments(
    std::optional<ProcuratorateId> within) {
  return within ? load_departments("WHERE d.procuratorate_id = :a", within->value)
                : load_departments("", 0);
}

Result<PersonId> SqlTransaction::add_person(const Person& p) {
  return guarded_value<PersonId>([&]() -> Result<PersonId> {
    long long id = 0;
    long long proc = p.procuratorate().value, dept = p.department().value;
    const std::string category(code_of(p.category()));
    const std::string employment(code_of(p.employment()));
    std::string from = p.active_from() ? p.active_from()->iso() : "";
    std::string to = p.active_to() ? p.active_to()->iso() : "";
    soci::indicator from_ind = p.active_from() ? soci::i_ok : soci::i_null;
    soci::indicator to_ind = p.active_to() ? soci::i_ok : soci::i_null;
    statements_.run(
        "INSERT INTO person (procuratorate_id, department_id, name, category, employment, "
        "active_from, active_to) VALUES (:p, :d, :n, :c, :e, :f, :t) RETURNING id",
        use(proc), use(dept), use(p.name()), use(category), use(employment), use(from, from_ind),
        use(to, to_ind), into(id));
    for (const auto& post : p.posts()) {
      const std::string kind(code_of(post.kind));
      statements_.run("INSERT INTO person_post (person_id, post) VALUES (:p, :k)", use(id),
                      use(kind));
      for (auto d : post.departments) {
        long long dv = d.value;
        statements_.run(
            "INSERT INTO person_post_department (person_id, post, department_id) "
            "VALUES (:p, :k, :d)",
            use(id), use(kind), use(dv));
      }
    }
    Person stored = p;
    stored.set_id(PersonId{id});
    ZEREN_TRY(save_absences(stored));
    return PersonId{id};
  });
}

Status SqlTransaction::save_absences(const Person& p) {
  return guarded([&]() -> Status {
    long long id = p.id().value;
    statements_.run("DELETE FROM absence WHERE person_id = :p", use(id));
    for (const auto& a : p.absences()) {
      const std::string from = a.from.iso(), to = a.to.iso();
      statements_.run(
          "INSERT INTO absence (person_id, from_date, to_date, reason) VALUES (:p, :f, :t, :r)",
          use(id), use(from), use(to), use(a.reason));
    }
    return ok_status();
  });
}

Result<std::vector<Person>> SqlTransaction::load_persons(const std::string& where,
                                                         std::int64_t arg) {
  return guarded_value<std::vector<Person>>([&]() -> Result<std::vector<Person>> {
    const bool has_arg = !where.empty();
    // Posts with their departments, grouped by person.
    std::map<std::int64_t, std::vector<Post>> posts;
    {
      long long person = 0, dept = 0;
      std::string kind;
      soci::indicator dept_ind = soci::i_ok;
      const std::string q =
          "SELECT pp.person_id, pp.post, ppd.department_id FROM person_post pp "
          "JOIN person p ON p.id = pp.person_id "
          "LEFT JOIN person_post_department ppd ON ppd.person_id = pp.person_id "
          "AND ppd.post = pp.post " +
          where + " ORDER BY pp.person_id, pp.post, ppd.department_id";
      soci::statement& st =
          has_arg ? statements_.bind(q, use(arg), into(person), into(kind), into(dept, dept_ind))
                  : statements_.bind(q, into(person), into(kind), into(dept, dept_ind));
      st.execute();
      while (st.fetch()) {
        auto& list = posts[person];
        const auto k = term_or_throw<PostKind>(kind);
        if (list.empty() || list.back().kind != k) list.push_back(Post{k, {}});
        if (dept_ind != soci::i_null) list.back().departments.push_back(DepartmentId{dept});
      }
    }
    std::map<std::int64_t, std::vector<Absence>> absences;
    {
      long long person = 0;
      std::string from, to, reason;
      const std::string q =
          "SELECT a.person_id, a.from_date, a.to_date, a.reason FROM absence a "
          "JOIN person p ON p.id = a.person_id " +
          where + " ORDER BY a.person_id, a.from_date";
      soci::statement& st =
          has_arg ? statements_.bind(q, use(arg), into(person), into(from), into(to), into(reason))
                  : statements_.bind(q, into(person), into(from), into(to), into(reason));
      st.execute();
      while (st.fetch()) {
        auto a = restored(
            Absence::create(*date_or_none(from, soci::i_ok), *date_or_none(to, soci::i_ok), reason),
            "absence of person " + std::to_string(person));
        if (!a) return a.error();
        absences[person].push_back(std::move(*a));
      }
    }
    std::vector<Person> out;
    long long id = 0, proc = 0, dept = 0;
    std::string name, category, employment, from, to;
    soci::indicator from_ind = soci::i_ok, to_ind = soci::i_ok;
    const std::string q =
        "SELECT p.id, p.procuratorate_id, p.department_id, p.name, p.category, p.employment, "
        "p.active_from, p.active_to FROM person p " +
        where + " ORDER BY p.id";
    soci::statement& st =
        has_arg ? statements_.bind(q, use(arg), into(id), into(proc), into(dept), into(name),
                                   into(category), into(employment), into(from, from_ind),
                                   into(to, to_ind))
                : statements_.bind(q, into(id), into(proc), into(dept), into(name), into(category),
                                   into(employment), into(from, from_ind), into(to, to_ind));
    st.execute();
    while (st.fetch()) {
      auto p = restored(Person::create(ProcuratorateId{proc}, DepartmentId{dept}, name,
                                       term_or_throw<PersonCategory>(category),
                                       term_or_throw<Employment>(employment), posts[id],
                                       date_or_none(from, from_ind), date_or_none(to, to_ind)),
                        "person " + std::to_string(id));
      if (!p) return p.error();
      p->set_id(PersonId{id});
      for (auto& a : absences[id]) ZEREN_TRY(p->add_absence(a));
      out.push_back(std::move(*p));
    }
    return out;
  });
}

Result<Person> SqlTransaction::find_person(PersonId id) {
  return first_or_not_found(load_persons("WHERE p.id = :a", id.value), "person",
                            "person " + std::to_string(id.value));
}

Result<std::vector<Person>> SqlTransaction::list_persons(std::optional<ProcuratorateId> within) {
  return within ? load_persons("WHERE p.procuratorate_id = :a", within->value)
                : load_persons("", 0);
}

namespace {
// The unit's members, categories and difficulties, written afresh.
void write_unit_sets(StatementCache& statements, long long id, const Unit& u) {
  statements.run("DELETE FROM unit_member WHERE unit_id = :u", use(id));
  statements.run("DELETE FROM unit_category WHERE unit_id = :u", use(id));
  statements.run("DELETE FROM unit_difficulty WHERE unit_id = :u", use(id));
  for (auto m : u.members()) {
    long long mv = m.value;
    statements.run("INSERT INTO unit_member (unit_id, person_id) VALUES (:u, :p)", use(id),
                   use(mv));
  }
  for (auto c : u.categories()) {
    const std::string code(code_of(c));
    statements.run("INSERT INTO unit_category (unit_id, category) VALUES (:u, :c)", use(id),
                   use(code));
  }
  for (auto d : u.difficulties()) {
    const std::string code(code_of(d));
    statements.run("INSERT INTO unit_difficulty (unit_id, difficulty) VALUES (:u, :c)", use(id),
                   use(code));
  }
}
}  // namespace

Result<UnitId> SqlTransaction::add_unit(const Unit& u) {
  return guarded_value<UnitId>([&]() -> Result<UnitId> {
    long long id = 0;
    long long dept = u.department().value, lead = u.lead().value;
    const std::string kind(code_of(u.kind()));
    int share = u.share().basis_points, position = u.position(), active = u.active() ? 1 : 0;
    statements_.run(
        "INSERT INTO unit (department_id, kind, name, lead_id, share_bp, position, active) "
        "VALUES (:d, :k, :n, :l, :s, :p, :a) RETURNING id",
        use(dept), use(kind), use(u.name()), use(lead), use(share), use(position), use(active),
        into(id));
    write_unit_sets(statements_, id, u);
    return UnitId{id};
  });
}

Status SqlTransaction::save_unit(const Unit& u) {
  return guarded([&]() -> Status {
    long long id = u.id().value, lead = u.lead().value;
    const std::string kind(code_of(u.kind()));
    int share = u.share().basis_points, position = u.position(), active = u.active() ? 1 : 0;
    statements_.run(
        "UPDATE unit SET kind = :k, name = :n, lead_id = :l, share_bp = :s, position = :p, "
        "active = :a WHERE id = :id",
        use(kind), use(u.name()), use(lead), use(share), use(position), use(active), use(id));
    write_unit_sets(statements_, id, u);
    return ok_status();
  });
}

Result<std::vector<Unit>> SqlTransaction::load_units(const std::string& where, std::int64_t arg) {
  return guarded_value<std::vector<Unit>>([&]() -> Result<std::vector<Unit>> {
    const bool has_arg = !where.empty();
    const std::string from_units =
        " JOIN unit u ON u.id = x.unit_id JOIN department d ON d.id = "
        "u.department_id " +
        where;
    std::map<std::int64_t, std::vector<PersonId>> members;
    std::map<std::int64_t, std::set<CaseCategory>> categories;
    std::map<std::int64_t, std::set<Difficulty>> difficulties;
    {
      long long unit = 0, person = 0;
      const std::string q = "SELECT x.unit_id, x.person_id FROM unit_member x" + from_units;
      soci::statement& st = has_arg ? statements_.bind(q, use(arg), into(unit), into(person))
                                    : statements_.bind(q, into(unit), into(person));
      st.execute();
      while (st.fetch()) members[unit].push_back(PersonId{person});
    }
    each_pair(statements_, "SELECT x.unit_id, x.category FROM unit_category x" + from_units, arg,
              has_arg, [&](std::int64_t unit, const std::string& code) {
                categories[unit].insert(term_or_throw<CaseCategory>(code));
              });
    each_pair(statements_, "SELECT x.unit_id, x.difficulty FROM unit_difficulty x" + from_units,
              arg, has_arg, [&](std::int64_t unit, const std::string& code) {
                difficulties[unit].insert(term_or_throw<Difficulty>(code));
              });
    std::vector<Unit> out;
    long long id = 0, dept = 0, lead = 0;
    std::string kind, name;
    int share = 0, position = 0, active = 0;
    const std::string q =
        "SELECT u.id, u.department_id, u.kind, u.name, u.lead_id, u.share_bp, u.position, "
        "u.active FROM unit u JOIN department d ON d.id = u.department_id " +
        where + " ORDER BY u.id";
    soci::statement& st =
        has_arg ? statements_.bind(q, use(arg), into(id), into(dept), into(kind), into(name),
                                   into(lead), into(share), into(position), into(active))
                : statements_.bind(q, into(id), into(dept), into(kind), into(name), into(lead),
                                   into(share), into(position), into(active));
    st.execute();
    while (st.fetch()) {
      auto u = restored(Unit::create(DepartmentId{dept}, term_or_throw<UnitKind>(kind), name,
                                     PersonId{lead}, members[id], categories[id], difficulties[id],
                                     Share{share}, position, active == 1),
                        "unit " + std::to_string(id));
      if (!u) return u.error();
      u->set_id(UnitId{id});
      out.push_back(std::move(*u));
    }
    return out;
  });
}

Result<Unit> SqlTransaction::find_unit(UnitId id) {
  return first_or_not_found(load_units("WHERE u.id = :a", id.value), "unit",
                            "unit " + std::to_string(id.value));
}

Result<std::vector<Unit>> SqlTransaction::list_units(std::optional<ProcuratorateId> within) {
  return within ? load_units("WHERE d.procuratorate_id = :a", within->value) : load_units("", 0);
}

namespace {
// The 院 `:a` and those whose parent it is.
constexpr const char* kWithLower =
    " IN (SELECT r.id FROM procuratorate r WHERE :a IN (r.id, r.parent_id))";
}  // namespace

Result<std::vector<Department>> SqlTransaction::list_departments_with_lower(ProcuratorateId p) {
  return load_departments(std::string("WHERE d.procuratorate_id") + kWithLower, p.value);
}

Result<std::vector<Person>> SqlTransaction::list_persons_with_lower(ProcuratorateId p) {
  return load_persons(std::string("WHERE p.procuratorate_id") + kWithLower, p.value);
}

Result<std::vector<Unit>> SqlTransaction::list_units_with_lower(ProcuratorateId p) {
  return load_units(std::string("WHERE d.procuratorate_id") + kWithLower, p.value);
}

Result<std::vector<Unit>> SqlTransaction::department_units(DepartmentId d) {
  return load_units("WHERE u.department_id = :a", d.value);
}

Result<std::vector<Person>> SqlTransaction::department_unit_leads(DepartmentId d) {
  return load_persons("WHERE p.id IN (SELECT l.lead_id FROM unit l WHERE l.department_id = :a)",
                      d.value);
}

Result<std::optional<std::int64_t>> SqlTransaction::organisation_version() {
  return guarded_value<std::optional<std::int64_t>>(
      [&]() -> Result<std::optional<std::int64_t>> {
        std::string value;
        if (!statements_.run("SELECT value FROM meta WHERE key = 'organisation.version'",
                             into(value)))
          return std::optional<std::int64_t>();
        std::int64_t v = 0;
        const auto* end = value.data() + value.size();
        if (std::from_chars(value.data(), end, v).ptr != end)
          return Error{ErrorKind::corruption, "bad_meta",
                       "organisation.version in meta is not a number: " + value, "db"};
        return std::optional<std::int64_t>(v);
      });
}

}  // namespace zeren::sql
