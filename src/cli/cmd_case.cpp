// zeren case add --db PATH --as USERNAME [--json]: one case as JSON on standard input, taken in
//   and assigned in one transaction.
// zeren case show --db PATH (--id N | --number 受案号) [--json]: the case, its assignment
//   explanation and its timeline.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>
#include <iterator>

#include "app/use_cases.hpp"
#include "audit/draw_crypto.hpp"
#include "cli/common.hpp"
#include "codec/case_codec.hpp"

namespace zeren::cli {

namespace json = boost::json;

namespace {

json::object assignment_json(const AssignmentRecord& a) {
  json::array candidates;
  for (const auto& c : a.candidates)
    candidates.push_back({{"unit_id", c.unit.value},
                          {"position", c.position},
                          {"weight_sum", c.weight_sum},
                          {"share", c.share_bp / 10000.0},
                          {"load", load_value(c.weight_sum, c.share_bp) / 10000.0},
                          {"eligible", c.eligible},
                          {"exclusion", c.exclusion},
                          {"in_band", c.in_band}});
  json::object o{{"unit_id", a.unit.value},
                 {"method", code_of(a.method)},
                 {"plan_version", a.plan_version},
                 {"pool_size", a.pool_size},
                 {"band_size", a.band_size},
                 {"candidates", candidates},
                 {"audit_seq", a.audit_seq}};
  if (a.epoch) o["epoch"] = a.epoch->value, o["draw_value"] = a.draw_value, o["draw_index"] = a.draw_index;
  if (a.approver) o["approver"] = a.approver->value;
  return o;
}

}  // namespace

void add_case(CLI::App& app, Action& run) {
  struct Options {
    std::string db, as, number;
    std::int64_t id = 0;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* c = app.add_subcommand("case", "cases: intake and assignment");
  c->require_subcommand(1);

  auto* add = c->add_subcommand("add", "take in one case (JSON on standard input) and assign it");
  add->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
  add->add_option("--as", opt->as, "the case-management officer's username")->required();
  add->add_flag("--json", opt->json, "print JSON");
  add->callback([opt, &run] {
    run = [opt] {
      const std::string body{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
      auto s = open_session(opt->db, false);
      if (!s) return report_error(s.error(), opt->json);
      const audit::SystemDrawCrypto crypto(s->opened.hash);
      auto out = transact_value<json::object>(s->store(), [&](Transaction& tx) -> Result<json::object> {
        auto actor = app::actor_for_user(tx, opt->as);
        if (!actor) return actor.error();
        auto intake = codec::decode_intake(tx, body);
        if (!intake) return intake.error();
        auto r = app::intake_case(tx, app::Context{*actor, system_clock()}, crypto, std::move(*intake));
        if (!r) return r.error();
        return codec::encode_intake_result(tx, *r);
      });
      if (!out) return report_error(out.error(), opt->json);
      if (auto cp = checkpoint_after_change(*s, system_clock()); !cp) return report_error(cp.error(), opt->json);
      if (opt->json) {
        print_json(*out);
      } else {
        std::cout << "已受理 " << json::value_to<std::string>(out->at("case_number"));
        if (out->at("assignment").is_object())
          std::cout << "，分案至 " << json::value_to<std::string>(out->at("assignment").at("unit")) << " ("
                    << json::value_to<std::string>(out->at("assignment").at("method")) << ")\n";
        else
          std::cout << "，未分案 (" << json::value_to<std::string>(out->at("unassigned_reason")) << ")\n";
      }
      return 0;
    };
  });

  auto* show = c->add_subcommand("show", "a case with its assignment explanation and timeline");
  show->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
  show->add_option("--id", opt->id, "case id");
  show->add_option("--number", opt->number, "受案号");
  show->add_flag("--json", opt->json, "print JSON");
  show->callback([opt, &run] {
    run = [opt] {
      auto opened = open_store({opt->db, false, std::nullopt});
      if (!opened) return report_error(opened.error(), opt->json);
      auto out = transact_value<json::object>(*opened->store, [&](Transaction& tx) -> Result<json::object> {
        auto c = opt->number.empty() ? tx.cases().find_case(CaseId{opt->id})
                                     : tx.cases().find_case_by_number(opt->number);
        if (!c) return c.error();
        auto assignments = tx.assignments().assignments_for_case(c->id());
        if (!assignments) return assignments.error();
        auto timeline = tx.audit().read_subject("case:" + std::to_string(c->id().value));
        if (!timeline) return timeline.error();
        json::array as, events, parties;
        for (const auto& a : *assignments) as.push_back(assignment_json(a));
        for (const auto& e : *timeline)
          events.push_back({{"seq", e.seq}, {"time_us", e.event.time_us}, {"actor", e.event.actor},
                            {"action", e.event.action}});
        for (const auto& p : c->intake().parties) parties.push_back(json::string(p));
        json::object o{{"case_id", c->id().value},
                       {"case_number", c->number()},
                       {"status", code_of(c->status())},
                       {"category", code_of(c->intake().category)},
                       {"received_on", c->intake().received_on.iso()},
                       {"difficulty", code_of(c->intake().difficulty)},
                       {"parties", parties},
                       {"assignments", as},
                       {"timeline", events}};
        o["unit_id"] = c->unit() ? json::value(c->unit()->value) : json::value(nullptr);
        return o;
      });
      if (!out) return report_error(out.error(), opt->json);
      print_json(*out);
      return 0;
    };
  });
}

}  // namespace zeren::cli
