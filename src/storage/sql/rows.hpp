// Reading stored codes, dates and optional ids back; shared by the repository files.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/ids.hpp"
#include "domain/vocabulary.hpp"

namespace zeren::sql {

// A stored code that no longer parses is corruption; `guarded` turns the throw into an error.
template <class E>
E term_or_throw(const std::string& code) {
  auto r = parse_term<E>(code, "stored");
  if (!r) throw std::runtime_error("unknown stored code " + code);
  return *r;
}

inline Date date_or_throw(const std::string& s) {
  auto d = Date::parse(s);
  if (!d) throw std::runtime_error("bad stored date " + s);
  return *d;
}

// An optional id as a bound value and its null indicator.
struct Nullable {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  Nullable() = default;
  template <class Tag>
  explicit Nullable(const std::optional<Id<Tag>>& id) {
    if (id) value = id->value, ind = soci::i_ok;
  }
};

// An optional date as a bound ISO text and its null indicator.
struct NullableDate {
  std::string value;
  soci::indicator ind = soci::i_null;
  NullableDate() = default;
  explicit NullableDate(const std::optional<Date>& d) {
    if (d) value = d->iso(), ind = soci::i_ok;
  }
};

// A date read back through its null indicator.
inline std::optional<Date> date_or_null(soci::indicator ind, const std::string& v) {
  return ind == soci::i_null ? std::optional<Date>{} : std::optional<Date>{date_or_throw(v)};
}

// Runs `st`, a query of one id column whose values it already binds, and returns the ids.
inline std::vector<long long> ids_of(soci::statement& st) {
  long long id = 0;
  st.exchange(soci::into(id));
  st.define_and_bind();
  st.execute();
  std::vector<long long> out;
  while (st.fetch()) out.push_back(id);
  return out;
}

}  // namespace zeren::sql
