#include "audit/draw_verifier.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "audit/draw_crypto.hpp"
#include "domain/draw.hpp"
#include "domain/text.hpp"

namespace zeren::audit {

namespace {

// An entry's fields as views: into its text when no string there is escaped (a draw's fields are
// numbers, hex and codes), else into `parsed`, which parse_fields fills. Verification reads the
// log without parsing it and reads only the entries it checks, hundreds of fields each, without
// a copy of any. Empty when the text is not canonical.
struct FieldView {
  std::string_view key, value;
};
using Views = std::vector<FieldView>;

bool plain_string(std::string_view t, std::size_t& i, std::string_view& out) {
  if (i >= t.size() || t[i] != '"') return false;
  const char* from = t.data() + i + 1;
  const auto* quote = static_cast<const char*>(std::memchr(from, '"', t.size() - i - 1));
  if (quote == nullptr || std::memchr(from, '\\', static_cast<std::size_t>(quote - from)))
    return false;  // unterminated, or an escape
  const auto end = static_cast<std::size_t>(quote - t.data());
  out = t.substr(i + 1, end - i - 1);
  i = end + 1;
  return true;
}

Views views_of(const AuditEntry& e, std::vector<AuditField>& parsed) {
  Views v;
  const std::string_view t = e.fields_text;
  std::size_t i = 1;
  bool plain = !t.empty() && t[0] == '{';
  while (plain && i < t.size() && t[i] != '}') {
    if (!v.empty() && t[i++] != ',') plain = false;
    FieldView f;
    plain = plain && plain_string(t, i, f.key) && i < t.size() && t[i++] == ':' &&
            plain_string(t, i, f.value);
    v.push_back(f);
  }
  if (plain && i + 1 == t.size()) return v;
  v.clear();
  auto read = parse_fields(t);
  if (!read) return v;
  parsed = std::move(*read);
  for (const auto& f : parsed) v.push_back({f.key, f.value});
  return v;
}

// Canonical fields are in strictly increasing key order.
std::optional<std::string_view> field(const Views& fields, std::string_view key) {
  auto at = std::lower_bound(fields.begin(), fields.end(), key,
                             [](const FieldView& f, std::string_view k) { return f.key < k; });
  if (at == fields.end() || at->key != key) return std::nullopt;
  return at->value;
}

bool to_int(std::optional<std::string_view> s, std::int64_t& out) {
  if (!s || s->empty()) return false;
  const char* end = s->data() + s->size();
  const auto [stop, error] = std::from_chars(s->data(), end, out);
  return error == std::errc() && stop == end;
}

// The candidates of a draw entry, read in one sweep over its `candidates.<i>.<name>` fields.
struct Candidate {
  Assessment a;
  unsigned read = 0;  // a bit for each readable field below
};
enum : unsigned { kUnit = 1, kPosition = 2, kWeight = 4, kShare = 8, kEligible = 16, kInBand = 32 };

std::vector<Candidate> candidates_of(const Views& fields) {
  constexpr std::string_view prefix = "candidates.";
  std::vector<Candidate> out;
  auto at = std::lower_bound(fields.begin(), fields.end(), prefix,
                             [](const FieldView& f, std::string_view k) { return f.key < k; });
  for (; at != fields.end() && at->key.substr(0, prefix.size()) == prefix; ++at) {
    const std::string_view rest = at->key.substr(prefix.size());
    std::size_t i = 0;
    const auto [dot, error] = std::from_chars(rest.data(), rest.data() + rest.size(), i);
    if (error != std::errc() || dot == rest.data() + rest.size() || *dot != '.' || i > 10'000)
      continue;
    const std::string_view name = rest.substr(static_cast<std::size_t>(dot - rest.data()) + 1);
    if (out.size() <= i) out.resize(i + 1);
    Candidate& c = out[i];
    std::int64_t v = 0;
    const bool number = to_int(at->value, v);
    const auto set = [&](unsigned bit) { c.read |= number ? bit : 0; };
    if (name == "unit")
      c.a.unit = UnitId{v}, set(kUnit);
    else if (name == "position")
      c.a.position = static_cast<int>(v), set(kPosition);
    else if (name == "weight_sum")
      c.a.weight_sum = v, set(kWeight);
    else if (name == "share_bp")
      c.a.share_bp = static_cast<int>(v), set(kShare);
    else if (name == "eligible")
      c.a.eligible = v == 1, set(kEligible);
    else if (name == "in_band")
      c.a.in_band = v == 1, set(kInBand);
    else if (name == "exclusion")
      c.a.exclusion = std::string(at->value);
  }
  return out;
}

}  // namespace

// A case.assign entry with its fields read as views into it. It is held by pointer so that the
// views stay valid while it waits for its epoch's secret.
struct DrawVerifier::Waiting {
  AuditEntry e;
  Digest previous{};
  std::vector<AuditField> parsed;
  Views fields;
  Waiting(const AuditEntry& entry, const Digest& prev) : e(entry), previous(prev) {
    fields = views_of(e, parsed);
  }
};

DrawVerifier::DrawVerifier(HashAlgorithm hash) : hash_(hash) {}
DrawVerifier::~DrawVerifier() = default;

void DrawVerifier::feed(const AuditEntry& e, const Digest& previous) {
  const auto& action = e.event.action;
  if (action == "draw.epoch.open") return note_epoch(e);
  if (action == "draw.epoch.close") {
    note_epoch(e);
    auto it = waiting_.find(e.event.subject);
    if (it == waiting_.end()) return;
    auto draws = std::move(it->second);
    waiting_.erase(it);
    std::string epoch;
    for (const auto& w : draws)
      if (recompute(*w, epoch) == Outcome::waits) ++report_.pending;  // a reveal that failed
    return;
  }
  if (action != "case.assign") return;
  auto w = std::make_unique<Waiting>(e, previous);
  std::string epoch;
  if (recompute(*w, epoch) == Outcome::waits) waiting_[epoch].push_back(std::move(w));
}

void DrawVerifier::finish() {
  for (const auto& [epoch, draws] : waiting_) report_.pending += draws.size();
  waiting_.clear();
}

void DrawVerifier::fail(std::uint64_t seq, std::string case_number, std::string problem) {
  if (report_.first_bad_seq && *report_.first_bad_seq <= seq) return;
  report_.first_bad_seq = seq;
  report_.bad_case = std::move(case_number);
  report_.problem = std::move(problem);
}

void DrawVerifier::note_epoch(const AuditEntry& e) {
  const auto& ev = e.event;
  std::vector<AuditField> parsed;
  const Views fields = views_of(e, parsed);
  const std::string id = ev.subject;
  const auto commitment = field(fields, "commitment");
  Digest c{};
  if (!commitment || !hex_decode(*commitment, c.data(), c.size())) {
    fail(e.seq, "", "epoch entry " + std::to_string(e.seq) + " has no readable commitment");
    return;
  }
  if (ev.action == "draw.epoch.open") {
    epochs_[id].commitment = c;
    return;
  }
  // draw.epoch.close: the secret must be the one committed to.
  auto it = epochs_.find(id);
  const auto secret_hex = field(fields, "secret");
  std::array<std::uint8_t, 32> secret{};
  if (it == epochs_.end() || it->second.commitment != c || !secret_hex ||
      !hex_decode(*secret_hex, secret.data(), secret.size()) ||
      digest(hash_,
             std::string_view(reinterpret_cast<const char*>(secret.data()), secret.size())) != c) {
    fail(e.seq, "", "the secret revealed for " + id + " does not match its commitment");
    return;
  }
  it->second.secret = secret;
}

void DrawVerifier::check(const AuditEntry& e, const Digest& previous) {
  if (e.event.action != "case.assign") return;
  const Waiting w(e, previous);
  std::string epoch;
  if (recompute(w, epoch) == Outcome::waits) ++report_.pending;
}

DrawVerifier::Outcome DrawVerifier::recompute(const Waiting& w, std::string& epoch_id) {
  const AuditEntry& e = w.e;
  const Digest& previous = w.previous;
  const auto& ev = e.event;
  const Views& fields = w.fields;
  const auto method = field(fields, "method");
  if (!method || *method != "random") return Outcome::done;
  const std::string case_number(field(fields, "case_number").value_or(""));
  auto bad = [&](const std::string& why) {
    fail(e.seq, case_number,
         "draw for " + case_number + " (entry " + std::to_string(e.seq) + "): " + why);
    return Outcome::done;
  };
  std::int64_t epoch = 0, plan = 0, version = 0, index = 0, unit = 0, tolerance = 0;
  if (!to_int(field(fields, "epoch"), epoch) || !to_int(field(fields, "plan"), plan) ||
      !to_int(field(fields, "plan_version"), version) || !to_int(field(fields, "index"), index) ||
      !to_int(field(fields, "unit"), unit) || !to_int(field(fields, "tolerance"), tolerance))
    return bad("a draw field is missing or unreadable");
  auto it = epochs_.find("epoch:" + std::to_string(epoch));
  if (it == epochs_.end()) return bad("its epoch was never opened before it");
  if (!it->second.secret) {
    epoch_id = it->first;
    return Outcome::waits;
  }
  std::int64_t case_id = 0;
  const std::string prefix = "case:";
  if (ev.subject.rfind(prefix, 0) != 0) return bad("subject is not a case");
  if (!to_int(std::string_view(ev.subject).substr(prefix.size()), case_id))
    return bad("subject is not a case");

  DrawInput in;
  in.case_id = CaseId{case_id};
  in.case_number = case_number;
  in.plan_id = PlanId{plan};
  in.plan_version = static_cast<int>(version);
  const auto head = field(fields, "head");
  if (!head || !hex_decode(*head, in.audit_head.data(), in.audit_head.size()))
    return bad("the audit head is unreadable");
  if (in.audit_head != previous)
    return bad("the audit head is not the hash of the entry before it");
  const auto candidates = candidates_of(fields);
  for (std::size_t i = 0; i < candidates.size() && (candidates[i].read & kUnit); ++i) {
    const auto& c = candidates[i];
    constexpr unsigned all = kUnit | kPosition | kWeight | kShare | kEligible | kInBand;
    if (c.read != all || c.a.share_bp <= 0)
      return bad("candidate " + std::to_string(i) + " is unreadable");
    in.candidates.push_back(c.a);
  }
  // The band follows from the candidates: eligible, and within the tolerance of the least load.
  const Assessment* least = nullptr;
  for (const auto& a : in.candidates)
    if (a.eligible && (!least || load_less(a, *least))) least = &a;
  std::vector<UnitId> band;
  for (const auto& a : in.candidates) {
    const bool should = a.eligible && least && load_within(a, *least, static_cast<int>(tolerance));
    if (should != a.in_band) return bad("the band does not follow from the loads");
    if (a.in_band) band.push_back(a.unit);
  }
  if (band.empty()) return bad("the band is empty");

  const SystemDrawCrypto crypto(hash_);
  const Digest material = crypto.hash(canonical_draw(in));
  const auto secret = *it->second.secret;
  const auto drawn =
      draw_index([&](std::string_view m) { return crypto.mac(secret, m); },
                 std::string_view(reinterpret_cast<const char*>(material.data()), material.size()),
                 band.size());
  const auto value = field(fields, "value");
  if (!value || *value != hex_encode(drawn.value)) return bad("the drawn value does not recompute");
  if (static_cast<std::int64_t>(drawn.index) != index)
    return bad("the drawn index does not recompute");
  if (band[drawn.index].value != unit) return bad("the unit is not the one drawn");
  ++report_.verified;
  return Outcome::done;
}

}  // namespace zeren::audit
