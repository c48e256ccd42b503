#include "domain/organisation.hpp"

#include <algorithm>
#include <cmath>

#include "domain/text.hpp"

namespace zeren {

namespace {
constexpr std::size_t kMaxName = 60;

bool is_leadership(PostKind k) {
  return k == PostKind::chief || k == PostKind::deputy_chief || k == PostKind::committee_member ||
         k == PostKind::full_time_member;
}
}  // namespace

Result<Procuratorate> Procuratorate::create(std::string name, std::string short_code, Level level,
                                            std::optional<ProcuratorateId> parent) {
  auto n = clean_line(std::move(name), "name", kMaxName);
  if (!n) return n.error();
  auto c = clean_line(std::move(short_code), "short_code", 6);
  if (!c) return c.error();
  if (c->find(' ') != std::string::npos)
    return Error::invalid("short_code", "invalid_short_code", "short_code (院代字) has no spaces");
  if (parent && !parent->valid())
    return Error::invalid("parent", "invalid_parent", "parent is not a stored procuratorate");
  if (level == Level::district && !parent)
    return Error::invalid("parent", "parent_required",
                          "a district procuratorate needs its parent procuratorate");
  Procuratorate p;
  p.name_ = std::move(*n);
  p.short_code_ = std::move(*c);
  p.level_ = level;
  p.parent_ = parent;
  return p;
}

Result<Department> Department::create(ProcuratorateId procuratorate, std::string name,
                                      DepartmentKind kind, std::set<CaseCategory> categories) {
  if (!procuratorate.valid())
    return Error::invalid("procuratorate", "required", "procuratorate is required");
  auto n = clean_line(std::move(name), "name", kMaxName);
  if (!n) return n.error();
  if (kind == DepartmentKind::business && categories.empty())
    return Error::invalid("categories", "categories_required",
                          "a business department accepts at least one case category");
  if (kind != DepartmentKind::business && !categories.empty())
    return Error::invalid("categories", "categories_not_allowed",
                          "only business departments accept case categories");
  Department d;
  d.procuratorate_ = procuratorate;
  d.name_ = std::move(*n);
  d.kind_ = kind;
  d.categories_ = std::move(categories);
  return d;
}

Result<Post> Post::create(PostKind kind, std::vector<DepartmentId> departments) {
  std::sort(departments.begin(), departments.end());
  if (std::adjacent_find(departments.begin(), departments.end()) != departments.end())
    return Error::invalid("posts.departments", "duplicate_department",
                          "a department is listed twice");
  for (auto d : departments)
    if (!d.valid())
      return Error::invalid("posts.departments", "invalid_department", "unknown department");
  switch (kind) {
    case PostKind::deputy_chief:
      if (departments.empty())
        return Error::invalid("posts.supervises", "supervised_required",
                              "a deputy chief (副检察长) supervises at least one department");
      break;
    case PostKind::department_head:
      if (departments.size() != 1)
        return Error::invalid("posts.department", "department_required",
                              "a department head (部门负责人) heads exactly one department");
      break;
    default:
      if (!departments.empty())
        return Error::invalid("posts.departments", "departments_not_allowed",
                              std::string(zh_of(kind)) + " has no departments");
  }
  return Post{kind, std::move(departments)};
}

Result<Absence> Absence::create(Date from, Date to, std::string reason) {
  if (to < from)
    return Error::invalid("absence.to", "invalid_period",
                          "an absence ends (" + to.iso() + ") before it starts (" + from.iso() +
                              ")");
  auto r = clean_line(std::move(reason), "absence.reason", 200);
  if (!r) return r.error();
  return Absence{from, to, std::move(*r)};
}

Result<Person> Person::create(ProcuratorateId procuratorate, DepartmentId department,
                              std::string name, PersonCategory category, Employment employment,
                              std::vector<Post> posts, std::optional<Date> active_from,
                              std::optional<Date> active_to) {
  if (!procuratorate.valid())
    return Error::invalid("procuratorate", "required", "procuratorate is required");
  if (!department.valid()) return Error::invalid("department", "required", "department is required");
  auto n = clean_line(std::move(name), "name", kMaxName);
  if (!n) return n.error();
  if (category == PersonCategory::clerk && employment == Employment::none)
    return Error::invalid("employment", "employment_required",
                          "a clerk (书记员) is either 编制 or 聘用");
  if (category != PersonCategory::clerk && employment != Employment::none)
    return Error::invalid("employment", "employment_not_allowed",
                          "only clerks (书记员) have an employment type");
  for (std::size_t i = 0; i < posts.size(); ++i) {
    if (is_leadership(posts[i].kind) && category != PersonCategory::prosecutor)
      return Error::invalid("posts", "post_requires_prosecutor",
                            std::string(zh_of(posts[i].kind)) + " must be a 员额检察官");
    for (std::size_t j = 0; j < i; ++j)
      if (posts[j].kind == posts[i].kind)
        return Error::invalid("posts", "duplicate_post",
                              std::string(zh_of(posts[i].kind)) + " is listed twice");
  }
  if (posts.size() > 1) {
    const bool chief = std::any_of(posts.begin(), posts.end(),
                                   [](const Post& p) { return p.kind == PostKind::chief; });
    const bool deputy = std::any_of(posts.begin(), posts.end(),
                                    [](const Post& p) { return p.kind == PostKind::deputy_chief; });
    if (chief && deputy)
      return Error::invalid("posts", "conflicting_posts",
                            "检察长 and 副检察长 cannot be held together");
  }
  if (active_from && active_to && *active_to < *active_from)
    return Error::invalid("active_to", "invalid_period", "active_to is before active_from");
  Person p;
  p.procuratorate_ = procuratorate;
  p.department_ = department;
  p.name_ = std::move(*n);
  p.category_ = category;
  p.employment_ = employment;
  p.posts_ = std::move(posts);
  p.active_from_ = active_from;
  p.active_to_ = active_to;
  return p;
}

bool Person::holds(PostKind kind) const {
  return std::any_of(posts_.begin(), posts_.end(), [&](const Post& p) { return p.kind == kind; });
}

bool Person::absent_on(Date d) const {
  return std::any_of(absences_.begin(), absences_.end(),
                     [&](const Absence& a) { return a.covers(d); });
}

bool Person::active_on(Date d) const {
  return (!active_from_ || *active_from_ <= d) && (!active_to_ || d <= *active_to_);
}

Status Person::add_absence(Absence absence) {
  for (const auto& a : absences_)
    if (!(absence.to < a.from || a.to < absence.from))
      return Error::conflict("overlapping_absence",
                             "overlaps the absence " + a.from.iso() + " – " + a.to.iso(),
                             "absence.from");
  absences_.push_back(std::move(absence));
  std::sort(absences_.begin(), absences_.end(),
            [](const Absence& x, const Absence& y) { return x.from < y.from; });
  return ok_status();
}

Result<Share> Share::from_decimal(double value, std::string_view field) {
  const std::string f(field);
  if (!std::isfinite(value) || value <= 0.0 || value > 1.0)
    return Error::invalid(f, "invalid_share", "share (份额) must be greater than 0 and at most 1");
  const double bp = value * 10000.0;
  const double rounded = std::round(bp);
  if (std::fabs(bp - rounded) > 1e-6 || rounded < 1)
    return Error::invalid(f, "invalid_share", "share (份额) has at most 4 decimal places");
  return Share{static_cast<int>(rounded)};
}

Result<Unit> Unit::create(DepartmentId department, UnitKind kind, std::string name, PersonId lead,
                          std::vector<PersonId> members, std::set<CaseCategory> categories,
                          std::set<Difficulty> difficulties, Share share, int position,
                          bool active) {
  if (!department.valid()) return Error::invalid("department", "required", "department is required");
  auto n = clean_line(std::move(name), "name", kMaxName);
  if (!n) return n.error();
  if (!lead.valid()) return Error::invalid("lead", "required", "lead (主办检察官) is required");
  std::sort(members.begin(), members.end());
  if (std::adjacent_find(members.begin(), members.end()) != members.end())
    return Error::invalid("members", "duplicate_member", "a member is listed twice");
  if (std::find(members.begin(), members.end(), lead) != members.end())
    return Error::invalid("members", "lead_in_members", "the lead is not listed among members");
  for (auto m : members)
    if (!m.valid()) return Error::invalid("members", "invalid_member", "unknown member");
  if (kind == UnitKind::team && members.empty())
    return Error::invalid("members", "team_too_small",
                          "a team (检察官办案组) has at least two prosecutors");
  if (categories.empty())
    return Error::invalid("categories", "categories_required",
                          "a unit accepts at least one case category");
  if (difficulties.empty())
    return Error::invalid("difficulties", "difficulties_required",
                          "a unit accepts at least one difficulty level");
  if (share.basis_points <= 0 || share.basis_points > 10000)
    return Error::invalid("share", "invalid_share",
                          "share (份额) must be greater than 0 and at most 1");
  if (position < 1) return Error::invalid("position", "invalid_position", "position starts at 1");
  Unit u;
  u.department_ = department;
  u.kind_ = kind;
  u.name_ = std::move(*n);
  u.lead_ = lead;
  u.members_ = std::move(members);
  u.categories_ = std::move(categories);
  u.difficulties_ = std::move(difficulties);
  u.share_ = share;
  u.position_ = position;
  u.active_ = active;
  return u;
}

bool Unit::includes(PersonId p) const {
  return p == lead_ || std::binary_search(members_.begin(), members_.end(), p);
}

}  // namespace zeren
