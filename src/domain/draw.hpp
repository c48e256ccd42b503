// Verifiable draws (SPEC §3, docs/draw_format.md): the canonical encoding of what a draw depends
// on, and the index by rejection sampling. The keyed hash itself (HMAC-SM3 with the epoch secret)
// is supplied by the caller, so this stays free of cryptographic libraries.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/assignment.hpp"
#include "domain/audit.hpp"

namespace zeren {

inline constexpr std::uint8_t kDrawFormatVersion = 1;

struct DrawInput {
  CaseId case_id;
  std::string case_number;
  PlanId plan_id;
  int plan_version = 0;
  std::vector<Assessment> candidates;  // in candidate order; in_band marks the band
  Digest audit_head{};                 // the audit log's head hash just before the draw
  std::string beacon;                  // optional external randomness, empty when none
};

// canonical = 0x02 || u8(1) || u64be(case_id) || str(case_number) || u64be(plan_id)
//   || u32be(plan_version) || u32be(n) || n × [u64be(unit) || u32be(position)
//   || u64be(weight_sum) || u32be(share_bp) || u8(eligible) || u8(in_band)]
//   || audit_head (32 bytes) || str(beacon)
std::string canonical_draw(const DrawInput& in);

// MAC keyed by the epoch secret (HMAC-SM3 in production).
using DrawMac = std::function<Digest(std::string_view message)>;

struct DrawOutcome {
  std::size_t index = 0;  // into the band
  Digest value{};         // the accepted MAC value
  std::uint32_t attempt = 0;
};

// v_k = MAC(material || u32be(k)) for k = 0, 1, …; x_k = the first 8 bytes of v_k, big-endian;
// the first x_k below floor(2^64 / n) * n gives index = x_k mod n. No modulo bias. The material is
// H(canonical_draw(...)) (docs/draw_format.md), so a retry costs one short MAC.
DrawOutcome draw_index(const DrawMac& mac, std::string_view material, std::size_t n);

}  // namespace zeren
