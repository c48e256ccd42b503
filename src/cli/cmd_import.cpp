// zeren import people --db PATH --as USERNAME --csv FILE [--dry-run] [--json]: the people of a
//   roster (人员名册, CSV; columns in codec/people_csv.hpp) added in one transaction, each with its
//   own audit entry. Any bad row changes nothing; --dry-run checks everything and changes nothing.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <fstream>
#include <iostream>
#include <map>

#include "app/import_people.hpp"
#include "app/use_cases.hpp"
#include "cli/common.hpp"
#include "codec/csv.hpp"
#include "codec/people_csv.hpp"

namespace zeren::cli {

namespace json = boost::json;

namespace {

// The file, or as much of it as parse_csv needs to see that it is too large.
Result<std::string> read_roster(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::not_found("csv", "无法读取文件 " + path + " (cannot read the file)");
  std::string text(codec::kMaxCsvBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) return Error::not_found("csv", "无法读取文件 " + path + " (cannot read the file)");
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

// The code a transaction returns to be rolled back after a dry run that went through.
constexpr const char* kDryRun = "dry_run";

struct DepartmentCount {
  std::string procuratorate, department;
  int persons = 0;
};

// 人数 per 院 and department, in the order of their ids.
std::vector<DepartmentCount> count(const std::vector<app::ImportedPerson>& people) {
  std::map<std::pair<ProcuratorateId, DepartmentId>, DepartmentCount> by;
  for (const auto& p : people) {
    auto& c = by[{p.procuratorate, p.department}];
    c.procuratorate = p.procuratorate_name, c.department = p.department_name;
    ++c.persons;
  }
  std::vector<DepartmentCount> out;
  for (auto& [key, c] : by) out.push_back(std::move(c));
  return out;
}

json::object to_json(const std::vector<app::ImportedPerson>& people, bool dry_run) {
  json::array departments, persons;
  for (const auto& c : count(people))
    departments.push_back(
        {{"procuratorate", c.procuratorate}, {"department", c.department}, {"persons", c.persons}});
  for (const auto& p : people) {
    json::object o{{"line", p.line},
                   {"name", p.name},
                   {"procuratorate", p.procuratorate_name},
                   {"department", p.department_name},
                   {"category", code_of(p.category)}};
    o["id"] = dry_run ? json::value(nullptr) : json::value(p.id.value);
    persons.push_back(std::move(o));
  }
  return {{"dry_run", dry_run},
          {"persons", static_cast<std::int64_t>(people.size())},
          {"departments", departments},
          {"people", persons}};
}

void print_text(const std::vector<app::ImportedPerson>& people, bool dry_run) {
  std::cout << (dry_run ? "试导入（--dry-run，未作任何更改）：将导入 " : "已导入 ") << people.size()
            << " 人\n";
  for (const auto& c : count(people))
    std::cout << "  " << c.procuratorate << " " << c.department << "  " << c.persons << " 人\n";
}

}  // namespace

void add_import(CLI::App& app, Action& run) {
  struct Options {
    std::string db, as, csv;
    bool dry_run = false;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* imp = app.add_subcommand("import", "bring data in from files");
  imp->require_subcommand(1);
  auto* people = imp->add_subcommand(
      "people", "add the people of a CSV roster (人员名册) in one transaction, or none");
  people->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
  people->add_option("--as", opt->as, "username of a 政治部 or 系统管理员 account of the 院")
      ->required();
  people->add_option("--csv", opt->csv, "the roster: UTF-8 CSV with a header row")->required();
  people->add_flag("--dry-run", opt->dry_run, "check everything, report, change nothing");
  people->add_flag("--json", opt->json, "print JSON");
  people->callback([opt, &run] {
    run = [opt] {
      auto text = read_roster(opt->csv);
      if (!text) return report_error(text.error(), opt->json);
      auto rows = codec::decode_people_csv(*text);
      if (!rows) return report_error(rows.error(), opt->json);
      auto s = open_session(opt->db, false);
      if (!s) return report_error(s.error(), opt->json);
      std::vector<app::ImportedPerson> added;
      auto done = s->store().transact(
          [&](Transaction& tx) -> Status {
            auto actor = app::actor_for_user(tx, opt->as);
            if (!actor) return actor.error();
            auto r = app::import_people(tx, app::Context{*actor, system_clock()}, {*rows});
            if (!r) return r.error();
            added = std::move(*r);
            if (opt->dry_run) return Error::invalid("", kDryRun, "dry run: rolled back");
            return ok_status();
          },
          Access::changes);
      if (!done && !(opt->dry_run && done.error().code == kDryRun))
        return report_error(done.error(), opt->json);
      if (!opt->dry_run)
        if (auto cp = checkpoint_after_change(*s, system_clock()); !cp)
          return report_error(cp.error(), opt->json);
      if (opt->json)
        print_json(to_json(added, opt->dry_run));
      else
        print_text(added, opt->dry_run);
      return 0;
    };
  });
}

}  // namespace zeren::cli
