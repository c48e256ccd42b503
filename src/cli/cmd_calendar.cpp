// zeren calendar is-workday DATE [--json]: whether DATE is a working day under the built-in
//   State Council holiday calendars, with the holiday or 调休 name when there is one.
// zeren calendar add-workdays DATE N [--json]: the N-th working day after DATE (DATE not counted).
// Neither needs a database; a year without calendar data is an error (exit 4), never a guess.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

#include "cli/common.hpp"
#include "domain/calendar.hpp"

namespace zeren::cli {

void add_calendar(CLI::App& app, Action& run) {
  struct Options {
    std::string date;
    int n = 0;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* c = app.add_subcommand("calendar", "the working-day calendar (节假日安排与调休)");
  c->require_subcommand(1);

  auto* is = c->add_subcommand("is-workday", "whether a date is a working day");
  is->add_option("date", opt->date, "YYYY-MM-DD")->required();
  is->add_flag("--json", opt->json, "print JSON");
  is->callback([opt, &run] {
    run = [opt] {
      auto date = Date::parse(opt->date, "date");
      if (!date) return report_error(date.error(), opt->json);
      const WorkCalendar& cal = official_calendar();
      auto workday = cal.is_workday(*date);
      if (!workday) return report_error(workday.error(), opt->json);
      const std::string note = cal.note(*date);
      if (opt->json) {
        boost::json::object o{{"date", date->iso()}, {"workday", *workday}};
        if (!note.empty()) o["note"] = note;
        print_json(o);
      } else {
        std::cout << date->iso() << (*workday ? " 是工作日" : " 是休息日")
                  << (note.empty() ? "" : "（" + note + "）") << '\n';
      }
      return 0;
    };
  });

  auto* add = c->add_subcommand("add-workdays", "the N-th working day after a date");
  add->add_option("date", opt->date, "YYYY-MM-DD (not counted)")->required();
  add->add_option("n", opt->n, "number of working days, 0 or more")->required();
  add->add_flag("--json", opt->json, "print JSON");
  add->callback([opt, &run] {
    run = [opt] {
      auto date = Date::parse(opt->date, "date");
      if (!date) return report_error(date.error(), opt->json);
      auto due = official_calendar().add_workdays(*date, opt->n);
      if (!due) return report_error(due.error(), opt->json);
      if (opt->json)
        print_json(boost::json::object{{"date", due->iso()}});
      else
        std::cout << date->iso() << " 之后第" << opt->n << "个工作日是 " << due->iso() << '\n';
      return 0;
    };
  });
}

}  // namespace zeren::cli
