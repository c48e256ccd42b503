// zeren demo --db PATH [--data FILE] [--json]: loads the demo organisation (data/, not code) into
// an empty database, creating it if needed.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

#include "app/use_cases.hpp"
#include "cli/common.hpp"
#include "cli/demo_file.hpp"
#include "security/argon2_password_hasher.hpp"

namespace zeren::cli {

void add_demo(CLI::App& app, Action& run) {
  struct Options {
    std::string db;
    std::string data;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("demo", "load the demo organisation into an empty database");
  cmd->add_option("--db", opt->db, "SQLite database file (created if missing)")->required();
  cmd->add_option("--data", opt->data, "demo organisation file (default data/demo-organisation.json)");
  cmd->add_flag("--json", opt->json, "print JSON");
  cmd->callback([opt, &run] {
    run = [opt] {
      auto demo = read_demo_file(opt->data.empty() ? default_demo_file() : opt->data);
      if (!demo) return report_error(demo.error(), opt->json);
      auto s = open_session(opt->db, true);
      if (!s) return report_error(s.error(), opt->json);
      const Argon2PasswordHasher hasher;
      app::Context ctx{s->actor, system_clock()};
      auto loaded = transact_value<app::DemoLoaded>(s->store(), [&](Transaction& tx) {
        return app::load_demo_organisation(tx, ctx, hasher, *demo);
      });
      if (!loaded) return report_error(loaded.error(), opt->json);
      if (auto c = checkpoint_after_change(*s, system_clock()); !c)
        return report_error(c.error(), opt->json);
      if (opt->json) {
        print_json(boost::json::object{{"procuratorates", loaded->procuratorates},
                                       {"departments", loaded->departments},
                                       {"persons", loaded->persons},
                                       {"units", loaded->units},
                                       {"users", loaded->users}});
      } else {
        std::cout << "已载入演示组织 demo organisation loaded: " << loaded->procuratorates
                  << " 院, " << loaded->departments << " 部门, " << loaded->persons << " 人, "
                  << loaded->units << " 办案单元, " << loaded->users << " 账号\n"
                  << "演示账号 demo log-ins:\n";
        for (const auto& u : demo->users) {
          std::string roles;
          for (auto r : u.roles) roles += (roles.empty() ? "" : "、") + std::string(zh_of(r));
          std::string where = u.procuratorate;
          for (const auto& p : demo->procuratorates)
            if (p.key == u.procuratorate) where = p.name;
          std::cout << "  " << u.username << " / " << u.password << "   " << where << " " << roles
                    << '\n';
        }
      }
      return 0;
    };
  });
}

}  // namespace zeren::cli
