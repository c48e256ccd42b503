// zeren demo --db PATH [--data FILE] [--json]: loads the demo organisation (data/, not code) into
// an empty database, creating it if needed. Every demo log-in gets a random password, drawn here,
// printed once and stored only as its Argon2id hash.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iomanip>
#include <iostream>

#include "app/demo_history.hpp"
#include "app/draws.hpp"
#include "app/use_cases.hpp"
#include "audit/draw_crypto.hpp"
#include "cli/common.hpp"
#include "cli/demo_file.hpp"
#include "security/argon2_password_hasher.hpp"
#include "security/random_password.hpp"

namespace zeren::cli {

void add_demo(CLI::App& app, Action& run) {
  struct Options {
    std::string db;
    std::string data;
    bool json = false;
    bool no_history = false;
    std::uint64_t seed = 20260101;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("demo", "load the demo organisation into an empty database");
  cmd->add_option("--db", opt->db, "SQLite file or postgresql:// URL (created if missing)")->required();
  cmd->add_option("--data", opt->data, "demo organisation file (default data/demo-organisation.json)");
  cmd->add_flag("--json", opt->json, "print JSON");
  cmd->add_flag("--no-history", opt->no_history, "load only the organisation, no cases");
  cmd->add_option("--seed", opt->seed, "seed of the demo history")->default_val(20260101);
  cmd->callback([opt, &run] {
    run = [opt] {
      auto demo = read_demo_file(opt->data.empty() ? default_demo_file() : opt->data);
      if (!demo) return report_error(demo.error(), opt->json);
      for (auto& u : demo->users) u.password = random_password();
      auto s = open_session(opt->db, true);
      if (!s) return report_error(s.error(), opt->json);
      const Argon2PasswordHasher hasher;
      // The organisation exists from the start of the history's year; the history then moves
      // the clock forward to the day before today.
      const Date today = system_clock().today();
      app::DemoHistoryOptions history;
      history.seed = opt->seed;
      history.to = Date::from_days(today.days_since_epoch() - 1);
      app::SteppingClock clock;
      clock.set(Date::from_days(history.from.days_since_epoch() - 1), 9 * 60);
      const Clock& org_clock = opt->no_history ? system_clock() : static_cast<const Clock&>(clock);
      app::Context ctx{s->actor, org_clock};
      auto loaded = transact_value<app::DemoLoaded>(s->store(), [&](Transaction& tx) {
        return app::load_demo_organisation(tx, ctx, hasher, *demo);
      });
      if (!loaded) return report_error(loaded.error(), opt->json);
      std::optional<app::DemoHistory> h;
      if (!opt->no_history) {
        const audit::SystemDrawCrypto crypto(s->opened.hash);
        auto r = app::load_demo_history(s->store(), clock, crypto, history);
        if (!r) return report_error(r.error(), opt->json);
        h = *r;
        // Today: the history's epochs are in the past and are revealed now.
        app::Context now{s->actor, system_clock()};
        auto closed = transact_value<int>(s->store(), [&](Transaction& tx) {
          return app::close_epochs(tx, now, false);
        });
        if (!closed) return report_error(closed.error(), opt->json);
      }
      if (auto c = checkpoint_after_change(*s, system_clock()); !c)
        return report_error(c.error(), opt->json);
      auto procuratorate_name = [&](const std::string& key) {
        for (const auto& p : demo->procuratorates)
          if (p.key == key) return p.name;
        return key;
      };
      if (opt->json) {
        boost::json::array users;
        for (const auto& u : demo->users) {
          boost::json::array roles;
          for (auto r : u.roles) roles.emplace_back(code_of(r));
          users.push_back(
              boost::json::object{{"username", u.username},
                                  {"password", u.password},
                                  {"roles", std::move(roles)},
                                  {"procuratorate", procuratorate_name(u.procuratorate)}});
        }
        boost::json::object out{{"procuratorates", loaded->procuratorates},
                                {"departments", loaded->departments},
                                {"persons", loaded->persons},
                                {"units", loaded->units},
                                {"users", std::move(users)}};
        if (h)
          out["history"] = {{"cases", h->cases},       {"random", h->random},
                            {"rotation", h->rotation}, {"follow_on", h->follow_on},
                            {"designated", h->designated}, {"changes", h->changes},
                            {"withdrawn", h->withdrawn}, {"refiled", h->refiled},
                            {"absences", h->absences}, {"unassigned", h->unassigned},
                            {"plans", h->plans}};
        print_json(out);
      } else {
        std::cout << "已载入演示组织 demo organisation loaded: " << loaded->procuratorates
                  << " 院, " << loaded->departments << " 部门, " << loaded->persons << " 人, "
                  << loaded->units << " 办案单元, " << loaded->users << " 账号\n";
        if (h)
          std::cout << "演示案件 demo history: " << h->cases << " 件 (随机 " << h->random << ", 轮流 "
                    << h->rotation << ", 捕诉一体 " << h->follow_on << ", 指定 " << h->designated
                    << ", 更换承办人 " << h->changes << ", 撤回 " << h->withdrawn << ", 再次移送 "
                    << h->refiled << ")\n";
        std::cout
            << "演示账号 demo log-ins (随机密码, 仅此显示 random passwords, shown only here):\n";
        for (const auto& u : demo->users) {
          std::string roles;
          for (auto r : u.roles) roles += (roles.empty() ? "" : "、") + std::string(zh_of(r));
          std::cout << "  " << std::left << std::setw(17) << u.username << " " << u.password
                    << "   " << procuratorate_name(u.procuratorate) << " " << roles << '\n';
        }
      }
      return 0;
    };
  });
}

}  // namespace zeren::cli
