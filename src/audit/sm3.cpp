#include "audit/sm3.hpp"

#include <gcrypt.h>

#include <cstdlib>
#include <cstring>

namespace zeren::audit::sm3 {

bool available() {
  // libgcrypt wants its version checked before any other call; Zeren is its only user in the
  // process, so it is initialised here, once (a function-local static: safe across threads).
  static const bool ok = [] {
    if (gcry_check_version(GCRYPT_VERSION) == nullptr) return false;
    if (!gcry_control(GCRYCTL_INITIALIZATION_FINISHED_P)) {
      gcry_control(GCRYCTL_DISABLE_SECMEM, 0);  // no secret is kept in libgcrypt's memory
      gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
    }
    return gcry_md_test_algo(GCRY_MD_SM3) == 0 && gcry_mac_test_algo(GCRY_MAC_HMAC_SM3) == 0;
  }();
  return ok;
}

std::string implementation() {
  const char* v = available() ? gcry_check_version(nullptr) : nullptr;
  return std::string("libgcrypt ") + (v ? v : "(unavailable)");
}

namespace {
// One hash handle per thread, reset for each digest: no allocation per entry.
struct Hasher {
  gcry_md_hd_t h = nullptr;
  Hasher() {
    if (!available() || gcry_md_open(&h, GCRY_MD_SM3, 0) != 0) std::abort();
  }
  ~Hasher() { gcry_md_close(h); }
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
};

// One keyed MAC handle per thread: a day's draws share one key, and resetting keeps the key.
struct KeyedMac {
  gcry_mac_hd_t h = nullptr;
  EpochSecret key{};
  KeyedMac() {
    if (!available() || gcry_mac_open(&h, GCRY_MAC_HMAC_SM3, 0, nullptr) != 0 ||
        gcry_mac_setkey(h, key.data(), key.size()) != 0)
      std::abort();
  }
  ~KeyedMac() { gcry_mac_close(h); }
  KeyedMac(const KeyedMac&) = delete;
  KeyedMac& operator=(const KeyedMac&) = delete;
};
}  // namespace

Digest digest(std::initializer_list<std::string_view> parts) {
  thread_local Hasher hasher;
  gcry_md_reset(hasher.h);
  for (std::string_view p : parts) gcry_md_write(hasher.h, p.data(), p.size());
  Digest out{};
  const unsigned char* d = gcry_md_read(hasher.h, GCRY_MD_SM3);
  if (d == nullptr) std::abort();
  std::memcpy(out.data(), d, out.size());
  return out;
}

Digest mac(const EpochSecret& key, std::string_view message) {
  thread_local KeyedMac keyed;
  if (keyed.key != key) {
    if (gcry_mac_setkey(keyed.h, key.data(), key.size()) != 0) std::abort();
    keyed.key = key;
  }
  gcry_mac_reset(keyed.h);
  Digest out{};
  std::size_t len = out.size();
  if (gcry_mac_write(keyed.h, message.data(), message.size()) != 0 ||
      gcry_mac_read(keyed.h, out.data(), &len) != 0 || len != out.size())
    std::abort();
  return out;
}

}  // namespace zeren::audit::sm3
