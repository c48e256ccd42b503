#include "app/import_people.hpp"

#include <map>
#include <set>
#include <utility>

#include "app/permissions.hpp"
#include "app/use_cases.hpp"

namespace zeren {

ZEREN_DEFINE_TERMS(app::RosterColumn, {app::RosterColumn::procuratorate, "procuratorate", "院"},
                   {app::RosterColumn::department, "department", "部门"},
                   {app::RosterColumn::name, "name", "姓名"},
                   {app::RosterColumn::category, "category", "人员类别"},
                   {app::RosterColumn::employment, "employment", "用工性质"},
                   {app::RosterColumn::posts, "posts", "职务"},
                   {app::RosterColumn::active_from, "active_from", "起始日期"},
                   {app::RosterColumn::active_to, "active_to", "终止日期"})

namespace app {

std::string roster_field(int line, RosterColumn column) {
  return "line " + std::to_string(line) + ": " + std::string(zh_of(column));
}

Error at_cell(int line, RosterColumn column, Error e) {
  e.message =
      "第 " + std::to_string(line) + " 行「" + std::string(zh_of(column)) + "」：" + e.message;
  e.field = roster_field(line, column);
  return e;
}

namespace {

// The column a field of Person::create, Post::create or add_person comes from: the columns' codes
// are those fields' names ("posts.departments" included); errors without a field concern the 院.
RosterColumn column_of(const std::string& field) {
  if (field.starts_with("posts")) return RosterColumn::posts;
  auto column = parse_term<RosterColumn>(field, "field");
  return column ? *column : RosterColumn::procuratorate;
}

// An error of add_person for a row, moved to the row's cell; failures of the database stay as
// they are.
Error in_row(int line, Error e) {
  if (e.kind == ErrorKind::storage || e.kind == ErrorKind::corruption ||
      e.kind == ErrorKind::unavailable)
    return e;
  const auto column = column_of(e.field);
  return at_cell(line, column, std::move(e));
}

// What the import knows of one 院 once a row names it.
struct Known {
  Procuratorate procuratorate;
  std::map<std::string, DepartmentId> departments;                  // by name
  std::map<std::pair<DepartmentId, std::string>, PersonId> people;  // stored, by name
};

Result<Procuratorate> find_by_name_or_code(const std::vector<Procuratorate>& all,
                                           const PersonRow& row) {
  const Procuratorate* found = nullptr;
  for (const auto& p : all) {
    if (p.name() != row.procuratorate && p.short_code() != row.procuratorate) continue;
    if (found)
      return at_cell(row.line, RosterColumn::procuratorate,
                     Error::invalid("", "ambiguous_procuratorate",
                                    "「" + row.procuratorate +
                                        "」指称不止一个院，请写全称 (names more than one "
                                        "procuratorate)"));
    found = &p;
  }
  if (!found)
    return at_cell(row.line, RosterColumn::procuratorate,
                   Error::invalid("", "unknown_procuratorate",
                                  "没有名称或院代字为「" + row.procuratorate +
                                      "」的院 (no such procuratorate)"));
  return *found;
}

Result<Known> load_known(Transaction& tx, const Procuratorate& p) {
  Known k{p, {}, {}};
  auto departments = tx.organisation().list_departments(p.id());
  if (!departments) return departments.error();
  for (const auto& d : *departments) k.departments.emplace(d.name(), d.id());
  auto persons = tx.organisation().list_persons(p.id());
  if (!persons) return persons.error();
  for (const auto& person : *persons)
    k.people.emplace(std::pair{person.department(), person.name()}, person.id());
  return k;
}

Result<DepartmentId> department_named(const Known& k, const std::string& name, int line,
                                      RosterColumn column) {
  auto it = k.departments.find(name);
  if (it == k.departments.end())
    return at_cell(
        line, column,
        Error::invalid("", "unknown_department",
                       k.procuratorate.name() + "没有部门「" + name + "」 (no such department)"));
  return it->second;
}

Result<std::vector<Post>> resolve_posts(const Known& k, const PersonRow& row) {
  std::vector<Post> posts;
  for (const auto& ref : row.posts) {
    std::vector<DepartmentId> ids;
    for (const auto& name : ref.departments) {
      auto d = department_named(k, name, row.line, RosterColumn::posts);
      if (!d) return d.error();
      ids.push_back(*d);
    }
    auto post = Post::create(ref.kind, std::move(ids));
    if (!post) return at_cell(row.line, RosterColumn::posts, post.error());
    posts.push_back(std::move(*post));
  }
  return posts;
}

}  // namespace

Result<std::vector<ImportedPerson>> import_people(Transaction& tx, const Context& ctx,
                                                  const ImportPeople& cmd) {
  // The role first, so that an actor without it learns nothing about the rows.
  ZEREN_TRY(authorize(tx, ctx.actor, Permission::manage_organisation, ctx.actor.procuratorate));
  auto all = tx.organisation().list_procuratorates();
  if (!all) return all.error();
  std::map<ProcuratorateId, Known> known;
  std::map<std::pair<DepartmentId, std::string>, int> first_line;  // rows of this file
  std::vector<ImportedPerson> out;
  for (const auto& row : cmd.rows) {
    auto proc = find_by_name_or_code(*all, row);
    if (!proc) return proc.error();
    if (auto s = authorize(tx, ctx.actor, Permission::manage_organisation, proc->id()); !s)
      return at_cell(row.line, RosterColumn::procuratorate, s.error());
    auto it = known.find(proc->id());
    if (it == known.end()) {
      auto k = load_known(tx, *proc);
      if (!k) return k.error();
      it = known.emplace(proc->id(), std::move(*k)).first;
    }
    const Known& k = it->second;
    auto dept = department_named(k, row.department, row.line, RosterColumn::department);
    if (!dept) return dept.error();
    auto posts = resolve_posts(k, row);
    if (!posts) return posts.error();

    const std::pair key{*dept, row.name};
    if (auto twice = first_line.find(key); twice != first_line.end())
      return at_cell(row.line, RosterColumn::name,
                     Error::invalid("", "duplicate_person",
                                    "「" + row.name + "」与第 " + std::to_string(twice->second) +
                                        " 行同一部门同名 (the same name twice in one department)"));
    if (auto stored = k.people.find(key); stored != k.people.end())
      return at_cell(
          row.line, RosterColumn::name,
          Error::conflict("person_exists", row.department + "已有「" + row.name + "」(人员 id " +
                                               std::to_string(stored->second.value) +
                                               ") (the department already has this person)"));
    first_line.emplace(key, row.line);

    auto id = add_person(tx, ctx,
                         {proc->id(), *dept, row.name, row.category, row.employment,
                          std::move(*posts), row.active_from, row.active_to});
    if (!id) return in_row(row.line, id.error());
    out.push_back(
        {row.line, *id, proc->id(), proc->name(), *dept, row.department, row.name, row.category});
  }
  return out;
}

}  // namespace app
}  // namespace zeren
