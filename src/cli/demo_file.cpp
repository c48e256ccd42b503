#include "cli/demo_file.hpp"

#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace zeren::cli {

namespace json = boost::json;
namespace fs = std::filesystem;

std::string default_demo_file() {
  const char* name = "demo-organisation.json";
  if (const char* env = std::getenv("ZEREN_DATA_DIR")) return (fs::path(env) / name).string();
  if (fs::exists(fs::path(ZEREN_DATA_DIR) / name)) return (fs::path(ZEREN_DATA_DIR) / name).string();
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  return (exe.parent_path().parent_path() / "data" / name).string();
}

namespace {

// Field access that says where the file is wrong instead of throwing.
struct Reader {
  std::string where;

  Result<std::string> text(const json::object& o, const char* key, bool optional = false) const {
    auto* v = o.if_contains(key);
    if (!v || v->is_null()) {
      if (optional) return std::string();
      return Error::invalid(where + "." + key, "required", where + "." + key + " is required");
    }
    if (!v->is_string())
      return Error::invalid(where + "." + key, "not_text", where + "." + key + " must be text");
    return std::string(v->as_string());
  }

  Result<std::vector<std::string>> texts(const json::object& o, const char* key) const {
    std::vector<std::string> out;
    auto* v = o.if_contains(key);
    if (!v) return out;
    if (!v->is_array())
      return Error::invalid(where + "." + key, "not_list", where + "." + key + " must be a list");
    for (const auto& e : v->as_array()) {
      if (!e.is_string())
        return Error::invalid(where + "." + key, "not_text", where + "." + key + " holds text");
      out.emplace_back(e.as_string());
    }
    return out;
  }

  template <class E>
  Result<E> term(const json::object& o, const char* key) const {
    auto t = text(o, key);
    if (!t) return t.error();
    auto r = parse_term<E>(*t, key);
    if (!r) return Error::invalid(where + "." + key, r.error().code, where + ": " + r.error().message);
    return r;
  }

  template <class E>
  Result<std::set<E>> terms(const json::object& o, const char* key) const {
    auto list = texts(o, key);
    if (!list) return list.error();
    std::set<E> out;
    for (const auto& t : *list) {
      auto r = parse_term<E>(t, key);
      if (!r) return Error::invalid(where + "." + key, r.error().code, where + ": " + r.error().message);
      out.insert(*r);
    }
    return out;
  }

  Result<const json::array*> list(const json::object& o, const char* key) const {
    auto* v = o.if_contains(key);
    if (!v || !v->is_array())
      return Error::invalid(where + "." + key, "not_list", where + "." + key + " must be a list");
    return &v->as_array();
  }
};

Result<const json::object*> object_at(const json::value& v, const std::string& where) {
  if (!v.is_object()) return Error::invalid(where, "not_object", where + " must be an object");
  return &v.as_object();
}

#define ZEREN_GET(var, expr)            \
  auto var##_r = (expr);                \
  if (!var##_r) return var##_r.error(); \
  auto& var = *var##_r

}  // namespace

Result<app::DemoOrganisation> read_demo_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error::not_found("data", "cannot read the demo organisation file " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  boost::system::error_code ec;
  json::value root = json::parse(buf.str(), ec);
  if (ec) return Error::invalid("data", "bad_json", path + " is not valid JSON: " + ec.message());
  ZEREN_GET(top, object_at(root, "demo"));
  Reader r{"demo"};
  ZEREN_GET(format, r.text(*top, "format"));
  if (format != "zeren-demo-organisation/1")
    return Error::invalid("format", "unknown_format", "unknown demo file format " + format);

  app::DemoOrganisation demo;
  ZEREN_GET(procs, r.list(*top, "procuratorates"));
  for (std::size_t i = 0; i < procs->size(); ++i) {
    Reader pr{"procuratorates[" + std::to_string(i) + "]"};
    ZEREN_GET(o, object_at((*procs)[i], pr.where));
    app::DemoOrganisation::Procuratorate p;
    ZEREN_GET(key, pr.text(*o, "key"));
    ZEREN_GET(name, pr.text(*o, "name"));
    ZEREN_GET(code, pr.text(*o, "short_code"));
    ZEREN_GET(level, pr.term<Level>(*o, "level"));
    ZEREN_GET(parent, pr.text(*o, "parent", true));
    p.key = key, p.name = name, p.short_code = code, p.level = level, p.parent = parent;
    ZEREN_GET(depts, pr.list(*o, "departments"));
    for (std::size_t j = 0; j < depts->size(); ++j) {
      Reader dr{pr.where + ".departments[" + std::to_string(j) + "]"};
      ZEREN_GET(d, object_at((*depts)[j], dr.where));
      ZEREN_GET(dname, dr.text(*d, "name"));
      ZEREN_GET(kind, dr.term<DepartmentKind>(*d, "kind"));
      ZEREN_GET(categories, dr.terms<CaseCategory>(*d, "categories"));
      p.departments.push_back({dname, kind, categories});
    }
    demo.procuratorates.push_back(std::move(p));
  }

  ZEREN_GET(persons, r.list(*top, "persons"));
  for (std::size_t i = 0; i < persons->size(); ++i) {
    Reader pr{"persons[" + std::to_string(i) + "]"};
    ZEREN_GET(o, object_at((*persons)[i], pr.where));
    app::DemoOrganisation::Person p;
    ZEREN_GET(key, pr.text(*o, "key"));
    ZEREN_GET(name, pr.text(*o, "name"));
    ZEREN_GET(proc, pr.text(*o, "procuratorate"));
    ZEREN_GET(dept, pr.text(*o, "department"));
    ZEREN_GET(category, pr.term<PersonCategory>(*o, "category"));
    ZEREN_GET(employment, pr.text(*o, "employment", true));
    p.key = key, p.name = name, p.procuratorate = proc, p.department = dept, p.category = category;
    if (!employment.empty()) {
      auto e = parse_term<Employment>(employment, "employment");
      if (!e) return Error::invalid(pr.where + ".employment", e.error().code, pr.where + ": " + e.error().message);
      p.employment = *e;
    }
    ZEREN_GET(posts, pr.list(*o, "posts"));
    for (const auto& pv : *posts) {
      ZEREN_GET(post, object_at(pv, pr.where + ".posts"));
      Reader qr{pr.where + ".posts"};
      ZEREN_GET(kind, qr.term<PostKind>(*post, "post"));
      ZEREN_GET(supervises, qr.texts(*post, "supervises"));
      ZEREN_GET(head_of, qr.text(*post, "department", true));
      app::DemoOrganisation::PostRef ref{kind, supervises};
      if (!head_of.empty()) ref.departments.push_back(head_of);
      p.posts.push_back(std::move(ref));
    }
    ZEREN_GET(absences, pr.list(*o, "absences"));
    for (const auto& av : *absences) {
      Reader ar{pr.where + ".absences"};
      ZEREN_GET(a, object_at(av, ar.where));
      ZEREN_GET(from_text, ar.text(*a, "from"));
      ZEREN_GET(to_text, ar.text(*a, "to"));
      ZEREN_GET(reason, ar.text(*a, "reason"));
      ZEREN_GET(from, Date::parse(from_text, ar.where + ".from"));
      ZEREN_GET(to, Date::parse(to_text, ar.where + ".to"));
      ZEREN_GET(absence, Absence::create(from, to, reason));
      p.absences.push_back(absence);
    }
    demo.persons.push_back(std::move(p));
  }

  ZEREN_GET(units, r.list(*top, "units"));
  for (std::size_t i = 0; i < units->size(); ++i) {
    Reader ur{"units[" + std::to_string(i) + "]"};
    ZEREN_GET(o, object_at((*units)[i], ur.where));
    app::DemoOrganisation::Unit u;
    ZEREN_GET(name, ur.text(*o, "name"));
    ZEREN_GET(proc, ur.text(*o, "procuratorate"));
    ZEREN_GET(dept, ur.text(*o, "department"));
    ZEREN_GET(kind, ur.term<UnitKind>(*o, "kind"));
    ZEREN_GET(lead, ur.text(*o, "lead"));
    ZEREN_GET(members, ur.texts(*o, "members"));
    ZEREN_GET(categories, ur.terms<CaseCategory>(*o, "categories"));
    ZEREN_GET(difficulties, ur.terms<Difficulty>(*o, "difficulties"));
    auto* share = o->if_contains("share");
    auto* position = o->if_contains("position");
    if (!share || !share->is_number())
      return Error::invalid(ur.where + ".share", "required", ur.where + ".share must be a number");
    if (!position || !position->is_int64())
      return Error::invalid(ur.where + ".position", "required", ur.where + ".position must be a whole number");
    ZEREN_GET(s, Share::from_decimal(share->to_number<double>(), ur.where + ".share"));
    u.name = name, u.procuratorate = proc, u.department = dept, u.kind = kind, u.lead = lead;
    u.members = members, u.categories = categories, u.difficulties = difficulties, u.share = s;
    u.position = static_cast<int>(position->as_int64());
    demo.units.push_back(std::move(u));
  }

  ZEREN_GET(users, r.list(*top, "users"));
  for (std::size_t i = 0; i < users->size(); ++i) {
    Reader ur{"users[" + std::to_string(i) + "]"};
    ZEREN_GET(o, object_at((*users)[i], ur.where));
    app::DemoOrganisation::User u;
    ZEREN_GET(username, ur.text(*o, "username"));
    // Demo passwords are drawn when the demo is loaded and shown only then; a file carrying one
    // would put it in the repository.
    if (o->contains("password"))
      return Error::invalid(
          ur.where + ".password", "password_in_file",
          ur.where + ": the demo file holds no passwords (zeren demo draws them)");
    ZEREN_GET(roles, ur.terms<Role>(*o, "roles"));
    ZEREN_GET(proc, ur.text(*o, "procuratorate"));
    ZEREN_GET(person, ur.text(*o, "person", true));
    u.username = username, u.roles = roles, u.procuratorate = proc;
    u.person = person;
    demo.users.push_back(std::move(u));
  }
  return demo;
}

}  // namespace zeren::cli
