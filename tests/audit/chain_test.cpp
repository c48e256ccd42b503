// The byte-exact record, the chain hash and the verifier, without a database.
#include <gtest/gtest.h>
#include <sodium.h>

#include "audit/checkpoint.hpp"
#include "audit/record.hpp"
#include "audit/verifier.hpp"

namespace zeren::audit {
namespace {

TEST(Hash, Sm3MatchesTheStandardsExample) {
  ASSERT_TRUE(check_available(HashAlgorithm::sm3).ok());
  // GB/T 32905-2016 appendix A.1: SM3("abc").
  EXPECT_EQ(to_hex(digest(HashAlgorithm::sm3, "abc")),
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  EXPECT_EQ(to_hex(digest(HashAlgorithm::sha256, "abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Fields, AreSortedEscapedAndUnique) {
  auto text = canonical_fields({{"name", "张\"三\\"}, {"a.1", "x\ny"}, {"a.0", ""}});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, R"({"a.0":"","a.1":"x\u000ay","name":"张\"三\\"})");
  auto back = parse_fields(*text);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 3u);
  EXPECT_EQ((*back)[2].value, "张\"三\\");
  EXPECT_EQ((*back)[1].value, "x\ny");
  EXPECT_FALSE(canonical_fields({{"k", "1"}, {"k", "2"}}).ok());
  EXPECT_FALSE(canonical_fields({{"Name", "x"}}).ok());
  EXPECT_FALSE(parse_fields(R"({"b":"1","a":"2"})").ok());  // not in order: not canonical
  EXPECT_FALSE(parse_fields(R"({"a": "2"})").ok());         // white space: not canonical
  EXPECT_TRUE(parse_fields("{}").ok());
}

TEST(Record, CanonicalBytesFollowTheDocumentedLayout) {
  const auto bytes = canonical_record(1, 0x0102030405060708LL, "cli:root", "a", "s", "{}");
  const std::string expected =
      std::string("\x00\x00\x00\x00\x00\x00\x00\x01", 8) +
      std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8) + std::string("\x00\x00\x00\x08", 4) +
      "cli:root" + std::string("\x00\x00\x00\x01", 4) + "a" + std::string("\x00\x00\x00\x01", 4) +
      "s" + std::string("\x00\x00\x00\x02", 4) + "{}";
  EXPECT_EQ(bytes, expected);
}

// The worked example of docs/audit_log_format.md, byte for byte.
TEST(Record, WorkedExampleFromTheFormatDocument) {
  auto fields =
      canonical_fields({{"short_code", "嘉"}, {"name", "嘉峪关市人民检察院"}, {"level", "city"}});
  ASSERT_TRUE(fields.ok());
  EXPECT_EQ(*fields, R"({"level":"city","name":"嘉峪关市人民检察院","short_code":"嘉"})");
  const auto record =
      canonical_record(1, 1795665600000000LL, "cli:root", "organisation.procuratorate.add",
                       "procuratorate:1", *fields);
  ASSERT_EQ(record.size(), 157u);
  EXPECT_EQ(to_hex(reinterpret_cast<const std::uint8_t*>(record.data()), 40),
            "0000000000000001000661"
            "25fa393000"
            "00000008636c693a726f6f740000001e6f7267616e697361");
  const Digest zero{};
  EXPECT_EQ(to_hex(chain_hash(HashAlgorithm::sm3, 1, zero, record)),
            "2827bb9a3b252cb28d1b84929f063f6924b2730d2b160d58e30ba71ae1f08da7");
  EXPECT_EQ(to_hex(chain_hash(HashAlgorithm::sha256, 1, zero, record)),
            "dea3ee6608566e22f87713e7f1ea0b3b9f84958c97e4d08778f4ad1bfc7b0448");
  // Verification hashes the same record from its parts, without copying it first.
  EXPECT_EQ(to_hex(entry_hash(HashAlgorithm::sm3, 1, zero, 1, 1795665600000000LL, "cli:root",
                              "organisation.procuratorate.add", "procuratorate:1", *fields)),
            "2827bb9a3b252cb28d1b84929f063f6924b2730d2b160d58e30ba71ae1f08da7");
}

struct Chain {
  HashAlgorithm hash = HashAlgorithm::sm3;
  std::vector<AuditEntry> entries;
  void add(std::string action) {
    AuditEntry e;
    e.seq = entries.size() + 1;
    e.event = {static_cast<std::int64_t>(1000 * e.seq), "cli:test", std::move(action), "x:1", {}};
    e.fields_text = "{}";
    const Digest prev = entries.empty() ? Digest{} : entries.back().hash;
    e.hash = chain_hash(hash, 1, prev,
                        canonical_record(e.seq, e.event.time_us, e.event.actor, e.event.action,
                                         e.event.subject, e.fields_text));
    entries.push_back(e);
  }
};

VerifyReport run(const Chain& c, const std::vector<AuditCheckpoint>& cps, const PublicKey& key) {
  ChainVerifier v(c.hash, cps);
  for (const auto& e : c.entries)
    if (!v.feed(e)) break;
  return v.finish(key);
}

class VerifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    std::array<std::uint8_t, 32> seed{};
    seed.fill(7);
    key = signing_key_from_seed(seed);
    for (int i = 0; i < 6; ++i) chain.add("act." + std::to_string(i));
    checkpoints.push_back(sign_checkpoint(key, 3, chain.entries[2].hash, 5));
    checkpoints.push_back(sign_checkpoint(key, 6, chain.entries[5].hash, 9));
    checkpoints[0].id = 1;
    checkpoints[1].id = 2;
  }
  SigningKey key;
  Chain chain;
  std::vector<AuditCheckpoint> checkpoints;
};

TEST_F(VerifierTest, AnIntactChainVerifies) {
  auto r = run(chain, checkpoints, key.public_key);
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.entries, 6u);
  EXPECT_EQ(r.checkpoints, 2u);
}

// What the benchmark compares with openssl: every byte the chain hash took, 0x00 || version ||
// previous hash || canonical record per entry.
TEST_F(VerifierTest, ItCountsTheBytesItHashed) {
  std::uint64_t expected = 0;
  for (const auto& e : chain.entries)
    expected += 2 + 32 +
                canonical_record(e.seq, e.event.time_us, e.event.actor, e.event.action,
                                 e.event.subject, e.fields_text)
                    .size();
  auto r = run(chain, checkpoints, key.public_key);
  EXPECT_EQ(r.hashed_bytes, expected);
}

TEST_F(VerifierTest, AnAlteredEntryIsNamed) {
  chain.entries[3].event.actor = "cli:tom";
  auto r = run(chain, checkpoints, key.public_key);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 4u);
}

TEST_F(VerifierTest, ARemovedEntryIsNamed) {
  chain.entries.erase(chain.entries.begin() + 1);
  auto r = run(chain, checkpoints, key.public_key);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 2u);
}

TEST_F(VerifierTest, ATruncatedTailIsCaughtByTheCheckpoint) {
  chain.entries.resize(4);
  auto r = run(chain, checkpoints, key.public_key);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 5u);
}

TEST_F(VerifierTest, ARewrittenChainIsCaughtByTheCheckpoint) {
  // Rewrite entry 5 and re-hash everything after it: internally consistent, but not signed.
  Chain forged;
  for (int i = 0; i < 6; ++i) forged.add(i == 4 ? "act.forged" : "act." + std::to_string(i));
  auto r = run(forged, checkpoints, key.public_key);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 4u);  // the first entry after the last checkpoint that still holds
}

TEST_F(VerifierTest, AForgedCheckpointIsNamed) {
  checkpoints[0].head = chain.entries[1].hash;  // claims another head, signature unchanged
  auto r = run(chain, checkpoints, key.public_key);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 3u);
  // Signed by another key: refused as well.
  std::array<std::uint8_t, 32> seed{};
  seed.fill(9);
  const auto other = signing_key_from_seed(seed);
  checkpoints[0] = sign_checkpoint(other, 3, chain.entries[2].hash, 5);
  auto r2 = run(chain, checkpoints, key.public_key);
  EXPECT_FALSE(r2.ok);
  EXPECT_EQ(r2.first_bad_seq, 3u);
}

// fuzz_audit_record: a checkpoint row with a bad signature claiming 2 entries of a log that has
// none (`checkpoint\t1\t2\t4\t1\t1\t401e3ff2…`: head and signature unreadable, key id "1")
// was reported at seq 2 with 1 entry verified.
TEST(Verifier, ABadCheckpointBeyondTheLogIsNamedWhereTheLogEnds) {
  AuditCheckpoint fuzzed;
  fuzzed.id = 1;
  fuzzed.size = 2;
  fuzzed.signed_at_us = 1;
  fuzzed.key_id = "1";
  ChainVerifier empty(HashAlgorithm::sm3, {fuzzed});
  const auto r = empty.finish(PublicKey{});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 1u);
  EXPECT_EQ(r.verified, 0u);
  EXPECT_LE(r.verified, r.entries);
}

TEST_F(VerifierTest, AnUnsignedCheckpointClaimingMoreThanTheLogIsNamedAfterItsLastEntry) {
  checkpoints[1].size = 60;  // the signature no longer matches, and the log has 6 entries
  auto r = run(chain, checkpoints, key.public_key);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 7u);
  EXPECT_EQ(r.verified, 6u);
  EXPECT_EQ(r.entries, 6u);
}

}  // namespace
}  // namespace zeren::audit
