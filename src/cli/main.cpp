// zeren: the one binary. Composition root: each subcommand (one file each, cmd_*.cpp) registers
// itself here; errors become exit codes in common.cpp.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/common.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Zeren (责任): the judicial responsibility system of a procuratorate", "zeren"};
  app.set_version_flag("--version", std::string("zeren ") + ZEREN_VERSION);
  app.require_subcommand(1);
  zeren::cli::Action run;
  zeren::cli::add_init(app, run);
  zeren::cli::add_demo(app, run);
  zeren::cli::add_org(app, run);
  zeren::cli::add_user(app, run);
  zeren::cli::add_audit(app, run);
  zeren::cli::add_case(app, run);
  zeren::cli::add_epoch(app, run);
  zeren::cli::add_report(app, run);
  zeren::cli::add_simulate(app, run);
  zeren::cli::add_serve(app, run);
  zeren::cli::add_calendar(app, run);
  zeren::cli::add_deadline(app, run);
  zeren::cli::add_backup(app, run);
  zeren::cli::add_import(app, run);
  zeren::cli::add_gen(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return zeren::cli::kExitUsage;
  }
  return run ? run() : zeren::cli::kExitUsage;
}
