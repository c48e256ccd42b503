// zeren report anomalies --db PATH [--json]: re-filings after withdrawal, designation shares,
//   small pools, clustered absences.
// zeren report stats|leaders --db PATH --year Y [--json]: the year's figures; leaders' own cases.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

#include "app/queries.hpp"
#include "app/use_cases.hpp"
#include "cli/common.hpp"
#include "http/encode.hpp"

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
  anomalies->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
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
        refiled.push_back({{"withdrawn", x.withdrawn_number},
                           {"refiled", x.refiled_number},
                           {"match", x.match},
                           {"days_after_withdrawal", x.days_after}});
      for (const auto& x : rep->designations)
        designations.push_back(
            {{"department", x.department},
             {"assignments", x.assignments},
             {"designated", x.designated},
             {"share", x.assignments ? double(x.designated) / x.assignments : 0.0}});
      for (const auto& x : rep->requesters)
        requesters.push_back(
            {{"person", x.person}, {"requests", x.requests}, {"approved", x.approved}});
      for (const auto& x : rep->small_pools)
        pools.push_back({{"case_number", x.case_number},
                         {"department", x.department},
                         {"pool_size", x.pool_size},
                         {"min_pool", x.min_pool}});
      for (const auto& x : rep->absence_clusters)
        clusters.push_back({{"department", x.department},
                            {"from", x.from.iso()},
                            {"to", x.to.iso()},
                            {"absent_leads", x.absent_leads},
                            {"units", x.units}});
      json::object out{{"refiled", refiled},
                       {"designations", designations},
                       {"requesters", requesters},
                       {"small_pools", pools},
                       {"absence_clusters", clusters}};
      if (opt->json) {
        print_json(out);
      } else {
        std::cout << "撤回后再次移送 re-filed: " << refiled.size()
                  << "\n分案池过小 small pools: " << pools.size()
                  << "\n不在位集中 absence clusters: " << clusters.size() << '\n';
        for (const auto& x : rep->designations)
          std::cout << "  " << x.department << ": 指定分案 " << x.designated << " / "
                    << x.assignments << '\n';
      }
      return 0;
    };
  });

  // The year's figures (SPEC §15) and leaders' own cases (SPEC §6): the same JSON as the API's
  // /statistics/summary and /statistics/leaders, over every 院 in the database.
  struct YearOptions {
    std::string db;
    int year = 0;
    bool json = false;
  };
  auto yopt = std::make_shared<YearOptions>();
  auto* stats = r->add_subcommand("stats",
                                  "the year's figures: self-decided ratio, leaders' cases, "
                                  "pre-reviews, notices, unit kinds, staff");
  auto* leaders = r->add_subcommand("leaders", "leaders' own cases against their quotas");
  for (auto* sub : {stats, leaders}) {
    sub->add_option("--db", yopt->db, "SQLite file or postgresql:// URL")->required();
    sub->add_option("--year", yopt->year, "calendar year")
        ->required()
        ->check(CLI::Range(2000, 2100));
    sub->add_flag("--json", yopt->json, "print JSON");
  }
  stats->callback([yopt, &run] {
    run = [yopt] {
      auto s = open_session(yopt->db, false);
      if (!s) return report_error(s.error(), yopt->json);
      app::Context ctx{s->actor, system_clock()};
      auto st = transact_value<app::HandlingStatistics>(s->store(), [&](Transaction& tx) {
        return app::handling_statistics(tx, ctx, yopt->year);
      });
      if (!st) return report_error(st.error(), yopt->json);
      if (yopt->json) {
        print_json(http::encode_statistics(*st));
      } else {
        const auto& o = st->overall;
        std::cout << yopt->year << "年\n检察官自行决定 self-decided: " << o.self << " / " << o.total
                  << "\n院领导直接办案 leaders' direct cases: " << st->leader_direct_cases
                  << "\n预审意见 pre-reviews: " << st->pre_reviews
                  << "\n检察官办案组 team cases: " << st->team_cases
                  << "，独任检察官 sole: " << st->sole_cases << "\n员额检察官 " << st->prosecutors
                  << "，检察官助理 " << st->assistants << "，书记员 " << st->clerks << '\n';
      }
      return 0;
    };
  });
  leaders->callback([yopt, &run] {
    run = [yopt] {
      auto s = open_session(yopt->db, false);
      if (!s) return report_error(s.error(), yopt->json);
      app::Context ctx{s->actor, system_clock()};
      auto rep = transact_value<app::LeaderReport>(
          s->store(), [&](Transaction& tx) { return app::leader_report(tx, ctx, yopt->year); });
      if (!rep) return report_error(rep.error(), yopt->json);
      if (yopt->json) {
        print_json(http::encode_leaders(*rep));
      } else {
        for (const auto& l : rep->leaders)
          std::cout << l.procuratorate << ' ' << zh_of(l.post) << ' ' << l.person.name()
                    << "：办案 " << l.cases_led << " 件，应办 " << l.quota << " 件（" << l.basis
                    << "），" << (l.met ? "达标" : "未达标") << '\n';
      }
      return 0;
    };
  });
}

}  // namespace zeren::cli
