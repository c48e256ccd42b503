// Ed25519-signed checkpoints of the audit log. The signing key is kept in a file beside the
// database (`<db>.audit-key`, 32-byte seed in hex, mode 0600) with its public key in
// `<db>.audit-key.pub`; verification trusts the public key file, not the database.
#pragma once

#include <filesystem>
#include <string>

#include "domain/audit.hpp"
#include "domain/error.hpp"

namespace zeren::audit {

using PublicKey = std::array<std::uint8_t, 32>;

struct SigningKey {
  std::array<std::uint8_t, 32> seed{};
  PublicKey public_key{};
};

SigningKey signing_key_from_seed(const std::array<std::uint8_t, 32>& seed);

// The checkpoint signing key's file: $ZEREN_AUDIT_KEY when set (required for a PostgreSQL URL,
// whose servers must all share one key), otherwise beside the SQLite file (DB.audit-key).
std::filesystem::path key_path_for(const std::string& database);
std::filesystem::path public_key_path_for(const std::string& database);
// Refuses a database named by URL when ZEREN_AUDIT_KEY is not set: it has no directory of its
// own to keep the key beside.
Status key_location_known(const std::string& database);

// Reads the key files; creates both when neither exists. Refuses a key whose public half does not
// match the .pub file.
Result<SigningKey> load_or_create_signing_key(const std::string& database);
Result<SigningKey> load_signing_key(const std::string& database);
// The public key from the .pub file (or derived from the secret file when only that exists).
Result<PublicKey> load_public_key(const std::string& database);

// message = 0x01 || 0x01 (version) || u64be(size) || head (32) || i64be(signed_at_us)
std::string checkpoint_message(std::uint64_t size, const Digest& head, std::int64_t signed_at_us);
AuditCheckpoint sign_checkpoint(const SigningKey& key, std::uint64_t size, const Digest& head,
                                std::int64_t signed_at_us);
bool checkpoint_signature_valid(const PublicKey& key, const AuditCheckpoint& c);

}  // namespace zeren::audit
