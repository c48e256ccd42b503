// Big-endian integers for the byte formats the audit chain, its checkpoints and the draws commit
// to (docs/audit_log_format.md, docs/draw_format.md): u32be and u64be, appended to a string or laid
// into a buffer sized beforehand.
#pragma once

#include <cstdint>
#include <string>

namespace zeren {

inline char* put_u32be(char* out, std::uint32_t v) {
  out[0] = static_cast<char>(v >> 24);
  out[1] = static_cast<char>(v >> 16);
  out[2] = static_cast<char>(v >> 8);
  out[3] = static_cast<char>(v);
  return out + 4;
}
inline char* put_u64be(char* out, std::uint64_t v) {
  return put_u32be(put_u32be(out, static_cast<std::uint32_t>(v >> 32)),
                   static_cast<std::uint32_t>(v));
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
