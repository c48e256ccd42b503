// HTTP requests and responses as plain values, so that routing, handlers and their tests never
// include Boost.Beast (only server.cpp does).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace zeren::http {

struct Request {
  std::string method;                          // "GET", "POST", …
  std::string path;                            // without the query, percent-decoded
  std::map<std::string, std::string> query;    // decoded; the last value of a repeated key
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string client;                         // peer address
  std::map<std::string, std::string> params;  // path parameters, filled by the router

  std::string header(const std::string& lower_name) const;
  std::string cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra, e.g. Set-Cookie
  std::string actor;  // who made the request, for the access log only (never sent)
};

// The body of every error answer: {"error": {"code", "message", "field"?}}.
std::string error_body(const std::string& code, const std::string& message,
                       const std::string& field = {});

// "/a%20b?x=1&y=%E4%B8%AD" → path "/a b", query {x: 1, y: 中}. Malformed escapes are kept as
// they are; '+' in the query is a space.
void split_target(std::string_view target, Request& into);

}  // namespace zeren::http
