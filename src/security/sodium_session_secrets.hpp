// Session tokens from libsodium: 32 random bytes, base64url without padding; stored as the hex of
// their SHA-256, so the database alone cannot be used to take over a session.
#pragma once

#include "domain/ports.hpp"

namespace zeren {

class SodiumSessionSecrets final : public SessionSecrets {
 public:
  SodiumSessionSecrets();
  std::string new_token() const override;
  std::string token_hash(std::string_view token) const override;
};

}  // namespace zeren
