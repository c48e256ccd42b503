// Argon2id password hashing through libsodium (crypto_pwhash_str: encoded hash with its salt and
// parameters, so they can be raised later without breaking stored hashes).
#pragma once

#include "domain/ports.hpp"

namespace zeren {

class Argon2PasswordHasher final : public PasswordHasher {
 public:
  Argon2PasswordHasher();
  Result<std::string> hash(std::string_view password) const override;
  bool verify(std::string_view password, const std::string& stored_hash) const override;
};

}  // namespace zeren
