// DrawCrypto: HMAC-SM3 with libgcrypt (or HMAC-SHA-256 with OpenSSL when the database chains with
// SHA-256), commitments H(secret), secrets from the system's CSPRNG (libsodium).
#pragma once

#include "audit/record.hpp"
#include "domain/ports.hpp"

namespace zeren::audit {

class SystemDrawCrypto final : public DrawCrypto {
 public:
  explicit SystemDrawCrypto(HashAlgorithm hash) : hash_(hash) {}
  EpochSecret fresh_secret() const override;
  Digest commitment(const EpochSecret& s) const override;
  Digest mac(const EpochSecret& s, std::string_view message) const override;
  Digest hash(std::string_view message) const override;

 private:
  HashAlgorithm hash_;
};

}  // namespace zeren::audit
