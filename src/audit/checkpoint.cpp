#include "audit/checkpoint.hpp"

#include <cstdlib>

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "audit/record.hpp"
#include "domain/big_endian.hpp"

namespace zeren::audit {

namespace fs = std::filesystem;

namespace {

Status sodium_ready() {
  if (sodium_init() < 0)
    return Error{ErrorKind::unavailable, "sodium_unavailable", "libsodium failed to initialise",
                 ""};
  return ok_status();
}

Result<std::string> read_first_line(const fs::path& p) {
  std::ifstream in(p);
  if (!in) return Error::not_found("key", "cannot read " + p.string());
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' '))
    line.pop_back();
  return line;
}

Status write_file(const fs::path& p, const std::string& text, bool secret) {
  std::ofstream out(p, std::ios::trunc);
  if (!out) return Error::storage("cannot write " + p.string());
  if (secret) ::chmod(p.c_str(), 0600);
  out << text << '\n';
  out.flush();
  if (!out) return Error::storage("cannot write " + p.string());
  return ok_status();
}

}  // namespace

SigningKey signing_key_from_seed(const std::array<std::uint8_t, 32>& seed) {
  if (sodium_init() < 0) std::abort();
  SigningKey k;
  k.seed = seed;
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(k.public_key.data(), sk, seed.data());
  sodium_memzero(sk, sizeof sk);
  return k;
}

fs::path key_path_for(const std::string& database) {
  if (const char* env = std::getenv("ZEREN_AUDIT_KEY"); env && *env) return fs::path(env);
  return fs::path(database + ".audit-key");
}
fs::path public_key_path_for(const std::string& database) {
  return fs::path(key_path_for(database).string() + ".pub");
}

Status key_location_known(const std::string& database) {
  const char* env = std::getenv("ZEREN_AUDIT_KEY");
  if (database.find("://") != std::string::npos && !(env && *env))
    return Error::invalid(
        "ZEREN_AUDIT_KEY", "key_location_required",
        "数据库为 PostgreSQL 时须设置 ZEREN_AUDIT_KEY (a PostgreSQL database needs "
        "ZEREN_AUDIT_KEY: the path of the checkpoint signing key, the same file "
        "on every server)");
  return ok_status();
}

Result<SigningKey> load_signing_key(const std::string& database) {
  ZEREN_TRY(sodium_ready());
  ZEREN_TRY(key_location_known(database));
  auto line = read_first_line(key_path_for(database));
  if (!line) return line.error();
  std::array<std::uint8_t, 32> seed{};
  if (!from_hex(*line, seed))
    return Error{ErrorKind::corruption, "bad_key_file",
                 key_path_for(database).string() + " does not hold a 64-digit hex key", "key"};
  auto key = signing_key_from_seed(seed);
  if (fs::exists(public_key_path_for(database))) {
    auto pub = read_first_line(public_key_path_for(database));
    if (!pub) return pub.error();
    if (*pub != to_hex(key.public_key))
      return Error{ErrorKind::corruption, "key_mismatch",
                   public_key_path_for(database).string() + " does not match the signing key",
                   "key"};
  }
  return key;
}

Result<SigningKey> load_or_create_signing_key(const std::string& database) {
  ZEREN_TRY(sodium_ready());
  ZEREN_TRY(key_location_known(database));
  if (fs::exists(key_path_for(database))) return load_signing_key(database);
  if (fs::exists(public_key_path_for(database)))
    return Error{ErrorKind::corruption, "key_missing",
                 key_path_for(database).string() + " is missing but its public key exists", "key"};
  std::array<std::uint8_t, 32> seed{};
  randombytes_buf(seed.data(), seed.size());
  auto key = signing_key_from_seed(seed);
  ZEREN_TRY(write_file(key_path_for(database), to_hex(seed), true));
  ZEREN_TRY(write_file(public_key_path_for(database), to_hex(key.public_key), false));
  return key;
}

Result<PublicKey> load_public_key(const std::string& database) {
  ZEREN_TRY(sodium_ready());
  ZEREN_TRY(key_location_known(database));
  if (fs::exists(public_key_path_for(database))) {
    auto line = read_first_line(public_key_path_for(database));
    if (!line) return line.error();
    PublicKey pk{};
    if (!from_hex(*line, pk))
      return Error{ErrorKind::corruption, "bad_key_file",
                   public_key_path_for(database).string() + " does not hold a 64-digit hex key",
                   "key"};
    return pk;
  }
  auto key = load_signing_key(database);
  if (!key) return key.error();
  return key->public_key;
}

std::string checkpoint_message(std::uint64_t size, const Digest& head, std::int64_t signed_at_us) {
  std::string m;
  m.push_back('\x01');
  m.push_back('\x01');
  append_u64be(m, size);
  m.append(reinterpret_cast<const char*>(head.data()), head.size());
  append_u64be(m, static_cast<std::uint64_t>(signed_at_us));
  return m;
}

AuditCheckpoint sign_checkpoint(const SigningKey& key, std::uint64_t size, const Digest& head,
                                std::int64_t signed_at_us) {
  AuditCheckpoint c;
  c.size = size;
  c.head = head;
  c.signed_at_us = signed_at_us;
  c.key_id = to_hex(key.public_key);
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_seed_keypair(pk, sk, key.seed.data());
  const auto msg = checkpoint_message(size, head, signed_at_us);
  crypto_sign_detached(c.signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), sk);
  sodium_memzero(sk, sizeof sk);
  return c;
}

bool checkpoint_signature_valid(const PublicKey& key, const AuditCheckpoint& c) {
  if (sodium_init() < 0) return false;
  if (c.key_id != to_hex(key)) return false;
  const auto msg = checkpoint_message(c.size, c.head, c.signed_at_us);
  return crypto_sign_verify_detached(c.signature.data(),
                                     reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                                     key.data()) == 0;
}

}  // namespace zeren::audit
