// 人员名册导入: the people of a roster (the political department's spreadsheet) added in one
// transaction, each through add_person, so each gets its own audit entry. The roster's rows come
// from codec/people_csv.hpp with their references still by name; this use case resolves them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/organisation.hpp"

namespace zeren::app {

// The roster's columns. The Chinese term is the primary column name, the code its English one.
enum class RosterColumn {
  procuratorate,  // 院: name or 院代字
  department,     // 部门: name within that 院
  name,           // 姓名
  category,       // 人员类别
  employment,     // 用工性质
  posts,          // 职务
  active_from,    // 起始日期
  active_to,      // 终止日期
};

// Where a roster's error is: the field is "line 7: 人员类别", the message starts "第 7
// 行「人员类别」：".
std::string roster_field(int line, RosterColumn column);
Error at_cell(int line, RosterColumn column, Error e);

// A post as a roster names it: the departments (分管 or headed) by name, in the person's 院.
struct RosterPost {
  PostKind kind = PostKind::committee_member;
  std::vector<std::string> departments;
};

// One person of a roster, its 院 and departments still by name; `line` is where its row starts.
struct PersonRow {
  int line = 0;
  std::string procuratorate;
  std::string department;
  std::string name;
  PersonCategory category = PersonCategory::prosecutor;
  Employment employment = Employment::none;
  std::vector<RosterPost> posts;
  std::optional<Date> active_from;
  std::optional<Date> active_to;
};

struct ImportPeople {
  std::vector<PersonRow> rows;
};

struct ImportedPerson {
  int line = 0;
  PersonId id;
  ProcuratorateId procuratorate;
  std::string procuratorate_name;
  DepartmentId department;
  std::string department_name;
  std::string name;
  PersonCategory category = PersonCategory::prosecutor;
};

// Resolves every row within the actor's scope and adds it through add_person, in file order.
// The actor holds manage_organisation for each row's 院. The first bad row fails the whole import
// with an error naming its line and column (roster_field): an unknown 院, department or post
// department, a post the domain refuses, a name twice in one department of the file (invalid), a
// name the department already has (conflict), a 院 outside the actor's scope (permission denied).
// Runs in the caller's transaction, so a failure changes nothing; for a dry run the caller rolls
// the transaction back after it succeeded.
Result<std::vector<ImportedPerson>> import_people(Transaction& tx, const Context& ctx,
                                                  const ImportPeople& cmd);

}  // namespace zeren::app
