#include "domain/draw.hpp"

#include <limits>

#include "domain/big_endian.hpp"

namespace zeren {

namespace {
// Writers into a buffer sized beforehand: the canonical input of a 50-unit department
// is about 1.4 KB, written once per draw, so it is laid down without growing a string.
char* put_bytes(char* out, std::string_view s) {
  s.copy(out, s.size());
  return out + s.size();
}
char* put_str(char* out, std::string_view s) {
  return put_bytes(put_u32be(out, static_cast<std::uint32_t>(s.size())), s);
}
constexpr std::size_t kCandidateBytes = 8 + 4 + 8 + 4 + 1 + 1;
}  // namespace

std::string canonical_draw(const DrawInput& in) {
  std::string out(2 + 8 + 4 + in.case_number.size() + 8 + 4 + 4 +
                      in.candidates.size() * kCandidateBytes + in.audit_head.size() + 4 +
                      in.beacon.size(),
                  '\0');
  char* p = out.data();
  *p++ = '\x02';
  *p++ = static_cast<char>(kDrawFormatVersion);
  p = put_u64be(p, static_cast<std::uint64_t>(in.case_id.value));
  p = put_str(p, in.case_number);
  p = put_u64be(p, static_cast<std::uint64_t>(in.plan_id.value));
  p = put_u32be(p, static_cast<std::uint32_t>(in.plan_version));
  p = put_u32be(p, static_cast<std::uint32_t>(in.candidates.size()));
  for (const auto& c : in.candidates) {
    p = put_u64be(p, static_cast<std::uint64_t>(c.unit.value));
    p = put_u32be(p, static_cast<std::uint32_t>(c.position));
    p = put_u64be(p, static_cast<std::uint64_t>(c.weight_sum));
    p = put_u32be(p, static_cast<std::uint32_t>(c.share_bp));
    *p++ = c.eligible ? '\x01' : '\x00';
    *p++ = c.in_band ? '\x01' : '\x00';
  }
  p = put_bytes(p, std::string_view(reinterpret_cast<const char*>(in.audit_head.data()),
                                    in.audit_head.size()));
  put_str(p, in.beacon);
  return out;
}

DrawOutcome draw_index(const DrawMac& mac, std::string_view material, std::size_t n) {
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  // Accept x < floor(2^64 / n) * n = 2^64 - (2^64 mod n), i.e. x <= limit; no overflow.
  const std::uint64_t limit = max - (max % n + 1) % n;
  std::string msg(material.size() + 4, '\0');
  put_bytes(msg.data(), material);
  for (std::uint32_t k = 0;; ++k) {
    put_u32be(msg.data() + material.size(), k);
    const Digest v = mac(msg);
    std::uint64_t x = 0;
    for (int i = 0; i < 8; ++i) x = (x << 8) | v[i];
    if (x <= limit) {
      return DrawOutcome{static_cast<std::size_t>(x % n), v, k};
    }
  }
}

}  // namespace zeren
