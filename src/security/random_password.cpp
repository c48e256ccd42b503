#include "security/random_password.hpp"

#include <sodium.h>

#include <cstdint>
#include <stdexcept>

#include "domain/user.hpp"

namespace zeren {

namespace {

constexpr std::string_view kAlphabet =
    "abcdefghijkmnpqrstuvwxyz"  // no l, o
    "ABCDEFGHJKLMNPQRSTUVWXYZ"  // no I, O
    "23456789";                 // no 0, 1

}  // namespace

std::string_view random_password_alphabet() {
  return kAlphabet;
}

std::string random_password(std::size_t length) {
  if (length < 10) throw std::invalid_argument("a random password has at least 10 characters");
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  std::string out(length, '\0');
  // Redrawing the whole password (not patching one character in) keeps every accepted password
  // equally likely.
  do {
    for (auto& c : out)
      c = kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
  } while (!check_password_rule(out));
  return out;
}

}  // namespace zeren
