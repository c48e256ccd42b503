// Benchmark 2: durable intake throughput.
//
// A new SQLite database through the real store (open_store), the demo organisation loaded by the
// real CLI, then N intakes, ONE TRANSACTION EACH: Store::transact around app::intake_case as the
// case manager `anguan`, into 嘉 / 第一检察部, 审查起诉. Each intake registers the case with its
// gapless number, assigns it by a verifiable draw and appends its audit entries, all committed
// with synchronous=FULL. The baseline, in the same run and directory: the raw SQLite C API with
// the same settings committing one row per transaction, run once before and once after the
// intakes; the baseline is the mean of the two.
//
//   zeren_bench_intake [--count N] [--dir PARENT] [--zeren PATH] [--db URL] [--keep]
//
// With --db postgresql://…/NEW_DB the same intakes run on PostgreSQL (the database is created by
// `zeren demo`; ZEREN_AUDIT_KEY must name the checkpoint key's file); the raw SQLite baseline is
// then not run: bench/run measures pgbench on the same cluster instead.
//
// Prints the figures and RESULT lines for bench/run. Reports; asserts nothing about time.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>

#include "app/organisation_cache.hpp"
#include "app/queries.hpp"
#include "app/use_cases.hpp"
#include "audit/draw_crypto.hpp"
#include "bench_support.hpp"
#include "disk_probe.hpp"
#include "intake_setup.hpp"
#include "raw_sqlite_baseline.hpp"
#include "storage/open_store.hpp"

#ifndef ZEREN_BENCH_CLI
#define ZEREN_BENCH_CLI "zeren"
#endif

namespace zeren::bench {
namespace {

namespace fs = std::filesystem;

constexpr double kGoalRatio = 0.5;
constexpr int kMinCount = 2000;
const char* const kProcuratorate = "嘉";
const char* const kDepartment = "第一检察部";
const char* const kCaseManager = "anguan";

struct Options {
  int count = kMinCount;
  fs::path parent = fs::temp_directory_path();
  std::string zeren = ZEREN_BENCH_CLI;
  bool keep = false;
  std::string db;  // a postgresql:// URL: intakes there; the raw SQLite baseline is not run
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--count") == 0 && has_value) {
      o.count = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--dir") == 0 && has_value) {
      o.parent = argv[++i];
    } else if (std::strcmp(argv[i], "--zeren") == 0 && has_value) {
      o.zeren = argv[++i];
    } else if (std::strcmp(argv[i], "--db") == 0 && has_value) {
      o.db = argv[++i];
    } else if (std::strcmp(argv[i], "--keep") == 0) {
      o.keep = true;
    } else {
      std::fprintf(
          stderr,
          "usage: %s [--count N (>= %d)] [--dir PARENT] [--zeren PATH] [--db URL] [--keep]\n",
          argv[0], kMinCount);
      std::exit(2);
    }
  }
  if (o.count < kMinCount) o.count = kMinCount;
  return o;
}

fs::path make_work_dir(const fs::path& parent) {
  std::string pattern = (parent / "zeren-bench-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("cannot create a directory under " + parent.string());
  return pattern;
}

struct IntakeRun {
  TimedTransactions timed;
  std::map<std::string, int> outcomes;  // assignment method, or the reason left unassigned
};

// What the server's pages keep of the organisation before anyone registers a case: the case
// manager's view of it (read as the case list reads it), which intakes then reuse.
void keep_case_managers_view(Store& store, const Clock& clock, app::OrganisationCache& kept) {
  auto status = store.transact([&](Transaction& tx) -> Status {
    auto actor = app::actor_for_user(tx, kCaseManager);
    if (!actor) return actor.error();
    const app::Context ctx{*actor, clock, nullptr, &kept};
    auto view = app::view_organisation(tx, ctx);
    if (!view) return view.error();
    return ok_status();
  });
  if (!status || kept.size() != 1)
    throw std::runtime_error("the case manager's view of the organisation was not kept");
}

IntakeRun run_intakes(Store& store, const Clock& clock, const DrawCrypto& crypto,
                      const IntakeTarget& target, int count) {
  IntakeRun run;
  app::OrganisationCache kept;  // the server's, shared by its requests
  keep_case_managers_view(store, clock, kept);
  run.timed.latencies_ms.reserve(static_cast<std::size_t>(count));
  const auto start = SteadyClock::now();
  for (int i = 1; i <= count; ++i) {
    std::string outcome;
    const auto t0 = SteadyClock::now();
    auto status = store.transact([&](Transaction& tx) -> Status {
      auto actor = app::actor_for_user(tx, kCaseManager);
      if (!actor) return actor.error();
      const app::Context ctx{*actor, clock, nullptr, &kept, true};
      CaseIntake in;
      in.procuratorate = target.procuratorate;
      in.department = target.department;
      in.category = CaseCategory::prosecution_review;
      in.received_on = clock.today();
      in.parties = {"测试当事人" + std::to_string(i)};
      in.source_org = "嘉峪关市公安局";
      in.source_doc_no = "嘉公诉字〔2026〕" + std::to_string(i) + "号";
      auto r = app::intake_case(tx, ctx, crypto, std::move(in));
      if (!r) return r.error();
      outcome = r->assignment ? std::string(code_of(r->assignment->method))
                              : "unassigned:" + r->unassigned_reason;
      return ok_status();
    });
    run.timed.latencies_ms.push_back(seconds_since(t0) * 1000.0);
    if (!status)
      throw std::runtime_error("intake " + std::to_string(i) + " failed: " + status.error().code +
                               ": " + status.error().message);
    ++run.outcomes[outcome];
  }
  run.timed.rate.operations = static_cast<std::uint64_t>(count);
  run.timed.rate.seconds = seconds_since(start);
  return run;
}

// A run's work divided among its commits.
struct PerCommit {
  double kib, write_calls, user_ms, system_ms;
  PerCommit(const ProcessWork& w, int commits)
      : kib(static_cast<double>(w.written_bytes) / commits / 1024.0),
        write_calls(static_cast<double>(w.write_calls) / commits),
        user_ms(w.user_s * 1000.0 / commits),
        system_ms(w.system_s * 1000.0 / commits) {}
};

// Transactions per second within a quarter of the run (by order), from the latencies.
double quarter_rate(const std::vector<double>& latencies_ms, int quarter) {
  const std::size_t n = latencies_ms.size(), from = n * quarter / 4, to = n * (quarter + 1) / 4;
  double ms = 0.0;
  for (std::size_t i = from; i < to; ++i) ms += latencies_ms[i];
  return ms > 0.0 ? static_cast<double>(to - from) * 1000.0 / ms : 0.0;
}

void print_timed(const char* name, const TimedTransactions& t) {
  std::printf(
      "  %s: %s/s (%s in %.2f s; per transaction p50 %.2f ms, p99 %.2f ms; "
      "first quarter %s/s, last quarter %s/s)\n",
      name, grouped(t.rate.per_second()).c_str(),
      grouped(static_cast<double>(t.rate.operations)).c_str(), t.rate.seconds,
      quantile(t.latencies_ms, 0.5), quantile(t.latencies_ms, 0.99),
      grouped(quarter_rate(t.latencies_ms, 0)).c_str(),
      grouped(quarter_rate(t.latencies_ms, 3)).c_str());
}

int run(const Options& o) {
  const fs::path dir = make_work_dir(o.parent);
  const bool sqlite = o.db.empty();
  const std::string db = sqlite ? (dir / "zeren.db").string() : o.db,
                    log = (dir / "cli.log").string();
  std::printf("Durable intake, %d transactions each way, in %s\n", o.count, dir.c_str());

  load_demo_with_cli(o.zeren, db, log);
  auto opened = open_store({db, true, std::nullopt});
  if (!opened)
    throw std::runtime_error("open_store: " + opened.error().code + ": " + opened.error().message);
  Store& store = *opened->store;
  const FixedDayClock clock(*Date::from_ymd(2026, 11, 26));
  const audit::SystemDrawCrypto crypto(opened->hash);
  const IntakeTarget target =
      prepare_department(store, clock, kProcuratorate, kDepartment, kCaseManager);
  std::printf("  %s / %s: %d units, approved plan %s; chain hash %s; %s\n", kProcuratorate,
              kDepartment, target.units,
              target.plan_created ? "created for the run" : "already there",
              std::string(audit::name_of(opened->hash)).c_str(),
              sqlite ? ("SQLite " + sqlite_version()).c_str() : "PostgreSQL");

  if (!sqlite) {
    // PostgreSQL: its baseline (pgbench on the same cluster) is bench/run's.
    const IntakeRun intakes = run_intakes(store, clock, crypto, target, o.count);
    opened->store.reset();
    const int verify = verify_audit_with_cli(o.zeren, db, log);
    print_timed("intake_case on PostgreSQL", intakes.timed);
    std::printf("  `zeren audit verify` afterwards: exit %d\n", verify);
    result("intake_pg.count", o.count);
    result("intake_pg.per_s", intakes.timed.rate.per_second());
    result("intake_pg.p50_ms", quantile(intakes.timed.latencies_ms, 0.5));
    result("intake_pg.p99_ms", quantile(intakes.timed.latencies_ms, 0.99));
    result("intake_pg.audit_verify_exit", verify);
    if (!o.keep) fs::remove_all(dir);
    return 0;
  }
  const SyncLatency sync = probe_sync_latency((dir / "sync-probe").string(), 500);
  std::printf("  this disk: write 4 KiB + fdatasync p50 %.3f ms, p99 %.3f ms\n", sync.p50_ms,
              sync.p99_ms);

  const ProcessWork w0 = work_so_far();
  const auto raw_before = raw_insert_baseline((dir / "raw-before.db").string(), o.count);
  const ProcessWork w1 = work_so_far();
  const IntakeRun intakes = run_intakes(store, clock, crypto, target, o.count);
  const ProcessWork w2 = work_so_far();
  const auto raw_after = raw_insert_baseline((dir / "raw-after.db").string(), o.count);
  const ProcessWork w3 = work_so_far();
  // Per commit: bytes written (WAL frames of 4 KiB pages and their headers, checkpoints
  // included), write calls and CPU time.
  const PerCommit intake_work(w2 - w1, o.count), raw_work((w1 - w0) + (w3 - w2), 2 * o.count);
  opened->store.reset();  // close the database before the CLI reads it
  const int verify = verify_audit_with_cli(o.zeren, db, log);

  const double intake = intakes.timed.rate.per_second();
  const double raw = (raw_before.rate.per_second() + raw_after.rate.per_second()) / 2.0;
  const double ratio = raw > 0.0 ? intake / raw : 0.0;
  const bool goal_met = ratio >= kGoalRatio;
  print_timed("raw SQLite insert, before", raw_before);
  print_timed("intake_case", intakes.timed);
  print_timed("raw SQLite insert, after", raw_after);
  std::string outcomes;
  for (const auto& [what, n] : intakes.outcomes)
    outcomes += (outcomes.empty() ? "" : ", ") + what + " " + std::to_string(n);
  std::printf("  intake outcomes: %s\n", outcomes.c_str());
  std::printf("  `zeren audit verify` afterwards: exit %d\n", verify);
  std::printf("  written per commit: intake %.1f KiB in %.1f calls, raw insert %.1f KiB in %.1f\n",
              intake_work.kib, intake_work.write_calls, raw_work.kib, raw_work.write_calls);
  std::printf(
      "  CPU per commit (user + kernel): intake %.3f + %.3f ms, raw insert %.3f + %.3f ms\n",
      intake_work.user_ms, intake_work.system_ms, raw_work.user_ms, raw_work.system_ms);
  std::printf("intakes: %s/s\n", grouped(intake).c_str());
  std::printf("raw inserts (mean of before and after): %s/s\n", grouped(raw).c_str());
  std::printf("ratio intake/raw: %.3f; goal >= %.1f: %s\n", ratio, kGoalRatio,
              goal_met ? "met" : "not met");

  result("intake.count", o.count);
  result("intake.per_s", intake);
  result("intake.p50_ms", quantile(intakes.timed.latencies_ms, 0.5));
  result("intake.p99_ms", quantile(intakes.timed.latencies_ms, 0.99));
  result("intake.first_quarter_per_s", quarter_rate(intakes.timed.latencies_ms, 0));
  result("intake.last_quarter_per_s", quarter_rate(intakes.timed.latencies_ms, 3));
  result("intake.raw_before_per_s", raw_before.rate.per_second());
  result("intake.raw_after_per_s", raw_after.rate.per_second());
  result("intake.raw_per_s", raw);
  result("intake.raw_p50_ms", quantile(raw_before.latencies_ms, 0.5));
  result("intake.ratio", ratio);
  result("intake.goal_ratio", kGoalRatio);
  result("intake.goal_met", goal_met ? "met" : "not_met");
  result("intake.written_kib", intake_work.kib);
  result("intake.raw_written_kib", raw_work.kib);
  result("intake.write_calls", intake_work.write_calls);
  result("intake.raw_write_calls", raw_work.write_calls);
  result("intake.user_ms", intake_work.user_ms);
  result("intake.system_ms", intake_work.system_ms);
  result("intake.raw_user_ms", raw_work.user_ms);
  result("intake.raw_system_ms", raw_work.system_ms);
  result("intake.fdatasync_p50_ms", sync.p50_ms);
  result("intake.fdatasync_p99_ms", sync.p99_ms);
  result("intake.units", target.units);
  result("intake.random", intakes.outcomes.contains("random") ? intakes.outcomes.at("random") : 0);
  result("intake.outcomes", outcomes.empty() ? "none" : outcomes);
  result("intake.audit_verify_exit", verify);
  result("intake.sqlite", sqlite_version());
  result("intake.chain_hash", audit::name_of(opened->hash));
  result("intake.dir", dir.string());

  if (!o.keep) fs::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace zeren::bench

int main(int argc, char** argv) {
  try {
    return zeren::bench::run(zeren::bench::parse(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zeren_bench_intake: %s\n", e.what());
    return 1;
  }
}
