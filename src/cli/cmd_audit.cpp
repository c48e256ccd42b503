// zeren audit verify --db PATH [--json]: re-hashes the chain and checks the signed checkpoints;
//   exits 1 naming the first bad sequence number when anything was altered, removed or reordered.
// zeren audit checkpoint --db PATH: signs the current head.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

#include "audit/store_audit.hpp"
#include "cli/common.hpp"

namespace zeren::cli {

void add_audit(CLI::App& app, Action& run) {
  struct Options {
    std::string db;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* audit_cmd = app.add_subcommand("audit", "the tamper-evident audit log");
  audit_cmd->require_subcommand(1);

  auto* verify = audit_cmd->add_subcommand("verify", "verify the hash chain and the checkpoints");
  verify->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
  verify->add_flag("--json", opt->json, "print JSON");
  verify->callback([opt, &run] {
    run = [opt] {
      auto opened = open_store({opt->db, false, std::nullopt});
      if (!opened) return report_error(opened.error(), opt->json);
      auto key = audit::load_public_key(opt->db);
      if (!key) return report_error(key.error(), opt->json);
      auto report = audit::verify_store(*opened->store, opened->hash, *key);
      if (!report) return report_error(report.error(), opt->json);
      const auto& r = *report;
      if (opt->json) {
        boost::json::object out{{"ok", r.ok},
                                {"entries", r.entries},
                                {"hashed_bytes", r.hashed_bytes},
                                {"checkpoints", r.checkpoints},
                                {"hash", audit::name_of(opened->hash)},
                                {"head", r.head},
                                {"draws_verified", r.draws_verified},
                                {"draws_pending", r.draws_pending}};
        if (!r.bad_case.empty()) out["bad_case"] = r.bad_case;
        if (!r.ok) {
          out["verified"] = r.verified;
          out["first_bad_seq"] = *r.first_bad_seq;
          out["problem"] = r.problem;
        }
        print_json(out);
      } else if (r.ok) {
        std::cout << "审计日志完好 audit log verified: " << r.entries << " entries, "
                  << r.checkpoints << " checkpoints, " << r.draws_verified << " draws recomputed ("
                  << r.draws_pending << " in today's epoch), head " << r.head << '\n';
      } else {
        std::cout << "审计日志校验失败 audit log FAILED at seq " << *r.first_bad_seq << ": "
                  << r.problem << (r.bad_case.empty() ? "" : " [" + r.bad_case + "]") << '\n';
      }
      return r.ok ? 0 : kExitNotVerified;
    };
  });

  auto* checkpoint = audit_cmd->add_subcommand("checkpoint", "sign a checkpoint of the current head");
  checkpoint->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
  checkpoint->add_flag("--json", opt->json, "print JSON");
  checkpoint->callback([opt, &run] {
    run = [opt] {
      auto s = open_session(opt->db, false);
      if (!s) return report_error(s.error(), opt->json);
      auto key = audit::load_signing_key(opt->db);
      if (!key) return report_error(key.error(), opt->json);
      auto c = audit::write_checkpoint(s->store(), *key, system_clock());
      if (!c) return report_error(c.error(), opt->json);
      if (opt->json) {
        boost::json::object out{{"written", c->has_value()}};
        if (*c) out["size"] = (*c)->size, out["head"] = audit::to_hex((*c)->head);
        print_json(out);
      } else if (*c) {
        std::cout << "checkpoint signed at size " << (*c)->size << '\n';
      } else {
        std::cout << "the latest checkpoint already covers the log\n";
      }
      return 0;
    };
  });
}

}  // namespace zeren::cli
