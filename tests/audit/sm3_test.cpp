// SM3 and HMAC-SM3 come from libgcrypt (audit/sm3.hpp); OpenSSL computes both too. Every chain
// hash and every draw depends on them, so they are held to the standard's examples and, over
// lengths that cross block boundaries and keys that change between calls, to OpenSSL's results.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <string>

#include "audit/draw_crypto.hpp"
#include "audit/record.hpp"
#include "audit/sm3.hpp"

namespace zeren::audit {
namespace {

Digest openssl_sm3(std::string_view m) {
  Digest out{};
  unsigned int len = 0;
  EVP_Digest(m.data(), m.size(), out.data(), &len, EVP_sm3(), nullptr);
  return out;
}

Digest openssl_hmac_sm3(const EpochSecret& key, std::string_view m) {
  Digest out{};
  unsigned int len = 0;
  HMAC(EVP_sm3(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(m.data()), m.size(), out.data(), &len);
  return out;
}

std::string bytes_of(std::size_t n, unsigned seed) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + seed * 7 + 1) & 0xFF);
  return s;
}

TEST(Sm3, MatchesTheStandardsSecondExample) {
  ASSERT_TRUE(sm3::available());
  // GB/T 32905-2016 appendix A.2: 64 bytes, two blocks once padded.
  std::string m;
  for (int i = 0; i < 16; ++i) m += "abcd";
  EXPECT_EQ(to_hex(digest(HashAlgorithm::sm3, m)),
            "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
}

TEST(Sm3, AgreesWithOpenSslAcrossBlockBoundariesAndParts) {
  for (std::size_t n : {0u, 1u, 55u, 56u, 63u, 64u, 65u, 119u, 120u, 1400u, 100'000u}) {
    const std::string m = bytes_of(n, static_cast<unsigned>(n));
    EXPECT_EQ(digest(HashAlgorithm::sm3, m), openssl_sm3(m)) << n << " bytes";
    const std::size_t cut = n / 3;
    EXPECT_EQ(sm3::digest({std::string_view(m).substr(0, cut), std::string_view(m).substr(cut)}),
              openssl_sm3(m))
        << n << " bytes in two parts";
  }
}

TEST(Sm3, HmacAgreesWithOpenSslWhenTheKeyChangesBetweenCalls) {
  const SystemDrawCrypto crypto(HashAlgorithm::sm3);
  EpochSecret a{}, b{};
  for (std::size_t i = 0; i < a.size(); ++i) {
    a[i] = static_cast<std::uint8_t>(i);
    b[i] = static_cast<std::uint8_t>(255 - i);
  }
  for (std::size_t n : {0u, 32u, 41u, 64u, 200u}) {
    const std::string m = bytes_of(n, 3);
    // a, a again (the kept key), b, then a: each must be the MAC under the key given.
    EXPECT_EQ(crypto.mac(a, m), openssl_hmac_sm3(a, m)) << n;
    EXPECT_EQ(crypto.mac(a, m), openssl_hmac_sm3(a, m)) << n;
    EXPECT_EQ(crypto.mac(b, m), openssl_hmac_sm3(b, m)) << n;
    EXPECT_EQ(crypto.mac(a, m), openssl_hmac_sm3(a, m)) << n;
  }
}

}  // namespace
}  // namespace zeren::audit
