// zeren deadline --category 审查逮捕|审查起诉|退回补充侦查 --received DATE [--custody] [--complex]
//   [--fast-track] [--sentence-over-one-year] [--json]: the statutory deadline (CPL-2018 rules,
//   counted under CPL art 105 with the built-in holiday calendars) and its basis in one sentence.
//   Needs no database.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

#include "cli/common.hpp"
#include "domain/deadline.hpp"

namespace zeren::cli {

void add_deadline(CLI::App& app, Action& run) {
  struct Options {
    std::string category, received;
    bool custody = false, complex = false, fast_track = false, over_one_year = false;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* d = app.add_subcommand("deadline", "the statutory handling deadline (办案期限)");
  d->add_option("--category", opt->category, "审查逮捕|审查起诉|退回补充侦查")->required();
  d->add_option("--received", opt->received,
                "YYYY-MM-DD: the day the case was received or came back (not counted)")
      ->required();
  d->add_flag("--custody", opt->custody, "the suspect is in custody (在押)");
  d->add_flag("--complex", opt->complex, "major and complex (重大复杂)");
  d->add_flag("--fast-track", opt->fast_track, "fast-track procedure (速裁)");
  d->add_flag("--sentence-over-one-year", opt->over_one_year,
              "速裁 with a possible sentence over one year");
  d->add_flag("--json", opt->json, "print JSON");
  d->callback([opt, &run] {
    run = [opt] {
      auto kind = parse_deadline_kind(opt->category);
      if (!kind) return report_error(kind.error(), opt->json);
      auto received = Date::parse(opt->received, "received");
      if (!received) return report_error(received.error(), opt->json);
      const DeadlineFacts facts{.kind = *kind,
                                .start = *received,
                                .custody = opt->custody,
                                .complex = opt->complex,
                                .fast_track = opt->fast_track,
                                .sentence_over_one_year = opt->over_one_year};
      auto due = compute_deadline(default_deadline_rules(), official_calendar(), facts);
      if (!due) return report_error(due.error(), opt->json);
      if (opt->json)
        print_json(boost::json::object{{"due", due->due.iso()}, {"basis", due->basis}});
      else
        std::cout << "届满日 " << due->due.iso() << "\n" << due->basis << '\n';
      return 0;
    };
  });
}

}  // namespace zeren::cli
