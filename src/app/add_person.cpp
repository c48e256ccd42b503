#include "app/permissions.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

Result<PersonId> add_person(Transaction& tx, const Context& ctx, const AddPerson& cmd) {
  ZEREN_TRY(authorize(tx, ctx.actor, Permission::manage_organisation, cmd.procuratorate));
  auto p = Person::create(cmd.procuratorate, cmd.department, cmd.name, cmd.category, cmd.employment,
                          cmd.posts, cmd.active_from, cmd.active_to);
  if (!p) return p.error();
  auto dept = tx.organisation().find_department(cmd.department);
  if (!dept) return Error::not_found("department", "the department does not exist");
  if (dept->procuratorate() != cmd.procuratorate)
    return Error::invalid("department", "department_of_other_procuratorate",
                          dept->name() + " belongs to another procuratorate");
  auto departments = tx.organisation().list_departments(cmd.procuratorate);
  if (!departments) return departments.error();
  ZEREN_TRY(check_posts(cmd.procuratorate, p->posts(), *departments));
  auto id = tx.organisation().add_person(*p);
  if (!id) return id.error();

  std::vector<AuditField> fields{{"procuratorate", std::to_string(cmd.procuratorate.value)},
                                 {"department", std::to_string(cmd.department.value)},
                                 {"name", p->name()},
                                 {"category", std::string(code_of(p->category()))},
                                 {"employment", std::string(code_of(p->employment()))}};
  std::vector<std::string> posts;
  for (const auto& post : p->posts()) {
    std::string s(code_of(post.kind));
    for (auto d : post.departments) s += ":" + std::to_string(d.value);
    posts.push_back(std::move(s));
  }
  add_list(fields, "posts", posts);
  if (p->active_from()) fields.push_back({"active_from", p->active_from()->iso()});
  if (p->active_to()) fields.push_back({"active_to", p->active_to()->iso()});
  ZEREN_TRY(record_change(tx, ctx, "organisation.person.add", subject("person", *id),
                          std::move(fields)));
  return id;
}

}  // namespace zeren::app
