// A query whose text is built from a request's filters, with the values of its placeholders kept
// apart, in the order they appear. The text depends on which filters are set, never on their
// values, so each shape of query is prepared once per connection (StatementCache::unbound) and
// run again with new values.
#pragma once

#include <soci/soci.h>

#include <string>
#include <variant>
#include <vector>

namespace zeren::sql {

struct BuiltSql {
  std::string sql;
  std::vector<std::variant<long long, std::string>> values;  // one per placeholder, in order

  // A new placeholder (:v0, :v1, …, each named apart as PostgreSQL's numbered parameters need)
  // for `v`, to be written into the text next.
  std::string bind(long long v) {
    values.emplace_back(v);
    return next();
  }
  std::string bind(std::string v) {
    values.emplace_back(std::move(v));
    return next();
  }
  // Binds every value to `st`, in order. The values stay where they are until `st` has run.
  void exchange_values(soci::statement& st) {
    for (auto& value : values) std::visit([&](auto& v) { st.exchange(soci::use(v)); }, value);
  }

 private:
  std::string next() const { return ":v" + std::to_string(values.size() - 1); }
};

}  // namespace zeren::sql
