// zeren epoch close --db PATH [--now] [--json]: reveals the secrets of the draw epochs of earlier
//   days (with --now, today's too; the next draw then opens a new epoch).
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

#include "app/draws.hpp"
#include "cli/common.hpp"

namespace zeren::cli {

void add_epoch(CLI::App& app, Action& run) {
  struct Options {
    std::string db;
    bool now = false, json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* e = app.add_subcommand("epoch", "draw epochs");
  e->require_subcommand(1);
  auto* close = e->add_subcommand("close", "reveal the secrets of closed days' draws");
  close->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
  close->add_flag("--now", opt->now, "close today's epoch as well");
  close->add_flag("--json", opt->json, "print JSON");
  close->callback([opt, &run] {
    run = [opt] {
      auto s = open_session(opt->db, false);
      if (!s) return report_error(s.error(), opt->json);
      app::Context ctx{s->actor, system_clock()};
      auto n = transact_value<int>(s->store(), [&](Transaction& tx) {
        return app::close_epochs(tx, ctx, opt->now);
      });
      if (!n) return report_error(n.error(), opt->json);
      if (auto cp = checkpoint_after_change(*s, system_clock()); !cp) return report_error(cp.error(), opt->json);
      if (opt->json) print_json(boost::json::object{{"closed", *n}});
      else std::cout << "已公开 " << *n << " 个分案周期的密钥 (epochs revealed)\n";
      return 0;
    };
  });
}

}  // namespace zeren::cli
