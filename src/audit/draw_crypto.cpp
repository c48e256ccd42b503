#include "audit/draw_crypto.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <sodium.h>

#include <cstdio>
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

EpochSecret OpenSslDrawCrypto::fresh_secret() const {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  EpochSecret s{};
  randombytes_buf(s.data(), s.size());
  return s;
}

Digest OpenSslDrawCrypto::commitment(const EpochSecret& s) const {
  return digest(hash_, std::string_view(reinterpret_cast<const char*>(s.data()), s.size()));
}

Digest OpenSslDrawCrypto::hash(std::string_view message) const { return digest(hash_, message); }

namespace {
// A keyed HMAC context per thread and key: initialising HMAC (which fetches the digest) costs
// more than hashing a short message, and a day's draws share one key. Each MAC starts it again
// from the key's inner state (EVP_MAC_init without a key), which costs less than a copy of it.
struct KeyedMac {
  HashAlgorithm hash = HashAlgorithm::sm3;
  EpochSecret key{};
  EVP_MAC_CTX* ctx = nullptr;
  ~KeyedMac() { EVP_MAC_CTX_free(ctx); }
};
}  // namespace

Digest OpenSslDrawCrypto::mac(const EpochSecret& s, std::string_view message) const {
  thread_local KeyedMac cache;
  if (cache.ctx == nullptr || cache.key != s || cache.hash != hash_) {
    EVP_MAC_CTX_free(cache.ctx);
    cache.ctx = hmac() ? EVP_MAC_CTX_new(hmac()) : nullptr;
    char name[16];
    std::snprintf(name, sizeof name, "%s", hash_ == HashAlgorithm::sm3 ? "SM3" : "SHA256");
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, name, 0),
                           OSSL_PARAM_construct_end()};
    if (cache.ctx == nullptr || EVP_MAC_init(cache.ctx, s.data(), s.size(), params) != 1) {
      EVP_MAC_CTX_free(cache.ctx);
      cache.ctx = nullptr;
      throw std::runtime_error("HMAC failed");
    }
    cache.key = s;
    cache.hash = hash_;
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
