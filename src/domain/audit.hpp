// The audit log's records as the domain sees them (SPEC §16). The byte encoding, the hash chain
// and the verifier live in src/audit; docs/audit_log_format.md specifies them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace zeren {

using Digest = std::array<std::uint8_t, 32>;  // SM3 or SHA-256 output
using Signature = std::array<std::uint8_t, 64>;  // Ed25519

struct AuditField {
  std::string key;    // e.g. "name", "members.0"
  std::string value;  // UTF-8 text
  friend bool operator==(const AuditField&, const AuditField&) = default;
};

// What a change says about itself: who did what to which thing, and the details.
struct AuditEvent {
  std::int64_t time_us = 0;  // microseconds since 1970-01-01T00:00:00Z
  std::string actor;         // "user:12", "cli:root", "system"
  std::string action;        // "organisation.unit.add"
  std::string subject;       // "unit:7"
  std::vector<AuditField> fields;
  friend bool operator==(const AuditEvent&, const AuditEvent&) = default;
};

// An event once appended: its place in the chain and its chained hash.
struct AuditEntry {
  std::uint64_t seq = 0;       // 1, 2, 3 … without gaps
  std::uint8_t version = 1;    // record format version
  AuditEvent event;
  std::string fields_text;     // event.fields in canonical text, exactly as stored and hashed
  Digest hash{};               // hash_seq
};

// A signed statement "the log had `size` entries and its head hash was `head`".
struct AuditCheckpoint {
  std::int64_t id = 0;
  std::uint64_t size = 0;
  Digest head{};
  std::int64_t signed_at_us = 0;
  std::string key_id;  // hex of the Ed25519 public key
  Signature signature{};
};

}  // namespace zeren
