// zeren init --db PATH [--hash sm3|sha256] [--json]: creates or migrates the database; idempotent.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

#include "cli/common.hpp"

namespace zeren::cli {

void add_init(CLI::App& app, Action& run) {
  struct Options {
    std::string db;
    std::string hash;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("init", "create the database, or bring its schema up to date");
  cmd->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
  cmd->add_option("--hash", opt->hash, "audit chain hash for a new database: sm3 (default) or sha256");
  cmd->add_flag("--json", opt->json, "print JSON");
  cmd->callback([opt, &run] {
    run = [opt] {
      std::optional<audit::HashAlgorithm> hash;
      if (!opt->hash.empty()) {
        auto h = audit::parse_algorithm(opt->hash);
        if (!h) return report_error(h.error(), opt->json);
        hash = *h;
      }
      auto s = open_session(opt->db, true, hash);
      if (!s) return report_error(s.error(), opt->json);
      const auto& o = s->opened;
      if (opt->json) {
        boost::json::array applied;
        for (int v : o.applied_migrations) applied.push_back(v);
        print_json(boost::json::object{{"database", opt->db},
                                       {"created", o.created},
                                       {"schema_version", o.schema_version},
                                       {"applied_migrations", applied},
                                       {"hash", audit::name_of(o.hash)}});
      } else {
        std::cout << (o.created ? "已创建数据库 created " : "数据库已是最新 up to date ") << opt->db
                  << " (schema " << o.schema_version << ", audit hash " << audit::name_of(o.hash)
                  << ")\n";
      }
      return 0;
    };
  });
}

}  // namespace zeren::cli
