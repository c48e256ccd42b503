// Verifiable draws with the real HMAC-SM3: the worked example of docs/draw_format.md, uniformity,
// determinism, and the draw verifier against tampered inputs.
#include <gtest/gtest.h>

#include "audit/draw_crypto.hpp"
#include "audit/draw_verifier.hpp"
#include "domain/draw.hpp"
#include "domain/text.hpp"

namespace zeren::audit {
namespace {

const SystemDrawCrypto kSm3(HashAlgorithm::sm3);

std::string_view bytes(const Digest& d) {
  return std::string_view(reinterpret_cast<const char*>(d.data()), d.size());
}

DrawInput example() {
  Digest head{};
  head.fill(0x11);
  return DrawInput{CaseId{12}, "嘉检刑诉受〔2026〕12号", PlanId{1}, 1,
                   {{UnitId{1}, 1, 4, 10000, true, "", true},
                    {UnitId{2}, 2, 5, 10000, true, "", false},
                    {UnitId{3}, 3, 4, 10000, true, "", true}},
                   head, ""};
}

EpochSecret example_secret() {
  EpochSecret s{};
  s.fill(0x5a);
  return s;
}

TEST(DrawFormat, WorkedExampleFromTheDocument) {
  const auto canonical = canonical_draw(example());
  EXPECT_EQ(hex_encode(reinterpret_cast<const std::uint8_t*>(canonical.data()), canonical.size()),
            "0201000000000000000c0000001ee59889e6a380e58891e8af89e58f97e3809432303236e380953132e5"
            "8fb700000000000000010000000100000003000000000000000100000001000000000000000400002710"
            "0101000000000000000200000002000000000000000500002710010000000000000000030000000300000"
            "000000000040000271001011111111111111111111111111111111111111111111111111111111111111111"
            "00000000");
  const Digest material = kSm3.hash(canonical);
  EXPECT_EQ(hex_encode(material), "03e3019f421e9688776410c3424b0a9c2fa4ea61f45a669e67182c31c1ceef27");
  EXPECT_EQ(hex_encode(kSm3.commitment(example_secret())),
            "ac060a75958f4be4c30d25b3f0948f824bbb1dd2f156c3bb52c2262ca83625ab");
  const auto secret = example_secret();
  const auto d = draw_index([&](std::string_view m) { return kSm3.mac(secret, m); }, bytes(material), 2);
  EXPECT_EQ(hex_encode(d.value), "dfb488f082c3f9fbd900215b078fc430c8aaadd9a46c11bbfe9e9d05b2e61d8b");
  EXPECT_EQ(d.attempt, 0u);
  EXPECT_EQ(d.index, 1u);  // the band is units 1 and 3: unit 3
}

TEST(Draw, TheSameInputsGiveTheSameDraw) {
  const auto secret = example_secret();
  const Digest material = kSm3.hash(canonical_draw(example()));
  auto once = [&] {
    return draw_index([&](std::string_view m) { return kSm3.mac(secret, m); }, bytes(material), 5);
  };
  const auto a = once(), b = once();
  EXPECT_EQ(a.value, b.value);
  EXPECT_EQ(a.index, b.index);
  EpochSecret other = secret;
  other[0] ^= 1;
  const auto c = draw_index([&](std::string_view m) { return kSm3.mac(other, m); }, bytes(material), 5);
  EXPECT_NE(a.value, c.value);
}

TEST(Draw, IndicesAreUniform) {
  // 100,000 draws over a band of 7 with a fixed secret and distinct inputs; chi-square with 6
  // degrees of freedom stays below 22.46 (p = 0.001) for a uniform source.
  const auto secret = example_secret();
  constexpr int kBand = 7, kDraws = 100000;
  std::array<int, kBand> counts{};
  for (int i = 0; i < kDraws; ++i) {
    const Digest material = kSm3.hash("draw " + std::to_string(i));
    ++counts[draw_index([&](std::string_view m) { return kSm3.mac(secret, m); }, bytes(material),
                        kBand)
                 .index];
  }
  const double expected = double(kDraws) / kBand;
  double chi2 = 0;
  for (int c : counts) chi2 += (c - expected) * (c - expected) / expected;
  EXPECT_LT(chi2, 22.46) << "counts " << counts[0] << " " << counts[1] << " " << counts[2];
}

// The three entries a draw leaves in the log, built as app/assign_case.cpp and app/draws.cpp do.
struct DrawnLog {
  AuditEntry open, assign, close;
  Digest previous{};
};

DrawnLog drawn_log(const DrawInput& in = example()) {
  DrawnLog log;
  const auto secret = example_secret();
  log.previous = in.audit_head;
  const Digest material = kSm3.hash(canonical_draw(in));
  const auto d = draw_index([&](std::string_view m) { return kSm3.mac(secret, m); }, bytes(material), 2);
  const std::string commitment = hex_encode(kSm3.commitment(secret));
  log.open.seq = 10;
  log.open.event = {0, "system", "draw.epoch.open", "epoch:1", {{"day", "2026-11-25"}, {"commitment", commitment}}};
  log.assign.seq = 12;
  auto& f = log.assign.event.fields;
  log.assign.event.action = "case.assign";
  log.assign.event.subject = "case:12";
  f = {{"method", "random"}, {"unit", "3"}, {"case_number", in.case_number}, {"plan", "1"},
       {"plan_version", "1"}, {"tolerance", "0"}, {"epoch", "1"}, {"head", hex_encode(in.audit_head)},
       {"value", hex_encode(d.value)}, {"index", std::to_string(d.index)}};
  for (std::size_t i = 0; i < in.candidates.size(); ++i) {
    const auto& c = in.candidates[i];
    const std::string k = "candidates." + std::to_string(i) + ".";
    f.push_back({k + "unit", std::to_string(c.unit.value)});
    f.push_back({k + "position", std::to_string(c.position)});
    f.push_back({k + "weight_sum", std::to_string(c.weight_sum)});
    f.push_back({k + "share_bp", std::to_string(c.share_bp)});
    f.push_back({k + "eligible", c.eligible ? "1" : "0"});
    f.push_back({k + "in_band", c.in_band ? "1" : "0"});
  }
  log.close.seq = 20;
  log.close.event = {0, "system", "draw.epoch.close", "epoch:1",
                     {{"day", "2026-11-25"}, {"commitment", commitment}, {"secret", hex_encode(secret)}}};
  return log;
}

// The entry as the log holds it: the verifier reads the fields text that was hashed.
AuditEntry logged(AuditEntry e) {
  e.fields_text = *canonical_fields(e.event.fields);
  e.event.fields.clear();
  return e;
}

DrawReport verify(const DrawnLog& log, bool revealed = true) {
  DrawVerifier v(HashAlgorithm::sm3);
  v.note_epoch(logged(log.open));
  if (revealed) v.note_epoch(logged(log.close));
  v.check(logged(log.assign), log.previous);
  return v.report();
}

void set(AuditEntry& e, const std::string& key, const std::string& value) {
  for (auto& f : e.event.fields)
    if (f.key == key) f.value = value;
}

TEST(DrawVerifier, RecomputesAnHonestDraw) {
  const auto r = verify(drawn_log());
  EXPECT_FALSE(r.first_bad_seq) << r.problem;
  EXPECT_EQ(r.verified, 1u);
  const auto pending = verify(drawn_log(), false);
  EXPECT_EQ(pending.verified, 0u);
  EXPECT_EQ(pending.pending, 1u);
}

// Field text with an escaped string is read by the full parser, not as views into the text.
TEST(DrawVerifier, RecomputesADrawWhoseFieldsHoldEscapedText) {
  DrawInput in = example();
  in.case_number = "嘉检刑诉受\"2026\"12号\\甲\n";
  const auto log = drawn_log(in);
  EXPECT_NE(logged(log.assign).fields_text.find("\\\""), std::string::npos);
  const auto r = verify(log);
  EXPECT_FALSE(r.first_bad_seq) << r.problem;
  EXPECT_EQ(r.verified, 1u);
}

TEST(DrawVerifier, NamesTheCaseWhenAnInputWasChanged) {
  auto expect_bad = [](DrawnLog log, const char* what) {
    const auto r = verify(log);
    ASSERT_TRUE(r.first_bad_seq) << what;
    EXPECT_EQ(*r.first_bad_seq, 12u) << what;
    EXPECT_EQ(r.bad_case, "嘉检刑诉受〔2026〕12号") << what;
    EXPECT_EQ(r.verified, 0u);
  };
  auto log = drawn_log();
  set(log.assign, "unit", "1");  // another unit of the band
  expect_bad(log, "unit");
  log = drawn_log();
  set(log.assign, "candidates.1.weight_sum", "4");  // unit 2 would have been in the band
  expect_bad(log, "load");
  log = drawn_log();
  set(log.assign, "candidates.0.weight_sum", "3");  // same band, different inputs
  set(log.assign, "candidates.2.weight_sum", "3");
  set(log.assign, "candidates.1.weight_sum", "4");
  expect_bad(log, "loads");
  log = drawn_log();
  set(log.assign, "case_number", "嘉检刑诉受〔2026〕13号");
  {
    const auto r = verify(log);
    EXPECT_TRUE(r.first_bad_seq);
  }
  log = drawn_log();
  log.previous[0] ^= 1;  // the draw claims a head that was not the log's
  expect_bad(log, "head");
}

// Fed the log once in order, as audit verify does: the draw is made while its epoch is open and
// recomputed when the epoch's close reveals the secret further on.
TEST(DrawVerifier, FedTheLogInOrderADrawWaitsForItsEpochsReveal) {
  const auto log = drawn_log();
  DrawVerifier v(HashAlgorithm::sm3);
  v.feed(logged(log.open), Digest{});
  v.feed(logged(log.assign), log.previous);
  EXPECT_EQ(v.report().verified, 0u);  // waiting: the secret is not known yet
  v.feed(logged(log.close), Digest{});
  v.finish();
  EXPECT_FALSE(v.report().first_bad_seq) << v.report().problem;
  EXPECT_EQ(v.report().verified, 1u);
  EXPECT_EQ(v.report().pending, 0u);

  DrawVerifier open(HashAlgorithm::sm3);  // the epoch is still open at the log's end
  open.feed(logged(log.open), Digest{});
  open.feed(logged(log.assign), log.previous);
  open.finish();
  EXPECT_EQ(open.report().verified, 0u);
  EXPECT_EQ(open.report().pending, 1u);

  auto changed = drawn_log();  // found at the reveal, named by the draw's own entry
  set(changed.assign, "unit", "1");
  DrawVerifier bad(HashAlgorithm::sm3);
  bad.feed(logged(changed.open), Digest{});
  bad.feed(logged(changed.assign), changed.previous);
  bad.feed(logged(changed.close), Digest{});
  bad.finish();
  ASSERT_TRUE(bad.report().first_bad_seq);
  EXPECT_EQ(*bad.report().first_bad_seq, 12u);
  EXPECT_EQ(bad.report().bad_case, "嘉检刑诉受〔2026〕12号");

  DrawVerifier unopened(HashAlgorithm::sm3);  // a draw before its epoch was opened
  unopened.feed(logged(log.assign), log.previous);
  unopened.feed(logged(log.open), Digest{});
  unopened.feed(logged(log.close), Digest{});
  unopened.finish();
  ASSERT_TRUE(unopened.report().first_bad_seq);
  EXPECT_EQ(*unopened.report().first_bad_seq, 12u);
}

TEST(DrawVerifier, ARevealedSecretMustMatchItsCommitment) {
  auto log = drawn_log();
  EpochSecret other = example_secret();
  other[5] ^= 0x40;
  set(log.close, "secret", hex_encode(other));
  const auto r = verify(log);
  ASSERT_TRUE(r.first_bad_seq);
  EXPECT_EQ(*r.first_bad_seq, 20u);
}

}  // namespace
}  // namespace zeren::audit
