#include "domain/organisation_rules.hpp"

#include <algorithm>

namespace zeren {

namespace {
int rank(Level l) {
  switch (l) {
    case Level::province: return 3;
    case Level::city: return 2;
    case Level::district: return 1;
  }
  return 0;
}

void count_person(StaffCounts& c, const Person& p) {
  switch (p.category()) {
    case PersonCategory::prosecutor: ++c.prosecutors; break;
    case PersonCategory::assistant: ++c.assistants; break;
    case PersonCategory::clerk:
      ++c.clerks;
      if (p.employment() == Employment::established) ++c.clerks_established;
      if (p.employment() == Employment::contract) ++c.clerks_contract;
      break;
    case PersonCategory::admin_staff: ++c.admin_staff; break;
  }
}

void count_unit(UnitCounts& c, const Unit& u) {
  if (!u.active()) return;
  (u.kind() == UnitKind::team ? c.teams : c.sole)++;
}
}  // namespace

Status check_parent(Level child, const Procuratorate& parent) {
  if (rank(parent.level()) <= rank(child))
    return Error::invalid("parent", "invalid_parent",
                          "the parent procuratorate (" + parent.name() +
                              ") must be of a higher level than " + std::string(zh_of(child)));
  return ok_status();
}

Status check_posts(ProcuratorateId procuratorate, const std::vector<Post>& posts,
                   const std::vector<Department>& named_departments) {
  for (const auto& post : posts)
    for (auto id : post.departments) {
      auto it = std::find_if(named_departments.begin(), named_departments.end(),
                             [&](const Department& d) { return d.id() == id; });
      if (it == named_departments.end())
        return Error::not_found("posts.departments", "a post names an unknown department");
      if (it->procuratorate() != procuratorate)
        return Error::invalid("posts.departments", "department_of_other_procuratorate",
                              it->name() + " belongs to another procuratorate");
    }
  return ok_status();
}

Status check_unit(const Unit& unit, const Department& department, const Person& lead,
                  const std::vector<Person>& members) {
  if (department.kind() != DepartmentKind::business)
    return Error::invalid("department", "not_a_business_department",
                          department.name() + " is not a business department and handles no cases");
  for (auto c : unit.categories())
    if (!department.accepts(c))
      return Error::invalid("categories", "category_not_in_department",
                            department.name() + " does not handle " + std::string(zh_of(c)));
  if (lead.category() != PersonCategory::prosecutor)
    return Error::invalid("lead", "lead_not_prosecutor",
                          lead.name() + " is not a 员额检察官 and cannot lead a unit");
  if (lead.procuratorate() != department.procuratorate())
    return Error::invalid("lead", "person_of_other_procuratorate",
                          lead.name() + " belongs to another procuratorate");
  int prosecutors = 1;
  for (const auto& m : members) {
    if (m.procuratorate() != department.procuratorate())
      return Error::invalid("members", "person_of_other_procuratorate",
                            m.name() + " belongs to another procuratorate");
    if (m.category() == PersonCategory::prosecutor) ++prosecutors;
    if (m.category() == PersonCategory::admin_staff)
      return Error::invalid("members", "member_not_case_staff",
                            m.name() + " is 司法行政人员 and cannot be in a handling unit");
    if (m.is_leader() && !lead.is_leader())
      return Error::invalid("members", "leader_must_lead",
                            m.name() + " is a 院领导 and leads any team they join");
  }
  if (unit.kind() == UnitKind::team && prosecutors < 2)
    return Error::invalid("members", "team_too_small",
                          "a team (检察官办案组) has at least two 员额检察官");
  if (unit.kind() == UnitKind::sole && prosecutors != 1)
    return Error::invalid("members", "sole_has_one_prosecutor",
                          "a sole unit (独任检察官) has one 员额检察官, its lead");
  return ok_status();
}

OrganisationSummary summarize(const std::vector<Procuratorate>& procuratorates,
                              const std::vector<Department>& departments,
                              const std::vector<Person>& persons, const std::vector<Unit>& units) {
  OrganisationSummary s;
  s.procuratorates = static_cast<int>(procuratorates.size());
  s.departments = static_cast<int>(departments.size());
  std::map<std::int64_t, Level> level_of_proc;
  std::map<std::int64_t, Level> level_of_dept;
  for (const auto& p : procuratorates) level_of_proc[p.id().value] = p.level();
  for (const auto& d : departments) level_of_dept[d.id().value] = level_of_proc[d.procuratorate().value];

  std::map<Level, LevelSummary> by_level;
  auto level_summary = [&](Level l) -> LevelSummary& {
    auto& ls = by_level[l];
    ls.level = l;
    return ls;
  };
  for (const auto& p : procuratorates) ++level_summary(p.level()).procuratorates;
  for (const auto& p : persons) {
    count_person(s.staff, p);
    count_person(level_summary(level_of_proc[p.procuratorate().value]).staff, p);
  }
  for (const auto& u : units) {
    count_unit(s.units, u);
    count_unit(level_summary(level_of_dept[u.department().value]).units, u);
  }
  for (Level l : {Level::province, Level::city, Level::district})
    if (by_level.contains(l)) s.levels.push_back(by_level[l]);
  return s;
}

}  // namespace zeren
