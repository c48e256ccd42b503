#include "security/argon2_password_hasher.hpp"

#include <sodium.h>

#include <stdexcept>

namespace zeren {

Argon2PasswordHasher::Argon2PasswordHasher() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

Result<std::string> Argon2PasswordHasher::hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  // Interactive limits (64 MiB, 2 passes): about 0.1 s here; a log-in must stay quick.
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Error{ErrorKind::unavailable, "out_of_memory", "not enough memory to hash a password",
                 "password"};
  return std::string(out);
}

bool Argon2PasswordHasher::verify(std::string_view password, const std::string& stored_hash) const {
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace zeren
