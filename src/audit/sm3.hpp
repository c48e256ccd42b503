// SM3 (GB/T 32905-2016) and HMAC-SM3, computed by libgcrypt. On x86-64 libgcrypt hashes SM3 with
// AVX/BMI2 code, about 1.5 times as fast as OpenSSL 3.0's portable C (docs/architecture.md): SM3
// is most of what an assignment decision and `audit verify` cost. SHA-256 stays with OpenSSL.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "domain/assignment_records.hpp"
#include "domain/audit.hpp"

namespace zeren::audit::sm3 {

// Whether this libgcrypt computes SM3 and HMAC-SM3 (initialises it, once, on first call).
bool available();
// "libgcrypt 1.10.1": the library and version computing SM3 here.
std::string implementation();

// SM3 of the parts, one after another. available() must have held.
Digest digest(std::initializer_list<std::string_view> parts);

// HMAC-SM3 of the message under the key; the keyed state is kept per thread, for the next
// message under the same key. available() must have held.
Digest mac(const EpochSecret& key, std::string_view message);

}  // namespace zeren::audit::sm3
