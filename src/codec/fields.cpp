#include "codec/fields.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace zeren::codec {

namespace json = boost::json;

namespace {
Error wrong_type(const char* key, const char* what) {
  return Error::invalid(key, "invalid_type", std::string(key) + " must be " + what + " (类型错误)");
}
Error missing(const char* key) {
  return Error::invalid(key, "required", std::string(key) + " is required (必填)");
}
}  // namespace

Result<json::object> parse_object(std::string_view body,
                                  std::initializer_list<std::string_view> allowed) {
  boost::system::error_code ec;
  json::value root = json::parse(body, ec);
  if (ec)
    return Error::invalid("body", "bad_json", "the request is not valid JSON: " + ec.message());
  if (!root.is_object())
    return Error::invalid("body", "bad_json", "the request must be a JSON object");
  for (const auto& kv : root.as_object()) {
    if (std::find(allowed.begin(), allowed.end(), kv.key()) != allowed.end()) continue;
    // An empty key cannot name itself as the field at fault: the body is.
    if (kv.key().empty())
      return Error::invalid("body", "unknown_field", "a field with an empty name (空字段名)");
    return Error::invalid(std::string(kv.key()), "unknown_field",
                          "unknown field " + std::string(kv.key()) + " (未知字段)");
  }
  return std::move(root.as_object());
}

Result<std::string> text_field(const json::object& o, const char* key, bool required) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) {
    if (required) return missing(key);
    return std::string();
  }
  if (!v->is_string()) return wrong_type(key, "text");
  return std::string(v->as_string());
}

Result<bool> bool_field(const json::object& o, const char* key, bool fallback) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) return fallback;
  if (!v->is_bool()) return wrong_type(key, "true or false");
  return v->as_bool();
}

Result<bool> required_bool(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) return missing(key);
  if (!v->is_bool()) return wrong_type(key, "true or false");
  return v->as_bool();
}

Result<std::optional<std::int64_t>> id_field(const json::object& o, const char* key,
                                             bool required) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) {
    if (required) return missing(key);
    return std::optional<std::int64_t>{};
  }
  if (v->is_int64() && v->as_int64() > 0) return std::optional<std::int64_t>{v->as_int64()};
  if (v->is_uint64() && v->as_uint64() > 0 && v->as_uint64() < (1ULL << 62))
    return std::optional<std::int64_t>{static_cast<std::int64_t>(v->as_uint64())};
  return wrong_type(key, "a positive integer id");
}

Result<std::optional<Date>> date_field(const json::object& o, const char* key, bool required) {
  auto t = text_field(o, key, required);
  if (!t) return t.error();
  if (t->empty()) return std::optional<Date>{};
  auto d = Date::parse(*t);
  if (!d)
    return Error::invalid(key, "invalid_date",
                          std::string(key) + " must be a date YYYY-MM-DD (日期格式错误)");
  return std::optional<Date>{*d};
}

}  // namespace zeren::codec
