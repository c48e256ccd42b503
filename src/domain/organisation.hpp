// The organisation model (SPEC §1): procuratorates, departments, persons and handling units.
// Each entity is created through `create`, which validates every field and names the one at
// fault; rules that need more than one entity live in organisation_rules.hpp.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/ids.hpp"
#include "domain/vocabulary.hpp"

namespace zeren {

// 院: a procuratorate at some level, with its short code (院代字) used in case numbers.
class Procuratorate {
 public:
  static Result<Procuratorate> create(std::string name, std::string short_code, Level level,
                                      std::optional<ProcuratorateId> parent);

  ProcuratorateId id() const { return id_; }
  void set_id(ProcuratorateId id) { id_ = id; }
  const std::string& name() const { return name_; }
  const std::string& short_code() const { return short_code_; }
  Level level() const { return level_; }
  const std::optional<ProcuratorateId>& parent() const { return parent_; }

 private:
  Procuratorate() = default;
  ProcuratorateId id_;
  std::string name_;
  std::string short_code_;
  Level level_ = Level::city;
  std::optional<ProcuratorateId> parent_;
};

// 部门: business departments accept case categories (职责分工); the others accept none.
class Department {
 public:
  static Result<Department> create(ProcuratorateId procuratorate, std::string name,
                                   DepartmentKind kind, std::set<CaseCategory> categories);

  DepartmentId id() const { return id_; }
  void set_id(DepartmentId id) { id_ = id; }
  ProcuratorateId procuratorate() const { return procuratorate_; }
  const std::string& name() const { return name_; }
  DepartmentKind kind() const { return kind_; }
  const std::set<CaseCategory>& categories() const { return categories_; }
  bool accepts(CaseCategory c) const { return categories_.contains(c); }

 private:
  Department() = default;
  DepartmentId id_;
  ProcuratorateId procuratorate_;
  std::string name_;
  DepartmentKind kind_ = DepartmentKind::business;
  std::set<CaseCategory> categories_;
};

// 职务: a post a person holds. A deputy chief's `departments` are those they supervise (分管);
// a department head's is the one department they head; the other posts have none.
struct Post {
  PostKind kind = PostKind::committee_member;
  std::vector<DepartmentId> departments;

  static Result<Post> create(PostKind kind, std::vector<DepartmentId> departments);
  friend bool operator==(const Post&, const Post&) = default;
};

// 不在位: a closed period [from, to] in which the person is away.
struct Absence {
  Date from;
  Date to;
  std::string reason;

  static Result<Absence> create(Date from, Date to, std::string reason);
  bool covers(Date d) const { return from <= d && d <= to; }
  friend bool operator==(const Absence&, const Absence&) = default;
};

class Person {
 public:
  // `employment` is required for clerks (编制 or 聘用) and must be `none` for everyone else.
  // Leadership posts (检察长, 副检察长, 检委会委员, 专职委员) are held only by 员额检察官.
  static Result<Person> create(ProcuratorateId procuratorate, DepartmentId department,
                               std::string name, PersonCategory category, Employment employment,
                               std::vector<Post> posts, std::optional<Date> active_from = {},
                               std::optional<Date> active_to = {});

  PersonId id() const { return id_; }
  void set_id(PersonId id) { id_ = id; }
  ProcuratorateId procuratorate() const { return procuratorate_; }
  DepartmentId department() const { return department_; }
  const std::string& name() const { return name_; }
  PersonCategory category() const { return category_; }
  Employment employment() const { return employment_; }
  const std::vector<Post>& posts() const { return posts_; }
  const std::optional<Date>& active_from() const { return active_from_; }
  const std::optional<Date>& active_to() const { return active_to_; }
  const std::vector<Absence>& absences() const { return absences_; }

  bool holds(PostKind kind) const;
  bool is_leader() const { return holds(PostKind::chief) || holds(PostKind::deputy_chief); }
  bool absent_on(Date d) const;
  bool active_on(Date d) const;

  // Records an absence; refuses one that overlaps an absence already recorded.
  Status add_absence(Absence absence);

 private:
  Person() = default;
  PersonId id_;
  ProcuratorateId procuratorate_;
  DepartmentId department_;
  std::string name_;
  PersonCategory category_ = PersonCategory::prosecutor;
  Employment employment_ = Employment::none;
  std::vector<Post> posts_;
  std::optional<Date> active_from_;
  std::optional<Date> active_to_;
  std::vector<Absence> absences_;
};

// 份额 in ten-thousandths: 10000 is a full share, 2000 a deputy chief's 0.2.
struct Share {
  int basis_points = 10000;
  static Result<Share> from_decimal(double value, std::string_view field = "share");
  double decimal() const { return basis_points / 10000.0; }
  friend auto operator<=>(const Share&, const Share&) = default;
};

// 办案单元: a team (检察官办案组) or a sole prosecutor (独任检察官) — what cases are assigned to.
// `members` are the people besides the lead; a person may belong to several units.
class Unit {
 public:
  static Result<Unit> create(DepartmentId department, UnitKind kind, std::string name,
                             PersonId lead, std::vector<PersonId> members,
                             std::set<CaseCategory> categories, std::set<Difficulty> difficulties,
                             Share share, int position, bool active = true);

  UnitId id() const { return id_; }
  void set_id(UnitId id) { id_ = id; }
  DepartmentId department() const { return department_; }
  UnitKind kind() const { return kind_; }
  const std::string& name() const { return name_; }
  PersonId lead() const { return lead_; }
  const std::vector<PersonId>& members() const { return members_; }
  const std::set<CaseCategory>& categories() const { return categories_; }
  const std::set<Difficulty>& difficulties() const { return difficulties_; }
  Share share() const { return share_; }
  int position() const { return position_; }
  bool active() const { return active_; }
  bool includes(PersonId p) const;

  void deactivate() { active_ = false; }
  void activate() { active_ = true; }

 private:
  Unit() = default;
  UnitId id_;
  DepartmentId department_;
  UnitKind kind_ = UnitKind::sole;
  std::string name_;
  PersonId lead_;
  std::vector<PersonId> members_;
  std::set<CaseCategory> categories_;
  std::set<Difficulty> difficulties_;
  Share share_;
  int position_ = 1;
  bool active_ = true;
};

}  // namespace zeren
