#include "http/response_head.hpp"

namespace zeren::http {

namespace {

void put_field(std::string& out, std::string_view name, std::string_view value) {
  const std::size_t at = out.size();
  out.append(name).append(": ").append(value);
  for (std::size_t i = at; i < out.size(); ++i)
    if (out[i] == '\r' || out[i] == '\n') out[i] = ' ';
  out.append("\r\n");
}

}  // namespace

bool status_has_body(int status) {
  return status >= 200 && status != 204 && status != 304;
}

std::string response_head(const Response& r, std::string_view reason, bool keep_alive) {
  std::string out;
  out.reserve(256 + r.content_type.size());
  out.append("HTTP/1.1 ")
      .append(std::to_string(r.status))
      .append(" ")
      .append(reason)
      .append("\r\n");
  put_field(out, "Content-Type", r.content_type);
  put_field(out, "X-Content-Type-Options", "nosniff");
  put_field(out, "X-Frame-Options", "DENY");
  put_field(out, "Referrer-Policy", "no-referrer");
  if (r.content_type.starts_with("text/html"))
    put_field(out, "Content-Security-Policy",
              "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
              "frame-ancestors 'none'");
  for (const auto& [name, value] : r.headers) put_field(out, name, value);
  if (status_has_body(r.status)) put_field(out, "Content-Length", std::to_string(r.body.size()));
  if (!keep_alive) put_field(out, "Connection", "close");
  out.append("\r\n");
  return out;
}

}  // namespace zeren::http
