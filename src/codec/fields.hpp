// Strict reading of JSON request bodies: an unknown key, a wrong type or a missing required value
// is an error that names the field. Shared by every decoder.
#pragma once

#include <boost/json/object.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/vocabulary.hpp"

namespace zeren::codec {

// The body as a JSON object whose keys are all in `allowed`.
Result<boost::json::object> parse_object(std::string_view body,
                                         std::initializer_list<std::string_view> allowed);

Result<std::string> text_field(const boost::json::object& o, const char* key, bool required = true);
Result<bool> bool_field(const boost::json::object& o, const char* key, bool fallback);
Result<bool> required_bool(const boost::json::object& o, const char* key);
// A positive integer id; nullopt when absent (and not required).
Result<std::optional<std::int64_t>> id_field(const boost::json::object& o, const char* key,
                                             bool required = true);
Result<std::optional<Date>> date_field(const boost::json::object& o, const char* key,
                                       bool required = true);

// A term by code or Chinese label ("审查起诉" or "prosecution_review").
template <class E>
Result<std::optional<E>> term_field(const boost::json::object& o, const char* key,
                                    bool required = true) {
  auto t = text_field(o, key, required);
  if (!t) return t.error();
  if (t->empty()) return std::optional<E>{};
  auto v = parse_term<E>(*t, key);
  if (!v) return v.error();
  return std::optional<E>{*v};
}

}  // namespace zeren::codec
