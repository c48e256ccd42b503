// Audit records from their stored form (docs/audit_log_format.md): everything that decodes them.
//
// The input is text, one stored row a line, as `sqlite3 -separator $'\t'` prints the tables:
//   SEQ \t VERSION \t TIME_US \t ACTOR \t ACTION \t SUBJECT \t FIELDS \t HASH      (audit_log)
//   checkpoint \t ID \t SIZE \t HEAD \t SIGNED_AT_US \t KEY_ID \t SIGNATURE (audit_checkpoint)
// and optionally a first line naming the chain hash (sm3, sha256). Each row is decoded as the
// store decodes it (audit_rows.cpp: parse_fields, from_hex), then fed to the chain verifier (with
// the checkpoints, trusting the first checkpoint's key) and the draw verifier.
//
// Properties, beyond "no crash, no sanitizer report":
//  - parse_fields accepts only canonical text: canonical_fields(parse_fields(t)) == t;
//  - encode then decode: any fields canonical_fields accepts (values of arbitrary bytes) come back
//    from parse_fields as they went in, sorted by key;
//  - from_hex then to_hex gives the hex back (lower case); parse_algorithm then name_of the name;
//  - the verifier's report agrees with itself (ok ⇔ no first bad entry, verified ≤ entries);
//  - the decoded entries re-chained from seq 1 with their hashes recomputed verify, with a
//    checkpoint signed over their head; changing one entry's subject is found at exactly that
//    entry, and a checkpoint whose size was changed is refused.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/checkpoint.hpp"
#include "audit/draw_verifier.hpp"
#include "audit/record.hpp"
#include "audit/verifier.hpp"

namespace {

using namespace zeren;
using namespace zeren::audit;

[[noreturn]] void finding(const std::string& what) {
  std::fprintf(stderr, "fuzz_audit_record: %s\n", what.c_str());
  std::abort();
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (std::size_t pos = 0;;) {
    const std::size_t next = s.find(sep, pos);
    out.push_back(
        s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (next == std::string_view::npos) return out;
    pos = next + 1;
  }
}

template <class T>
std::optional<T> integer(std::string_view s) {
  T v{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

template <std::size_t N>
bool hex_field(std::string_view text, std::array<std::uint8_t, N>& out) {
  if (!from_hex(text, out)) return false;
  if (to_hex(out) != lower(text))
    finding("from_hex/to_hex do not round-trip: " + std::string(text));
  return true;
}

// The fields text as the store reads it, checked both ways.
std::vector<AuditField> decode_fields(std::string_view text) {
  auto parsed = parse_fields(text);
  if (!parsed) return {};
  auto again = canonical_fields(*parsed);
  if (!again || *again != text) finding("parse_fields accepted text that is not canonical");
  return std::move(*parsed);
}

void encode_then_decode(std::vector<AuditField> fields) {
  auto text = canonical_fields(fields);
  if (!text) return;
  auto back = parse_fields(*text);
  if (!back) finding("parse_fields refuses what canonical_fields wrote: " + *text);
  std::sort(fields.begin(), fields.end(),
            [](const AuditField& a, const AuditField& b) { return a.key < b.key; });
  if (*back != fields) finding("fields do not come back as written: " + *text);
}

std::optional<AuditEntry> decode_entry(const std::vector<std::string_view>& c) {
  auto seq = integer<std::uint64_t>(c[0]);
  auto version = integer<unsigned>(c[1]);
  auto time = integer<std::int64_t>(c[2]);
  if (!seq || !version || *version > 255 || !time) return std::nullopt;
  AuditEntry e;
  e.seq = *seq;
  e.version = static_cast<std::uint8_t>(*version);
  e.event.time_us = *time;
  e.event.actor = c[3];
  e.event.action = c[4];
  e.event.subject = c[5];
  e.fields_text = c[6];
  e.event.fields = decode_fields(c[6]);
  if (!hex_field(c[7], e.hash)) e.hash = Digest{};
  return e;
}

std::optional<AuditCheckpoint> decode_checkpoint(const std::vector<std::string_view>& c) {
  auto id = integer<std::int64_t>(c[1]);
  auto size = integer<std::uint64_t>(c[2]);
  auto at = integer<std::int64_t>(c[4]);
  if (!id || !size || !at) return std::nullopt;
  AuditCheckpoint k;
  k.id = *id;
  k.size = *size;
  k.signed_at_us = *at;
  k.key_id = c[5];
  if (!hex_field(c[3], k.head)) k.head = Digest{};
  if (!hex_field(c[6], k.signature)) k.signature = Signature{};
  return k;
}

void check_report(const VerifyReport& r) {
  if (r.ok != !r.first_bad_seq.has_value()) finding("report: ok disagrees with first_bad_seq");
  if (r.verified > r.entries) finding("report: more verified than entries");
  if (r.ok != r.problem.empty()) finding("report: ok disagrees with problem");
}

const SigningKey& test_key() {
  static const SigningKey key = signing_key_from_seed(std::array<std::uint8_t, 32>{7, 7, 7});
  return key;
}

// The entries re-chained from seq 1: they verify, a changed entry is found where it was changed.
void rechain(std::vector<AuditEntry> entries, HashAlgorithm hash, std::size_t pick) {
  if (entries.size() > 64) entries.resize(64);
  Digest previous{};
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto& e = entries[i];
    e.seq = i + 1;
    e.version = kRecordVersion;
    auto text = canonical_fields(e.event.fields);
    e.fields_text = text ? *text : "{}";
    e.hash = chain_hash(hash, e.version, previous,
                        canonical_record(e.seq, e.event.time_us, e.event.actor, e.event.action,
                                         e.event.subject, e.fields_text));
    previous = e.hash;
  }
  const std::uint64_t n = entries.size();
  std::vector<AuditCheckpoint> checkpoints;
  if (n > 0) checkpoints.push_back(sign_checkpoint(test_key(), n, previous, 1));
  ChainVerifier good(hash, checkpoints);
  for (const auto& e : entries)
    if (!good.feed(e)) finding("a re-chained entry does not verify: " + std::to_string(e.seq));
  const VerifyReport ok = good.finish(test_key().public_key);
  check_report(ok);
  if (!ok.ok || ok.verified != n)
    finding("a re-chained log with its checkpoint fails: " + ok.problem);
  if (n == 0) return;

  const std::size_t k = pick % n;
  auto tampered = entries;
  tampered[k].event.subject += "x";
  ChainVerifier bad(hash, checkpoints);
  for (const auto& e : tampered)
    if (!bad.feed(e)) break;
  const VerifyReport r = bad.finish(test_key().public_key);
  check_report(r);
  if (r.ok || r.first_bad_seq != k + 1)
    finding("a changed entry " + std::to_string(k + 1) + " is not found there");

  auto moved = checkpoints;
  moved[0].size += 1;
  ChainVerifier resized(hash, moved);
  for (const auto& e : entries) resized.feed(e);
  if (resized.finish(test_key().public_key).ok) finding("a checkpoint with a changed size passes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto lines = split(text, '\n');
  if (!lines.empty() && !lines.back().empty() && lines.back().back() == '\r')
    lines.back().remove_suffix(1);

  HashAlgorithm hash = HashAlgorithm::sm3;
  if (!lines.empty()) {
    if (auto a = parse_algorithm(lines.front())) {
      if (name_of(*a) != lines.front()) finding("parse_algorithm/name_of do not round-trip");
      hash = *a;
    }
  }

  std::vector<AuditEntry> entries;
  std::vector<AuditCheckpoint> checkpoints;
  for (auto line : lines) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto cols = split(line, '\t');
    if (cols.size() == 7 && cols[0] == "checkpoint") {
      if (auto c = decode_checkpoint(cols)) checkpoints.push_back(std::move(*c));
    } else if (cols.size() == 8) {
      if (auto e = decode_entry(cols)) entries.push_back(std::move(*e));
    } else {
      (void)decode_fields(line);  // a line alone: fields text
    }
  }

  // The key the first checkpoint names (as `zeren audit verify` would trust the .pub file).
  PublicKey key{};
  if (!checkpoints.empty() && !from_hex(checkpoints.front().key_id, key)) key = PublicKey{};

  ChainVerifier chain(hash, checkpoints);
  DrawVerifier draws(hash);
  for (const auto& e : entries) {
    if (!chain.feed(e)) break;
  }
  check_report(chain.finish(key));
  for (const auto& e : entries)
    if (e.event.action == "draw.epoch.open" || e.event.action == "draw.epoch.close")
      draws.note_epoch(e);
  Digest previous{};
  for (const auto& e : entries) {
    draws.check(e, previous);
    previous = e.hash;
  }
  const auto& d = draws.report();
  if (d.first_bad_seq.has_value() == d.problem.empty())
    finding("draw report disagrees with itself");

  // Encode then decode: the decoded fields with the row's other columns as more values.
  for (const auto& e : entries) {
    auto fields = e.event.fields;
    fields.push_back({"zz.actor", e.event.actor});
    fields.push_back({"zz.subject", e.event.subject});
    fields.push_back({std::string(e.event.action), e.fields_text});
    encode_then_decode(std::move(fields));
  }
  rechain(entries, hash, size);
  return 0;
}
