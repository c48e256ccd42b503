// Big-endian integers for the byte formats the audit chain, its checkpoints and the draws commit
// to (docs/audit_log_format.md, docs/draw_format.md): u32be and u64be, appended to a string or laid
// into a buffer sized beforehand.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

namespace zeren {

// Each writes its integer with one store: written a byte at a time, GCC merges the stores only
// outside loops (a char* may alias the source), and the draw lays 50 candidates in one.
inline char* put_u32be(char* out, std::uint32_t v) {
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap32(v);
  std::memcpy(out, &v, sizeof v);
  return out + sizeof v;
}
inline char* put_u64be(char* out, std::uint64_t v) {
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
  std::memcpy(out, &v, sizeof v);
  return out + sizeof v;
}
inline void append_u32be(std::string& out, std::uint32_t v) {
  char b[4];
  out.append(b, put_u32be(b, v));
}
inline void append_u64be(std::string& out, std::uint64_t v) {
  char b[8];
  out.append(b, put_u64be(b, v));
}

}  // namespace zeren
