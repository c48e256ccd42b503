#include "audit/draw_verifier.hpp"

#include <openssl/evp.h>

#include "audit/draw_crypto.hpp"
#include "domain/draw.hpp"
#include "domain/text.hpp"

namespace zeren::audit {

namespace {

const std::string* field(const AuditEvent& e, const std::string& key) {
  for (const auto& f : e.fields)
    if (f.key == key) return &f.value;
  return nullptr;
}

bool to_int(const std::string* s, std::int64_t& out) {
  if (!s || s->empty()) return false;
  try {
    std::size_t used = 0;
    out = std::stoll(*s, &used);
    return used == s->size();
  } catch (...) {
    return false;
  }
}

}  // namespace

void DrawVerifier::fail(std::uint64_t seq, std::string case_number, std::string problem) {
  if (report_.first_bad_seq && *report_.first_bad_seq <= seq) return;
  report_.first_bad_seq = seq;
  report_.bad_case = std::move(case_number);
  report_.problem = std::move(problem);
}

void DrawVerifier::note_epoch(const AuditEntry& e) {
  const auto& ev = e.event;
  const std::string id = ev.subject;
  const auto* commitment = field(ev, "commitment");
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
  const auto* secret_hex = field(ev, "secret");
  std::array<std::uint8_t, 32> secret{};
  if (it == epochs_.end() || it->second.commitment != c || !secret_hex ||
      !hex_decode(*secret_hex, secret.data(), secret.size()) ||
      digest(hash_, std::string_view(reinterpret_cast<const char*>(secret.data()), secret.size())) != c) {
    fail(e.seq, "", "the secret revealed for " + id + " does not match its commitment");
    return;
  }
  it->second.secret = secret;
}

void DrawVerifier::check(const AuditEntry& e, const Digest& previous) {
  const auto& ev = e.event;
  if (ev.action != "case.assign") return;
  const auto* method = field(ev, "method");
  if (!method || *method != "random") return;
  const auto* number = field(ev, "case_number");
  const std::string case_number = number ? *number : "";
  auto bad = [&](const std::string& why) {
    fail(e.seq, case_number, "draw for " + case_number + " (entry " + std::to_string(e.seq) + "): " + why);
  };
  std::int64_t epoch = 0, plan = 0, version = 0, index = 0, unit = 0, tolerance = 0;
  if (!to_int(field(ev, "epoch"), epoch) || !to_int(field(ev, "plan"), plan) ||
      !to_int(field(ev, "plan_version"), version) || !to_int(field(ev, "index"), index) ||
      !to_int(field(ev, "unit"), unit) || !to_int(field(ev, "tolerance"), tolerance))
    return bad("a draw field is missing or unreadable");
  auto it = epochs_.find("epoch:" + std::to_string(epoch));
  if (it == epochs_.end()) return bad("its epoch was never opened before it");
  if (!it->second.secret) {
    ++report_.pending;
    return;
  }
  std::int64_t case_id = 0;
  const std::string prefix = "case:";
  if (ev.subject.rfind(prefix, 0) != 0) return bad("subject is not a case");
  const std::string id_text = ev.subject.substr(prefix.size());
  if (!to_int(&id_text, case_id)) return bad("subject is not a case");

  DrawInput in;
  in.case_id = CaseId{case_id};
  in.case_number = case_number;
  in.plan_id = PlanId{plan};
  in.plan_version = static_cast<int>(version);
  const auto* head = field(ev, "head");
  if (!head || !hex_decode(*head, in.audit_head.data(), in.audit_head.size()))
    return bad("the audit head is unreadable");
  if (in.audit_head != previous) return bad("the audit head is not the hash of the entry before it");
  for (int i = 0;; ++i) {
    const std::string k = "candidates." + std::to_string(i) + ".";
    std::int64_t u = 0, pos = 0, w = 0, share = 0, eligible = 0, in_band = 0;
    if (!to_int(field(ev, k + "unit"), u)) break;
    if (!to_int(field(ev, k + "position"), pos) || !to_int(field(ev, k + "weight_sum"), w) ||
        !to_int(field(ev, k + "share_bp"), share) || !to_int(field(ev, k + "eligible"), eligible) ||
        !to_int(field(ev, k + "in_band"), in_band) || share <= 0)
      return bad("candidate " + std::to_string(i) + " is unreadable");
    const auto* exclusion = field(ev, k + "exclusion");
    in.candidates.push_back(Assessment{UnitId{u}, static_cast<int>(pos), w, static_cast<int>(share),
                                       eligible == 1, exclusion ? *exclusion : "", in_band == 1});
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

  const OpenSslDrawCrypto crypto(hash_);
  const Digest material = crypto.hash(canonical_draw(in));
  const auto secret = *it->second.secret;
  const auto drawn = draw_index([&](std::string_view m) { return crypto.mac(secret, m); },
                                std::string_view(reinterpret_cast<const char*>(material.data()),
                                                 material.size()),
                                band.size());
  const auto* value = field(ev, "value");
  if (!value || *value != hex_encode(drawn.value)) return bad("the drawn value does not recompute");
  if (static_cast<std::int64_t>(drawn.index) != index) return bad("the drawn index does not recompute");
  if (band[drawn.index].value != unit) return bad("the unit is not the one drawn");
  ++report_.verified;
}

}  // namespace zeren::audit
