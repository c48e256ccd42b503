// Strict reading of request bodies (codec/fields.hpp): every refusal names the field at fault.
// The inputs here are ones fuzz_api_bodies found (docs/fuzzing.md).
#include "codec/fields.hpp"

#include <gtest/gtest.h>

namespace zeren::codec {
namespace {

TEST(Fields, AnUnknownKeyIsNamedAsTheField) {
  auto o = parse_object(R"({"text": "x", "colour": "red"})", {"text"});
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.error().code, "unknown_field");
  EXPECT_EQ(o.error().field, "colour");
}

// fuzz_api_bodies: POST /api/v1/decisions/{id}/objections with {"": "本人认为应当不起诉"} was a
// 400 whose error named no field.
TEST(Fields, AnEmptyKeyIsRefusedNamingTheBody) {
  auto o = parse_object(R"({"": "本人认为应当不起诉"})", {"text"});
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(o.error().code, "unknown_field");
  EXPECT_EQ(o.error().field, "body");
}

}  // namespace
}  // namespace zeren::codec
