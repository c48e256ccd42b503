#include "audit/record.hpp"

#include "audit/sm3.hpp"
#include "domain/big_endian.hpp"
#include "domain/text.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <memory>

namespace zeren::audit {

std::string_view name_of(HashAlgorithm a) {
  return a == HashAlgorithm::sm3 ? "sm3" : "sha256";
}

Result<HashAlgorithm> parse_algorithm(std::string_view name) {
  if (name == "sm3") return HashAlgorithm::sm3;
  if (name == "sha256") return HashAlgorithm::sha256;
  return Error::invalid("hash", "invalid_hash", "hash algorithm is sm3 or sha256");
}

namespace {

struct MdDeleter {
  void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};

// SHA-256, fetched once per process; OpenSSL's EVP_MD objects are safe to share between threads.
// SM3 is libgcrypt's (audit/sm3.hpp).
const EVP_MD* sha256() {
  static const std::unique_ptr<EVP_MD, MdDeleter> md(EVP_MD_fetch(nullptr, "SHA256", nullptr));
  return md.get();
}

void put_str(std::string& out, std::string_view s) {
  append_u32be(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

bool valid_key(std::string_view k) {
  if (k.empty() || k.size() > 64) return false;
  return std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

// The bytes written as they are: all but `"`, `\` and those below 0x20 (one look-up per byte
// instead of three comparisons; every audit entry's fields pass through here).
constexpr std::array<bool, 256> kLiteral = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 256; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

void put_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;  // start of the characters copied as they are
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    const auto c = static_cast<unsigned char>(ch);
    if (kLiteral[c]) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    if (c >= 0x20) {
      out.push_back('\\');
      out.push_back(ch);
    } else {
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

}  // namespace

Status check_available(HashAlgorithm a) {
  if (a == HashAlgorithm::sm3 && !sm3::available())
    return Error{ErrorKind::unavailable, "hash_unavailable",
                 "this libgcrypt does not provide SM3 and HMAC-SM3; install libgcrypt 1.10 or "
                 "later outside FIPS mode, or create the database with --hash sha256",
                 "hash"};
  if (a == HashAlgorithm::sha256 && sha256() == nullptr)
    return Error{ErrorKind::unavailable, "hash_unavailable",
                 "this OpenSSL does not provide SHA-256; install an OpenSSL 3 with the default "
                 "provider",
                 "hash"};
  return ok_status();
}

Result<std::string> canonical_fields(const std::vector<AuditField>& fields) {
  // Sorted by key through pointers: the fields' strings are neither copied nor moved.
  std::vector<const AuditField*> sorted;
  sorted.reserve(fields.size());
  std::size_t size = 2;
  for (const auto& f : fields) {
    sorted.push_back(&f);
    size += f.key.size() + f.value.size() + 6;
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const AuditField* a, const AuditField* b) { return a->key < b->key; });
  std::string out;
  out.reserve(size);
  out.push_back('{');
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const AuditField& f = *sorted[i];
    if (!valid_key(f.key))
      return Error::invalid("fields", "invalid_audit_key",
                            "audit field key \"" + f.key + "\" is not 1..64 of [a-z0-9_.]");
    if (i > 0 && f.key == sorted[i - 1]->key)
      return Error::invalid("fields", "duplicate_audit_key",
                            "audit field key \"" + f.key + "\" appears twice");
    if (i > 0) out.push_back(',');
    put_json_string(out, f.key);
    out.push_back(':');
    put_json_string(out, f.value);
  }
  out.push_back('}');
  return out;
}

Result<std::vector<AuditField>> parse_fields(std::string_view t) {
  auto bad = [] {
    return Error{ErrorKind::corruption, "bad_audit_fields", "audit fields are not canonical",
                 "fields"};
  };
  std::size_t i = 0;
  auto read_string = [&](std::string& out) -> bool {
    if (i >= t.size() || t[i] != '"') return false;
    ++i;
    while (i < t.size() && t[i] != '"') {
      if (t[i] == '\\') {
        if (i + 1 >= t.size()) return false;
        const char e = t[i + 1];
        if (e == '"' || e == '\\') {
          out.push_back(e);
          i += 2;
        } else if (e == 'u' && i + 5 < t.size() && t.substr(i + 2, 2) == "00") {
          auto hexval = [](char c) { return c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - '0'; };
          const char h = t[i + 4], l = t[i + 5];
          auto ok = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
          if (!ok(h) || !ok(l)) return false;
          const int v = hexval(h) * 16 + hexval(l);
          if (v >= 0x20) return false;
          out.push_back(static_cast<char>(v));
          i += 6;
        } else {
          return false;
        }
      } else {
        const std::size_t from = i;  // a run of characters written as they are
        while (i < t.size() && t[i] != '"' && t[i] != '\\' &&
               static_cast<unsigned char>(t[i]) >= 0x20)
          ++i;
        if (i == from) return false;  // a control character
        out.append(t.data() + from, i - from);
      }
    }
    if (i >= t.size()) return false;
    ++i;
    return true;
  };
  std::vector<AuditField> fields;
  if (t.empty() || t[0] != '{') return bad();
  i = 1;
  while (i < t.size() && t[i] != '}') {
    if (!fields.empty()) {
      if (t[i] != ',') return bad();
      ++i;
    }
    AuditField f;
    if (!read_string(f.key) || i >= t.size() || t[i] != ':') return bad();
    ++i;
    if (!read_string(f.value)) return bad();
    // Canonical: valid keys in strictly increasing order (canonical_fields sorts them and refuses
    // a repeated one); the reader above accepts only the escapes canonical_fields writes.
    if (!valid_key(f.key) || (!fields.empty() && !(fields.back().key < f.key))) return bad();
    fields.push_back(std::move(f));
  }
  if (i + 1 != t.size()) return bad();
  return fields;
}

namespace {
// canonical(record) up to the fields text's own bytes: everything but them, their length included.
void put_record_head(std::string& out, std::uint64_t seq, std::int64_t time_us,
                     std::string_view actor, std::string_view action, std::string_view subject,
                     std::size_t fields_size) {
  append_u64be(out, seq);
  append_u64be(out, static_cast<std::uint64_t>(time_us));
  put_str(out, actor);
  put_str(out, action);
  put_str(out, subject);
  append_u32be(out, static_cast<std::uint32_t>(fields_size));
}
}  // namespace

std::string canonical_record(std::uint64_t seq, std::int64_t time_us, std::string_view actor,
                             std::string_view action, std::string_view subject,
                             std::string_view fields_text) {
  std::string out;
  out.reserve(8 + 8 + 16 + actor.size() + action.size() + subject.size() + fields_text.size());
  put_record_head(out, seq, time_us, actor, action, subject, fields_text.size());
  out.append(fields_text);
  return out;
}

namespace {
struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

Digest run_digest(HashAlgorithm a, std::initializer_list<std::string_view> parts) {
  if (a == HashAlgorithm::sm3) return sm3::digest(parts);
  // One context per thread, initialised afresh for each digest: no allocation per entry.
  thread_local const std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  Digest out{};
  unsigned int len = 0;
  const bool ok = ctx != nullptr && EVP_DigestInit_ex(ctx.get(), sha256(), nullptr) == 1 &&
                  std::all_of(parts.begin(), parts.end(),
                              [&](std::string_view p) {
                                return EVP_DigestUpdate(ctx.get(), p.data(), p.size()) == 1;
                              }) &&
                  EVP_DigestFinal_ex(ctx.get(), out.data(), &len) == 1 && len == out.size();
  if (!ok) std::abort();  // only when check_available was skipped: a programming error
  return out;
}
}  // namespace

Digest chain_hash(HashAlgorithm a, std::uint8_t version, const Digest& previous,
                  std::string_view canonical) {
  const char prefix[2] = {'\0', static_cast<char>(version)};
  return run_digest(
      a, {std::string_view(prefix, 2),
          std::string_view(reinterpret_cast<const char*>(previous.data()), 32), canonical});
}

Digest entry_hash(HashAlgorithm a, std::uint8_t version, const Digest& previous, std::uint64_t seq,
                  std::int64_t time_us, std::string_view actor, std::string_view action,
                  std::string_view subject, std::string_view fields_text) {
  thread_local std::string head;  // 0x00 || version || previous || the record's head
  head.clear();
  head.push_back('\0');
  head.push_back(static_cast<char>(version));
  head.append(reinterpret_cast<const char*>(previous.data()), previous.size());
  put_record_head(head, seq, time_us, actor, action, subject, fields_text.size());
  return run_digest(a, {head, fields_text});
}

Digest digest(HashAlgorithm a, std::string_view bytes) {
  return run_digest(a, {bytes});
}

std::string to_hex(const std::uint8_t* data, std::size_t n) {
  return hex_encode(data, n);
}

template <std::size_t N>
bool from_hex(std::string_view hex, std::array<std::uint8_t, N>& out) {
  return hex_decode(hex, out.data(), N);
}

template bool from_hex<32>(std::string_view, std::array<std::uint8_t, 32>&);
template bool from_hex<64>(std::string_view, std::array<std::uint8_t, 64>&);

}  // namespace zeren::audit
