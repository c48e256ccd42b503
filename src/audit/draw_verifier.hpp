// Recomputes every random draw of every revealed epoch from the audit log alone
// (docs/draw_format.md). Fed in two passes: first the epoch entries (commitments, reveals), then
// every entry again with the hash of the entry before it.
#pragma once

#include <map>
#include <optional>
#include <string>

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
  explicit DrawVerifier(HashAlgorithm hash) : hash_(hash) {}
  // Pass 1: draw.epoch.open and draw.epoch.close entries.
  void note_epoch(const AuditEntry& e);
  // Pass 2: every entry, with the hash of the entry before it.
  void check(const AuditEntry& e, const Digest& previous);
  const DrawReport& report() const { return report_; }

 private:
  void fail(std::uint64_t seq, std::string case_number, std::string problem);
  struct Epoch {
    Digest commitment{};
    std::optional<std::array<std::uint8_t, 32>> secret;
  };
  HashAlgorithm hash_;
  std::map<std::string, Epoch> epochs_;  // by epoch id
  DrawReport report_;
};

}  // namespace zeren::audit
