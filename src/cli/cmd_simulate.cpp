// zeren simulate --units N --cases M --difficult-share P --mode balanced_random|rotation
//   --tolerance T --seed S [--json]: the real engine on synthetic units with equal shares.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

#include "app/simulate.hpp"
#include "audit/draw_crypto.hpp"
#include "cli/common.hpp"

namespace zeren::cli {

void add_simulate(CLI::App& app, Action& run) {
  struct Options {
    app::SimulationOptions sim;
    std::string mode = "balanced_random", hash = "sm3";
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* s = app.add_subcommand("simulate", "run the assignment engine over synthetic cases");
  s->add_option("--units", opt->sim.units, "number of units (equal shares)")->default_val(25);
  s->add_option("--cases", opt->sim.cases, "number of cases")->default_val(10000);
  s->add_option("--difficult-share", opt->sim.difficult_share, "share of 疑难 cases, 0..1")->default_val(0.0);
  s->add_option("--mode", opt->mode, "balanced_random or rotation")->default_val("balanced_random");
  s->add_option("--tolerance", opt->sim.tolerance, "band tolerance in weight units")->default_val(0);
  s->add_option("--seed", opt->sim.seed, "seed")->default_val(1);
  s->add_flag("--json", opt->json, "print JSON");
  s->callback([opt, &run] {
    run = [opt] {
      auto mode = parse_term<AssignmentMode>(opt->mode, "mode");
      if (!mode) return report_error(mode.error(), opt->json);
      opt->sim.mode = *mode;
      auto algo = audit::parse_algorithm(opt->hash);
      if (auto a = audit::check_available(*algo); !a) return report_error(a.error(), opt->json);
      const audit::SystemDrawCrypto crypto(*algo);
      auto r = app::simulate(opt->sim, crypto);
      if (!r) return report_error(r.error(), opt->json);
      boost::json::array per_unit;
      for (auto l : r->per_unit) per_unit.push_back(l);
      const auto& st = r->stats;
      if (opt->json) {
        print_json(boost::json::object{{"units", opt->sim.units}, {"cases", opt->sim.cases},
                                       {"mode", opt->mode},
                                       {"max_load", json_number(st.max)},
                                       {"min_load", json_number(st.min)},
                                       {"spread", json_number(st.spread)},
                                       {"mean", json_number(st.mean)}, {"cv", st.cv},
                                       {"gini", st.gini}, {"per_unit", per_unit}});
      } else {
        std::cout << "units " << opt->sim.units << ", cases " << opt->sim.cases << ": max " << st.max
                  << ", min " << st.min << ", spread " << st.spread << ", cv " << st.cv << ", gini "
                  << st.gini << '\n';
      }
      return 0;
    };
  });
}

}  // namespace zeren::cli
