// The OpenAPI document (api/openapi.json, built into the binary) against the route table: every
// route is documented with its permission and security, and nothing documented is missing from
// the table.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <utility>

#include "app/permissions.hpp"
#include "http/api.hpp"
#include "http/openapi_document.hpp"

namespace zeren::http {
namespace {

namespace json = boost::json;

// The operation keys of a Path Item Object; anything else on a path (parameters, summary, …) is
// not an operation.
const std::set<std::string> kOperationKeys{"get",     "put",  "post",  "delete",
                                           "options", "head", "patch", "trace"};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

json::object document() {
  boost::system::error_code ec;
  json::value doc = json::parse(openapi_document(), ec);
  EXPECT_FALSE(ec) << "api/openapi.json does not parse: " << ec.message();
  if (ec || !doc.is_object()) return {};
  return doc.as_object();
}

const json::object* operation_of(const json::object& doc, const Route& r) {
  const auto* paths = doc.if_contains("paths");
  if (!paths || !paths->is_object()) return nullptr;
  const auto* item = paths->as_object().if_contains(r.pattern);
  if (!item || !item->is_object()) return nullptr;
  const auto* op = item->as_object().if_contains(lower(r.method));
  return op && op->is_object() ? &op->as_object() : nullptr;
}

TEST(OpenApiDocument, IsOpenApi31) {
  const json::object doc = document();
  const auto* version = doc.if_contains("openapi");
  ASSERT_TRUE(version && version->is_string());
  EXPECT_EQ(std::string(version->as_string()).rfind("3.1", 0), 0u) << version->as_string();
  ASSERT_TRUE(doc.contains("paths") && doc.at("paths").is_object());
}

TEST(OpenApiDocument, DocumentsEveryRoute) {
  const json::object doc = document();
  for (const auto& r : routes())
    EXPECT_NE(operation_of(doc, r), nullptr)
        << r.method << " " << r.pattern
        << " is in the route table (src/http/routes.cpp) but not in "
        << "api/openapi.json";
}

TEST(OpenApiDocument, DocumentsNothingElse) {
  const json::object doc = document();
  std::set<std::pair<std::string, std::string>> table;
  for (const auto& r : routes()) table.emplace(lower(r.method), std::string(r.pattern));
  ASSERT_TRUE(doc.contains("paths") && doc.at("paths").is_object());
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    ASSERT_TRUE(item.is_object()) << path;
    for (const auto& [key, op] : item.as_object()) {
      if (!kOperationKeys.contains(std::string(key))) continue;
      EXPECT_TRUE(table.contains({std::string(key), std::string(path)}))
          << key << " " << path << " is in api/openapi.json but not in the route table";
    }
  }
}

// x-permission names the route's permission (null where the table has none), and security says
// whether the route needs a log-in and, other than for GET, the CSRF header.
TEST(OpenApiDocument, PermissionAndSecurityMatchTheTable) {
  const json::object doc = document();
  for (const auto& r : routes()) {
    const json::object* op = operation_of(doc, r);
    if (!op) continue;  // reported by DocumentsEveryRoute
    const std::string where = std::string(r.method) + " " + std::string(r.pattern);

    const auto* perm = op->if_contains("x-permission");
    ASSERT_NE(perm, nullptr) << where << " has no x-permission";
    if (r.permission) {
      ASSERT_TRUE(perm->is_string()) << where;
      EXPECT_EQ(std::string(perm->as_string()), std::string(app::grant_for(*r.permission).id))
          << where;
    } else {
      EXPECT_TRUE(perm->is_null()) << where << ": the table names no permission";
    }

    const auto* security = op->if_contains("security");
    ASSERT_TRUE(security && security->is_array()) << where << " has no security";
    const auto& reqs = security->as_array();
    if (!r.auth) {
      EXPECT_TRUE(reqs.empty()) << where << " needs no log-in: security must be []";
      continue;
    }
    ASSERT_EQ(reqs.size(), 1u) << where;
    ASSERT_TRUE(reqs[0].is_object()) << where;
    const auto& req = reqs[0].as_object();
    EXPECT_TRUE(req.contains("session")) << where << " needs the session cookie";
    EXPECT_EQ(req.contains("csrf"), r.method != "GET")
        << where << ": X-CSRF-Token is required exactly on authenticated non-GET routes";
  }
}

}  // namespace
}  // namespace zeren::http
