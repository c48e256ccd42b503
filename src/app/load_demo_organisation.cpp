#include <map>

#include "app/record_change.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

namespace {

template <class T>
Result<T> lookup(const std::map<std::string, T>& m, const std::string& key, const std::string& field) {
  auto it = m.find(key);
  if (it == m.end()) return Error::not_found(field, "the demo data names an unknown " + field + " \"" + key + "\"");
  return it->second;
}

// Prefixes the error's field with where in the demo file it happened.
Error at(const std::string& where, Error e) {
  e.field = where + (e.field.empty() ? "" : "." + e.field);
  e.message = where + ": " + e.message;
  return e;
}

}  // namespace

Result<DemoLoaded> load_demo_organisation(Transaction& tx, const Context& ctx,
                                          const PasswordHasher& hasher,
                                          const DemoOrganisation& demo) {
  auto existing = tx.organisation().list_procuratorates();
  if (!existing) return existing.error();
  if (!existing->empty())
    return Error::conflict("demo_already_loaded",
                           "this database already holds an organisation; the demo loads only "
                           "into an empty database");
  DemoLoaded loaded;
  std::map<std::string, ProcuratorateId> procuratorates;
  std::map<std::string, DepartmentId> departments;  // "<proc key>/<name>"
  std::map<std::string, PersonId> persons;

  for (std::size_t i = 0; i < demo.procuratorates.size(); ++i) {
    const auto& p = demo.procuratorates[i];
    const std::string where = "procuratorates[" + std::to_string(i) + "]";
    std::optional<ProcuratorateId> parent;
    if (!p.parent.empty()) {
      auto id = lookup(procuratorates, p.parent, "parent");
      if (!id) return at(where, id.error());
      parent = *id;
    }
    auto id = add_procuratorate(tx, ctx, {p.name, p.short_code, p.level, parent});
    if (!id) return at(where, id.error());
    procuratorates[p.key] = *id;
    ++loaded.procuratorates;
    for (const auto& d : p.departments) {
      auto dept = add_department(tx, ctx, {*id, d.name, d.kind, d.categories});
      if (!dept) return at(where + ".departments", dept.error());
      departments[p.key + "/" + d.name] = *dept;
      ++loaded.departments;
    }
  }

  for (std::size_t i = 0; i < demo.persons.size(); ++i) {
    const auto& p = demo.persons[i];
    const std::string where = "persons[" + std::to_string(i) + "]";
    auto proc = lookup(procuratorates, p.procuratorate, "procuratorate");
    if (!proc) return at(where, proc.error());
    auto dept = lookup(departments, p.procuratorate + "/" + p.department, "department");
    if (!dept) return at(where, dept.error());
    std::vector<Post> posts;
    for (const auto& ref : p.posts) {
      std::vector<DepartmentId> ids;
      for (const auto& name : ref.departments) {
        auto d = lookup(departments, p.procuratorate + "/" + name, "department");
        if (!d) return at(where + ".posts", d.error());
        ids.push_back(*d);
      }
      auto post = Post::create(ref.kind, ids);
      if (!post) return at(where, post.error());
      posts.push_back(std::move(*post));
    }
    auto id = add_person(tx, ctx, {*proc, *dept, p.name, p.category, p.employment, posts, {}, {}});
    if (!id) return at(where, id.error());
    persons[p.key] = *id;
    ++loaded.persons;
    for (const auto& a : p.absences) {
      auto s = record_absence(tx, ctx, {*id, a.from, a.to, a.reason});
      if (!s) return at(where + ".absences", s.error());
    }
  }

  for (std::size_t i = 0; i < demo.units.size(); ++i) {
    const auto& u = demo.units[i];
    const std::string where = "units[" + std::to_string(i) + "]";
    auto dept = lookup(departments, u.procuratorate + "/" + u.department, "department");
    if (!dept) return at(where, dept.error());
    auto lead = lookup(persons, u.lead, "lead");
    if (!lead) return at(where, lead.error());
    std::vector<PersonId> members;
    for (const auto& key : u.members) {
      auto m = lookup(persons, key, "members");
      if (!m) return at(where, m.error());
      members.push_back(*m);
    }
    auto id = add_unit(tx, ctx, {*dept, u.kind, u.name, *lead, members, u.categories,
                                 u.difficulties, u.share, u.position, true});
    if (!id) return at(where, id.error());
    ++loaded.units;
  }

  for (std::size_t i = 0; i < demo.users.size(); ++i) {
    const auto& u = demo.users[i];
    const std::string where = "users[" + std::to_string(i) + "]";
    auto proc = lookup(procuratorates, u.procuratorate, "procuratorate");
    if (!proc) return at(where, proc.error());
    std::optional<PersonId> person;
    if (!u.person.empty()) {
      auto p = lookup(persons, u.person, "person");
      if (!p) return at(where, p.error());
      person = *p;
    }
    // Demo log-ins are printed for trying the system; they need no change at first log-in.
    auto id = add_user(tx, ctx, hasher, {u.username, u.password, u.roles, *proc, person, false});
    if (!id) return at(where, id.error());
    ++loaded.users;
  }

  ZEREN_TRY(record_change(tx, ctx, "organisation.demo.load", "organisation",
                          {{"procuratorates", std::to_string(loaded.procuratorates)},
                           {"departments", std::to_string(loaded.departments)},
                           {"persons", std::to_string(loaded.persons)},
                           {"units", std::to_string(loaded.units)},
                           {"users", std::to_string(loaded.users)}}));
  return loaded;
}

}  // namespace zeren::app
