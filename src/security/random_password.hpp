// Random passwords for people to read off a screen and type: libsodium's randombytes over letters
// and digits without the look-alikes 0/O/o and 1/l/I, redrawn until zeren::check_password_rule
// accepts them (here: lower-case, upper-case and digit all present).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace zeren {

// length: at least 10 (the password rule's minimum); fewer throws std::invalid_argument.
// 14 characters of this 56-symbol alphabet carry about 81 bits.
std::string random_password(std::size_t length = 14);

// The characters random_password draws from.
std::string_view random_password_alphabet();

}  // namespace zeren
