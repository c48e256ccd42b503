// The byte-exact audit record (docs/audit_log_format.md): canonical field text, canonical record
// bytes and the chain hash. Version 1.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit.hpp"
#include "domain/error.hpp"

namespace zeren::audit {

inline constexpr std::uint8_t kRecordVersion = 1;

enum class HashAlgorithm { sm3, sha256 };
std::string_view name_of(HashAlgorithm a);  // "sm3" / "sha256"
Result<HashAlgorithm> parse_algorithm(std::string_view name);

// Fails (ErrorKind::unavailable, with a message saying what to do) when the library that computes
// it here lacks it: libgcrypt for SM3 (and HMAC-SM3), OpenSSL for SHA-256.
Status check_available(HashAlgorithm a);

// The fields as canonical text: a JSON object of string values, keys in ascending byte order,
// no white space; `"` and `\` escaped with a backslash, bytes below 0x20 as \u00xx (lower-case
// hex), everything else literal UTF-8. Keys are 1..64 of [a-z0-9_.]; keys must be unique.
Result<std::string> canonical_fields(const std::vector<AuditField>& fields);
// Reads canonical field text back (for display); refuses anything not canonical.
Result<std::vector<AuditField>> parse_fields(std::string_view text);

// canonical(record) = u64be(seq) || i64be(time_us) || str(actor) || str(action) || str(subject)
//                     || str(fields_text), with str(s) = u32be(byte length) || bytes.
std::string canonical_record(std::uint64_t seq, std::int64_t time_us, std::string_view actor,
                             std::string_view action, std::string_view subject,
                             std::string_view fields_text);

// hash_n = H(0x00 || version || hash_{n-1} || canonical(record_n)); hash_0 is 32 zero bytes.
Digest chain_hash(HashAlgorithm a, std::uint8_t version, const Digest& previous,
                  std::string_view canonical);
// The same hash, the record given by its parts: hashes the fields text where it lies instead of
// copying it into canonical(record) first (what verification does for every entry).
Digest entry_hash(HashAlgorithm a, std::uint8_t version, const Digest& previous, std::uint64_t seq,
                  std::int64_t time_us, std::string_view actor, std::string_view action,
                  std::string_view subject, std::string_view fields_text);
Digest digest(HashAlgorithm a, std::string_view bytes);

std::string to_hex(const std::uint8_t* data, std::size_t n);
template <std::size_t N>
std::string to_hex(const std::array<std::uint8_t, N>& a) {
  return to_hex(a.data(), N);
}
// Parses exactly 2*N lower- or upper-case hex digits.
template <std::size_t N>
bool from_hex(std::string_view hex, std::array<std::uint8_t, N>& out);

}  // namespace zeren::audit
