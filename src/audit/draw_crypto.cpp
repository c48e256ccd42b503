#include "audit/draw_crypto.hpp"

#include "audit/sm3.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <sodium.h>

#include <memory>
#include <stdexcept>

namespace zeren::audit {

namespace {
struct MacDeleter {
  void operator()(EVP_MAC* m) const { EVP_MAC_free(m); }
};
EVP_MAC* hmac() {
  static const std::unique_ptr<EVP_MAC, MacDeleter> m(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
  return m.get();
}
}  // namespace

EpochSecret SystemDrawCrypto::fresh_secret() const {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  EpochSecret s{};
  randombytes_buf(s.data(), s.size());
  return s;
}

Digest SystemDrawCrypto::commitment(const EpochSecret& s) const {
  return digest(hash_, std::string_view(reinterpret_cast<const char*>(s.data()), s.size()));
}

Digest SystemDrawCrypto::hash(std::string_view message) const {
  return digest(hash_, message);
}

namespace {
// HMAC-SHA-256's keyed context per thread and key (HMAC-SM3 is libgcrypt's, audit/sm3.hpp):
// initialising HMAC (which fetches the digest) costs more than hashing a short message, and a
// day's draws share one key. Each MAC starts it again from the key's inner state (EVP_MAC_init
// without a key), which costs less than a copy of it.
struct KeyedMac {
  EpochSecret key{};
  EVP_MAC_CTX* ctx = nullptr;
  ~KeyedMac() { EVP_MAC_CTX_free(ctx); }
};
}  // namespace

Digest SystemDrawCrypto::mac(const EpochSecret& s, std::string_view message) const {
  if (hash_ == HashAlgorithm::sm3) return sm3::mac(s, message);
  thread_local KeyedMac cache;
  if (cache.ctx == nullptr || cache.key != s) {
    EVP_MAC_CTX_free(cache.ctx);
    cache.ctx = hmac() ? EVP_MAC_CTX_new(hmac()) : nullptr;
    char name[] = "SHA256";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, name, 0),
                           OSSL_PARAM_construct_end()};
    if (cache.ctx == nullptr || EVP_MAC_init(cache.ctx, s.data(), s.size(), params) != 1) {
      EVP_MAC_CTX_free(cache.ctx);
      cache.ctx = nullptr;
      throw std::runtime_error("HMAC failed");
    }
    cache.key = s;
  }
  Digest out{};
  size_t len = 0;
  const bool ok = EVP_MAC_init(cache.ctx, nullptr, 0, nullptr) == 1 &&
                  EVP_MAC_update(cache.ctx, reinterpret_cast<const unsigned char*>(message.data()),
                                 message.size()) == 1 &&
                  EVP_MAC_final(cache.ctx, out.data(), &len, out.size()) == 1 && len == out.size();
  if (!ok) {
    EVP_MAC_CTX_free(cache.ctx);  // keyed again by the next call
    cache.ctx = nullptr;
    throw std::runtime_error("HMAC failed");
  }
  return out;
}

}  // namespace zeren::audit
