#include "domain/draw.hpp"

#include <limits>

namespace zeren {

namespace {
void put_u32(std::string& out, std::uint32_t v) {
  const char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                     static_cast<char>(v >> 8), static_cast<char>(v)};
  out.append(b, 4);
}
void put_u64(std::string& out, std::uint64_t v) {
  put_u32(out, static_cast<std::uint32_t>(v >> 32));
  put_u32(out, static_cast<std::uint32_t>(v));
}
void put_str(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}
}  // namespace

std::string canonical_draw(const DrawInput& in) {
  std::string out;
  out.reserve(2 + 8 + 4 + in.case_number.size() + 8 + 4 + 4 + in.candidates.size() * 26 + 32 + 4 +
              in.beacon.size());
  out.push_back('\x02');
  out.push_back(static_cast<char>(kDrawFormatVersion));
  put_u64(out, static_cast<std::uint64_t>(in.case_id.value));
  put_str(out, in.case_number);
  put_u64(out, static_cast<std::uint64_t>(in.plan_id.value));
  put_u32(out, static_cast<std::uint32_t>(in.plan_version));
  put_u32(out, static_cast<std::uint32_t>(in.candidates.size()));
  for (const auto& c : in.candidates) {
    put_u64(out, static_cast<std::uint64_t>(c.unit.value));
    put_u32(out, static_cast<std::uint32_t>(c.position));
    put_u64(out, static_cast<std::uint64_t>(c.weight_sum));
    put_u32(out, static_cast<std::uint32_t>(c.share_bp));
    out.push_back(c.eligible ? '\x01' : '\x00');
    out.push_back(c.in_band ? '\x01' : '\x00');
  }
  out.append(reinterpret_cast<const char*>(in.audit_head.data()), in.audit_head.size());
  put_str(out, in.beacon);
  return out;
}

DrawOutcome draw_index(const DrawMac& mac, std::string_view material, std::size_t n) {
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  // Accept x < floor(2^64 / n) * n = 2^64 - (2^64 mod n), i.e. x <= limit; no overflow.
  const std::uint64_t limit = max - (max % n + 1) % n;
  for (std::uint32_t k = 0;; ++k) {
    std::string msg(material);
    put_u32(msg, k);
    const Digest v = mac(msg);
    std::uint64_t x = 0;
    for (int i = 0; i < 8; ++i) x = (x << 8) | v[i];
    if (x <= limit) {
      return DrawOutcome{static_cast<std::size_t>(x % n), v, k};
    }
  }
}

}  // namespace zeren
