// zeren gen --db DB [--procuratorates N] [--prosecutors N] [--cases N] [--seed S] [--from DATE]
//           [--to DATE] [--batch N] [--json]: a provincial-scale organisation and case history in
// an empty database, for benchmarks and capacity planning (app/generate.hpp). A progress bar on a
// terminal; the time of each step and the database's size at the end.
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "app/draws.hpp"
#include "app/generate.hpp"
#include "audit/draw_crypto.hpp"
#include "cli/common.hpp"
#include "security/argon2_password_hasher.hpp"
#include "security/random_password.hpp"

namespace zeren::cli {

namespace {

using Seconds = std::chrono::duration<double>;

// "[#####.....]  41%  820,000 / 2,000,000  31,204/s  ETA 0:38" on one line of stderr, redrawn.
class ProgressBar {
 public:
  explicit ProgressBar(bool on) : on_(on), started_(std::chrono::steady_clock::now()) {}
  void show(std::int64_t done, std::int64_t total) {
    if (!on_ || total <= 0) return;
    const double elapsed = Seconds(std::chrono::steady_clock::now() - started_).count();
    const double share = static_cast<double>(done) / static_cast<double>(total);
    const int width = 30, filled = static_cast<int>(share * width);
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    const auto eta = rate > 0 ? static_cast<long>(static_cast<double>(total - done) / rate) : 0L;
    std::fprintf(stderr, "\r案件 cases [%s%s] %3d%%  %lld / %lld  %.0f/s  ETA %ld:%02ld ",
                 std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), '.').c_str(),
                 static_cast<int>(share * 100), static_cast<long long>(done),
                 static_cast<long long>(total), rate, eta / 60, eta % 60);
    if (done >= total) std::fprintf(stderr, "\n");
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point started_;
};

std::optional<std::uintmax_t> file_size(const std::string& db) {
  if (db.find("://") != std::string::npos) return std::nullopt;
  std::uintmax_t total = 0;
  for (const char* suffix : {"", "-wal"}) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(db + suffix, ec);
    if (!ec) total += n;
  }
  return total;
}

}  // namespace

void add_gen(CLI::App& app, Action& run) {
  struct Options {
    std::string db, from = "2024-01-01", to;
    int procuratorates = 100, prosecutors = 5000, batch = 2000;
    std::int64_t cases = 2'000'000;
    std::uint64_t seed = 1;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "gen", "generate a provincial-scale organisation and case history in an empty database");
  cmd->add_option("--db", opt->db, "SQLite file or postgresql:// URL (created if missing)")
      ->required();
  cmd->add_option("--procuratorates", opt->procuratorates, "院 (1 provincial, cities, districts)")
      ->default_val(100);
  cmd->add_option("--prosecutors", opt->prosecutors, "员额检察官 in all")->default_val(5000);
  cmd->add_option("--cases", opt->cases, "cases taken in over the period")->default_val(2000000);
  cmd->add_option("--seed", opt->seed, "seed: the same seed gives the same history")
      ->default_val(1);
  cmd->add_option("--from", opt->from, "first day of the history (YYYY-MM-DD)")
      ->default_val("2024-01-01");
  cmd->add_option("--to", opt->to, "last day of the history (default: yesterday)");
  cmd->add_option("--batch", opt->batch, "intakes per transaction")->default_val(2000);
  cmd->add_flag("--json", opt->json, "print JSON");
  cmd->callback([opt, &run] {
    run = [opt] {
      const auto started = std::chrono::steady_clock::now();
      auto lap = [last = started]() mutable {
        const auto now = std::chrono::steady_clock::now();
        const double s = Seconds(now - last).count();
        last = now;
        return s;
      };
      auto from = Date::parse(opt->from, "from");
      if (!from) return report_error(from.error(), opt->json);
      const Date yesterday = Date::from_days(system_clock().today().days_since_epoch() - 1);
      auto to = opt->to.empty() ? Result<Date>(yesterday) : Date::parse(opt->to, "to");
      if (!to) return report_error(to.error(), opt->json);

      auto org = app::province_organisation({opt->procuratorates, opt->prosecutors, opt->seed});
      if (!org) return report_error(org.error(), opt->json);
      for (auto& u : org->users) u.password = random_password();
      auto s = open_session(opt->db, true);
      if (!s) return report_error(s.error(), opt->json);

      // The organisation exists from the day before the history starts.
      app::SteppingClock clock;
      clock.set(Date::from_days(from->days_since_epoch() - 1), 8 * 60);
      const Argon2PasswordHasher hasher;
      app::Context ctx{s->actor, clock};
      auto loaded = transact_value<app::DemoLoaded>(s->store(), [&](Transaction& tx) {
        return app::load_demo_organisation(tx, ctx, hasher, *org);
      });
      if (!loaded) return report_error(loaded.error(), opt->json);
      const double organisation_seconds = lap();

      const bool tty = !opt->json && ::isatty(STDERR_FILENO);
      ProgressBar bar(tty);
      const audit::SystemDrawCrypto crypto(s->opened.hash);
      app::CaseHistoryOptions history{opt->cases, *from, *to, opt->seed, opt->batch};
      auto h = app::generate_case_history(
          s->store(), clock, crypto, history,
          [&](std::int64_t done, std::int64_t total) { bar.show(done, total); });
      if (!h) return report_error(h.error(), opt->json);
      const double cases_seconds = lap();

      // The history's epochs are in the past: reveal them now, then sign a checkpoint.
      app::Context now{s->actor, system_clock()};
      auto closed = transact_value<int>(
          s->store(), [&](Transaction& tx) { return app::close_epochs(tx, now, false); });
      if (!closed) return report_error(closed.error(), opt->json);
      if (auto c = checkpoint_after_change(*s, system_clock()); !c)
        return report_error(c.error(), opt->json);
      const double close_seconds = lap();
      const double total_seconds = Seconds(std::chrono::steady_clock::now() - started).count();
      const auto size = file_size(opt->db);

      if (opt->json) {
        boost::json::array users;
        for (const auto& u : org->users)
          users.push_back({{"username", u.username},
                           {"password", u.password},
                           {"procuratorate", u.procuratorate},
                           {"role", u.roles.contains(Role::chief) ? "chief" : "case_manager"}});
        boost::json::object out{
            {"procuratorates", loaded->procuratorates},
            {"departments", loaded->departments},
            {"persons", loaded->persons},
            {"units", loaded->units},
            {"plans", h->plans},
            {"cases", h->cases},
            {"assigned", h->assigned},
            {"unassigned", h->unassigned},
            {"working_days", h->days},
            {"transactions", h->transactions},
            {"epochs_closed", *closed},
            {"seconds",
             {{"organisation", json_number(organisation_seconds)},
              {"cases", json_number(cases_seconds)},
              {"close", json_number(close_seconds)},
              {"total", json_number(total_seconds)}}},
            {"bytes", size ? boost::json::value(*size) : boost::json::value(nullptr)},
            {"users", std::move(users)}};
        print_json(out);
        return 0;
      }
      std::cout << std::fixed << std::setprecision(1)
                << "已生成 generated: " << loaded->procuratorates << " 院, " << loaded->departments
                << " 部门, " << loaded->persons << " 人, " << loaded->units << " 办案单元, "
                << h->plans << " 分案方案; " << h->cases << " 件案件 cases (" << h->assigned
                << " 已分案 assigned) over " << h->days << " 个工作日 working days in "
                << h->transactions << " transactions\n用时 time: 组织 organisation "
                << organisation_seconds << " s, 案件 cases " << cases_seconds << " s ("
                << (cases_seconds > 0 ? static_cast<double>(h->cases) / cases_seconds : 0)
                << "/s), 收尾 epochs and checkpoint " << close_seconds << " s, 共 total "
                << total_seconds << " s\n";
      if (size)
        std::cout << "数据库大小 database size: " << std::setprecision(1)
                  << static_cast<double>(*size) / (1024.0 * 1024.0) << " MiB\n";
      std::cout << "账号 log-ins (随机密码, 仅此显示 random passwords, shown only here):\n";
      for (std::size_t i = 0; i < org->users.size(); ++i)
        std::cout << "  " << std::left << std::setw(14) << org->users[i].username << " "
                  << org->users[i].password << '\n';
      return 0;
    };
  });
}

}  // namespace zeren::cli
