// zeren org show --db PATH [--json]: the organisation counted (SPEC §1 staffing figures).
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <cstdio>
#include <iostream>

#include "app/use_cases.hpp"
#include "cli/common.hpp"

namespace zeren::cli {

namespace {

boost::json::object staff_json(const StaffCounts& s) {
  return {{"prosecutor", s.prosecutors},
          {"assistant", s.assistants},
          {"clerk", s.clerks},
          {"admin_staff", s.admin_staff}};
}

// prosecutors : assistants : clerks, with prosecutors as 1.
std::string ratio(const StaffCounts& s) {
  if (s.prosecutors == 0) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "1 : %.2f : %.2f", double(s.assistants) / s.prosecutors,
                double(s.clerks) / s.prosecutors);
  return buf;
}

void print_text(const OrganisationSummary& o) {
  const auto& s = o.staff;
  std::cout << "院 procuratorates: " << o.procuratorates << "   部门 departments: " << o.departments
            << "\n员额检察官 " << s.prosecutors << "   检察官助理 " << s.assistants << "   书记员 "
            << s.clerks << " (编制 " << s.clerks_established << ", 聘用 " << s.clerks_contract
            << ")   司法行政人员 " << s.admin_staff << "\n检察官 : 助理 : 书记员 = " << ratio(s)
            << "\n检察官办案组 teams " << o.units.teams << "   独任检察官 sole " << o.units.sole
            << '\n';
  for (const auto& l : o.levels)
    std::cout << "  " << zh_of(l.level) << ": " << l.procuratorates << " 院, 员额检察官 "
              << l.staff.prosecutors << ", 办案组 " << l.units.teams << ", 独任 " << l.units.sole
              << '\n';
}

}  // namespace

void add_org(CLI::App& app, Action& run) {
  struct Options {
    std::string db;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* org = app.add_subcommand("org", "the organisation");
  org->require_subcommand(1);
  auto* people = org->add_subcommand("people", "every person with id, account, 院, department, posts");
  people->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
  people->add_flag("--json", opt->json, "print JSON");
  people->callback([opt, &run] {
    run = [opt] {
      auto s = open_session(opt->db, false);
      if (!s) return report_error(s.error(), opt->json);
      app::Context ctx{s->actor, system_clock()};
      auto list = transact_value<std::vector<app::PersonListing>>(
          s->store(), [&](Transaction& tx) { return app::list_people(tx, ctx); });
      if (!list) return report_error(list.error(), opt->json);
      boost::json::array out;
      for (const auto& l : *list) {
        boost::json::array posts;
        for (const auto& [post, departments] : l.posts) {
          boost::json::array ds;
          for (const auto& d : departments) ds.push_back(boost::json::string(d));
          posts.push_back({{"post", code_of(post.kind)}, {"title", zh_of(post.kind)}, {"departments", ds}});
        }
        boost::json::object o{{"id", l.person.id().value},
                               {"name", l.person.name()},
                               {"procuratorate", l.procuratorate},
                               {"department", l.department},
                               {"category", code_of(l.person.category())},
                               {"posts", posts}};
        o["username"] = l.usernames.empty() ? boost::json::value(nullptr)
                                            : boost::json::value(l.usernames.front());
        if (l.person.employment() != Employment::none)
          o["employment"] = code_of(l.person.employment());
        out.push_back(o);
      }
      if (opt->json) {
        print_json(out);
      } else {
        for (const auto& l : *list)
          std::cout << l.person.id().value << "  " << l.person.name() << "  " << l.procuratorate
                    << " " << l.department << "  " << zh_of(l.person.category())
                    << (l.usernames.empty() ? "" : "  账号 " + l.usernames.front()) << '\n';
      }
      return 0;
    };
  });
  auto* show = org->add_subcommand("show", "count procuratorates, departments, staff and units");
  show->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
  show->add_flag("--json", opt->json, "print JSON");
  show->callback([opt, &run] {
    run = [opt] {
      auto s = open_session(opt->db, false);
      if (!s) return report_error(s.error(), opt->json);
      app::Context ctx{s->actor, system_clock()};
      auto summary = transact_value<OrganisationSummary>(
          s->store(), [&](Transaction& tx) { return app::summarize_organisation(tx, ctx); });
      if (!summary) return report_error(summary.error(), opt->json);
      if (!opt->json) {
        print_text(*summary);
        return 0;
      }
      boost::json::array levels;
      for (const auto& l : summary->levels)
        levels.push_back({{"level", code_of(l.level)},
                          {"procuratorates", l.procuratorates},
                          {"persons", staff_json(l.staff)},
                          {"units", {{"team", l.units.teams}, {"sole", l.units.sole}}}});
      const auto& st = summary->staff;
      print_json(boost::json::object{
          {"procuratorates", summary->procuratorates},
          {"departments", summary->departments},
          {"persons", staff_json(st)},
          {"clerks", {{"established", st.clerks_established}, {"contract", st.clerks_contract}}},
          {"ratio", ratio(st)},
          {"units", {{"team", summary->units.teams}, {"sole", summary->units.sole}}},
          {"levels", levels}});
      return 0;
    };
  });
}

}  // namespace zeren::cli
