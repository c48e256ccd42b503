// zeren report anomalies --db PATH [--json]: re-filings after withdrawal, designation shares,
//   small pools, clustered absences.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

#include "app/use_cases.hpp"
#include "cli/common.hpp"

namespace zeren::cli {

namespace json = boost::json;

void add_report(CLI::App& app, Action& run) {
  struct Options {
    std::string db;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* r = app.add_subcommand("report", "reports");
  r->require_subcommand(1);
  auto* anomalies = r->add_subcommand("anomalies", "signs that assignment is being gamed");
  anomalies->add_option("--db", opt->db, "SQLite database file")->required();
  anomalies->add_flag("--json", opt->json, "print JSON");
  anomalies->callback([opt, &run] {
    run = [opt] {
      auto s = open_session(opt->db, false);
      if (!s) return report_error(s.error(), opt->json);
      app::Context ctx{s->actor, system_clock()};
      auto rep = transact_value<app::AnomalyReport>(
          s->store(), [&](Transaction& tx) { return app::report_anomalies(tx, ctx); });
      if (!rep) return report_error(rep.error(), opt->json);
      json::array refiled, designations, requesters, pools, clusters;
      for (const auto& x : rep->refiled)
        refiled.push_back({{"withdrawn", x.withdrawn_number}, {"refiled", x.refiled_number},
                           {"match", x.match}, {"days_after_withdrawal", x.days_after}});
      for (const auto& x : rep->designations)
        designations.push_back({{"department", x.department}, {"assignments", x.assignments},
                                {"designated", x.designated},
                                {"share", x.assignments ? double(x.designated) / x.assignments : 0.0}});
      for (const auto& x : rep->requesters)
        requesters.push_back({{"person", x.person}, {"requests", x.requests}, {"approved", x.approved}});
      for (const auto& x : rep->small_pools)
        pools.push_back({{"case_number", x.case_number}, {"department", x.department},
                         {"pool_size", x.pool_size}, {"min_pool", x.min_pool}});
      for (const auto& x : rep->absence_clusters)
        clusters.push_back({{"department", x.department}, {"from", x.from.iso()}, {"to", x.to.iso()},
                            {"absent_leads", x.absent_leads}, {"units", x.units}});
      json::object out{{"refiled", refiled}, {"designations", designations},
                       {"requesters", requesters}, {"small_pools", pools},
                       {"absence_clusters", clusters}};
      if (opt->json) {
        print_json(out);
      } else {
        std::cout << "撤回后再次移送 re-filed: " << refiled.size() << "\n分案池过小 small pools: "
                  << pools.size() << "\n不在位集中 absence clusters: " << clusters.size() << '\n';
        for (const auto& x : rep->designations)
          std::cout << "  " << x.department << ": 指定分案 " << x.designated << " / " << x.assignments << '\n';
      }
      return 0;
    };
  });
}

}  // namespace zeren::cli
