// Recomputes every random draw of every revealed epoch from the audit log alone
// (docs/draw_format.md). Fed the whole log once, in order (feed); or, for one draw, its epoch's
// entries and then the draw (note_epoch, check).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/record.hpp"
#include "domain/audit.hpp"

namespace zeren::audit {

struct DrawReport {
  std::uint64_t verified = 0;  // draws recomputed and matching
  std::uint64_t pending = 0;   // draws of epochs not yet revealed
  std::optional<std::uint64_t> first_bad_seq;
  std::string bad_case;  // the case number of the first bad draw
  std::string problem;
};

class DrawVerifier {
 public:
  explicit DrawVerifier(HashAlgorithm hash);
  ~DrawVerifier();
  DrawVerifier(const DrawVerifier&) = delete;
  DrawVerifier& operator=(const DrawVerifier&) = delete;

  // Every entry of the log in order, each with the hash of the entry before it. A draw is
  // recomputed as soon as its epoch's secret is revealed: one made while its epoch is open (as
  // every draw is) waits, as a copy, for the epoch's close, so the log is read once and only an
  // open epoch's draws are held. finish() counts the draws still waiting as pending.
  void feed(const AuditEntry& e, const Digest& previous);
  void finish();

  // One draw: its epoch's draw.epoch.open and draw.epoch.close entries first, then the draw's
  // entry with the hash of the entry before it (pending when the epoch is not revealed).
  void note_epoch(const AuditEntry& e);
  void check(const AuditEntry& e, const Digest& previous);

  const DrawReport& report() const { return report_; }

 private:
  struct Waiting;
  enum class Outcome { done, waits };
  // Recomputes the draw of a case.assign entry whose fields `w` has read; waits (setting
  // `epoch`) when its epoch's secret is not revealed yet.
  Outcome recompute(const Waiting& w, std::string& epoch);
  void fail(std::uint64_t seq, std::string case_number, std::string problem);
  struct Epoch {
    Digest commitment{};
    std::optional<std::array<std::uint8_t, 32>> secret;
  };
  HashAlgorithm hash_;
  std::map<std::string, Epoch> epochs_;  // by epoch id
  std::map<std::string, std::vector<std::unique_ptr<Waiting>>> waiting_;  // by epoch id
  DrawReport report_;
};

}  // namespace zeren::audit
