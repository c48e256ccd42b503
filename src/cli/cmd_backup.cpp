// zeren backup --db DB --out FILE [--json]: a consistent copy of the database (SQLite's online
//   backup API, or one snapshot of PostgreSQL) as an SQLite file, the checkpoint key beside it.
// zeren restore --in FILE --db DB [--json]: writes the backup into a new or empty database (SQLite
//   file or PostgreSQL URL), then verifies its audit log: exits 1 unless it verifies with the
//   backup's head.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

#include "audit/store_audit.hpp"
#include "cli/common.hpp"
#include "storage/backup.hpp"

namespace zeren::cli {

namespace {

boost::json::object json_of(const BackupReport& r) {
  return {{"audit_entries", r.audit_entries},
          {"audit_head", r.audit_head},
          {"rows", r.rows},
          {"bytes", r.bytes},
          {"schema_version", r.schema_version},
          {"key_copied", r.key_copied}};
}

void print_report(const char* done, const BackupReport& r) {
  std::cout << done << ": " << r.rows << " rows, " << r.audit_entries << " audit entries, head "
            << (r.audit_head.empty() ? "(empty)" : r.audit_head) << ", " << r.bytes << " bytes\n";
  if (!r.key_copied)
    std::cout << "注意：检查点密钥未随备份 (note: the checkpoint key files did not go with it)\n";
}

}  // namespace

void add_backup(CLI::App& app, Action& run) {
  struct Options {
    std::string db, file;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* backup = app.add_subcommand("backup", "a consistent copy of the database, as a file");
  backup->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
  backup->add_option("--out", opt->file, "the backup file to write (must not exist)")->required();
  backup->add_flag("--json", opt->json, "print JSON");
  backup->callback([opt, &run] {
    run = [opt] {
      auto r = backup_database(opt->db, opt->file);
      if (!r) return report_error(r.error(), opt->json);
      if (opt->json)
        print_json(json_of(*r));
      else
        print_report("已备份 backed up", *r);
      return 0;
    };
  });

  auto* restore = app.add_subcommand("restore", "write a backup into a new or empty database");
  restore->add_option("--in", opt->file, "the backup file")->required();
  restore->add_option("--db", opt->db, "SQLite file (new) or postgresql:// URL (empty)")
      ->required();
  restore->add_flag("--json", opt->json, "print JSON");
  restore->callback([opt, &run] {
    run = [opt] {
      auto r = restore_database(opt->file, {opt->db, true, std::nullopt});
      if (!r) return report_error(r.error(), opt->json);
      // The restored database must verify on its own, with the backup's head.
      auto opened = open_store({opt->db, false, std::nullopt});
      if (!opened) return report_error(opened.error(), opt->json);
      auto key = audit::load_public_key(opt->db);
      if (!key) return report_error(key.error(), opt->json);
      auto verified = audit::verify_store(*opened->store, opened->hash, *key);
      if (!verified) return report_error(verified.error(), opt->json);
      const bool ok = verified->ok && verified->head == r->audit_head;
      if (opt->json) {
        auto out = json_of(*r);
        out["verified"] = ok;
        out["restored_head"] = verified->head;
        if (!verified->problem.empty()) out["problem"] = verified->problem;
        print_json(out);
      } else {
        print_report("已恢复 restored", *r);
        std::cout << (ok ? "审计日志完好，头部一致 audit log verified, same head\n"
                         : "审计日志校验失败 audit log does NOT verify: " + verified->problem +
                               "\n");
      }
      return ok ? 0 : kExitNotVerified;
    };
  });
}

}  // namespace zeren::cli
