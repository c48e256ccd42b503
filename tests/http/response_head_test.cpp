// The bytes of a response's head (http/response_head.hpp), as a client reads them.
#include <gtest/gtest.h>

#include "http/response_head.hpp"

namespace zeren::http {
namespace {

TEST(ResponseHead, AJsonAnswerCarriesItsTypeLengthAndTheHardeningHeaders) {
  Response r;
  r.body = R"({"status":"ok"})";
  EXPECT_EQ(response_head(r, "OK", true),
            "HTTP/1.1 200 OK\r\n"
            "Content-Type: application/json; charset=utf-8\r\n"
            "X-Content-Type-Options: nosniff\r\n"
            "X-Frame-Options: DENY\r\n"
            "Referrer-Policy: no-referrer\r\n"
            "Content-Length: 15\r\n"
            "\r\n");
}

TEST(ResponseHead, ExtraHeadersFollowInOrderAndAClosingConnectionSaysSo) {
  Response r;
  r.status = 201;
  r.body = "{}";
  r.headers = {{"Location", "/api/v1/cases/7"}, {"Set-Cookie", "a=1"}, {"Set-Cookie", "b=2"}};
  const std::string head = response_head(r, "Created", false);
  EXPECT_TRUE(head.starts_with("HTTP/1.1 201 Created\r\n"));
  EXPECT_NE(head.find("Location: /api/v1/cases/7\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n"),
            std::string::npos);
  EXPECT_TRUE(head.ends_with("Content-Length: 2\r\nConnection: close\r\n\r\n"));
}

TEST(ResponseHead, AnHtmlPageGetsAContentSecurityPolicy) {
  Response r;
  r.content_type = "text/html; charset=utf-8";
  EXPECT_NE(response_head(r, "OK", true).find("Content-Security-Policy: default-src 'self'; "),
            std::string::npos);
  r.content_type = "application/javascript";
  EXPECT_EQ(response_head(r, "OK", true).find("Content-Security-Policy"), std::string::npos);
}

TEST(ResponseHead, AStatusWithoutABodyHasNoLength) {
  Response r;
  r.status = 204;
  EXPECT_EQ(response_head(r, "No Content", true).find("Content-Length"), std::string::npos);
  r.status = 304;
  EXPECT_EQ(response_head(r, "Not Modified", true).find("Content-Length"), std::string::npos);
  EXPECT_FALSE(status_has_body(204));
  EXPECT_TRUE(status_has_body(404));
}

TEST(ResponseHead, ALineBreakInAHeaderCannotStartAnotherHeader) {
  Response r;
  r.headers = {{"Location", "/x\r\nSet-Cookie: session=stolen"}};
  const std::string head = response_head(r, "OK", true);
  EXPECT_EQ(head.find("\r\nSet-Cookie"), std::string::npos);
  EXPECT_NE(head.find("Location: /x  Set-Cookie: session=stolen\r\n"), std::string::npos);
}

}  // namespace
}  // namespace zeren::http
