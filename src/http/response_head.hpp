// The head of an HTTP/1.1 response as the bytes sent: status line, headers, blank line. The
// transport sends it and the body as one gathered write, without a header container of its own.
#pragma once

#include <string>
#include <string_view>

#include "http/message.hpp"

namespace zeren::http {

// Every response carries Content-Type, the hardening headers (nosniff, no framing, no referrer;
// a content security policy for HTML), `r.headers` in order, Content-Length (none for 1xx, 204
// and 304, which have no body) and `Connection: close` when the connection closes after it. A
// header value cannot end the head early: CR and LF in a name or value are sent as spaces.
std::string response_head(const Response& r, std::string_view reason, bool keep_alive);

// Whether a response with this status has a body at all (RFC 9110: not 1xx, 204, 304).
bool status_has_body(int status);

}  // namespace zeren::http
