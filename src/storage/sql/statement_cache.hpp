// The statements of one connection, prepared once and run again with new values. SOCI prepares a
// statement anew every time it runs one, and for the short statements of an intake preparing cost
// more than running (SQLite parses and plans each; PostgreSQL sends PREPARE and DEALLOCATE round
// trips). The repository's fixed statements come here, and those built from a request's filters
// (BuiltSql: the case list's search, the dashboard's watches), whose text depends on which
// filters are set and how many 院 a list reaches but never on their values (a page's ids are
// bound as one list: dialect.hpp), so the cache stays small.
#pragma once

#include <soci/soci.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storage/sql/built_sql.hpp"

namespace zeren::sql {

// Exchanges every bind (soci::use, soci::into) with `st`, in order.
template <class... B>
void exchange_all(soci::statement& st, B&&... binds) {
  (st.exchange(std::forward<B>(binds)), ...);
}

class StatementCache {
 public:
  // `settle` ends a used statement's pending read before its transaction ends (SQLite keeps a
  // SELECT that stopped before its last row open until it is reset); none is needed on PostgreSQL.
  explicit StatementCache(soci::session& sql, std::function<void(soci::statement&)> settle = {});
  ~StatementCache();
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The statement for `query`, prepared on its first use, bound afresh to `binds` (soci::use and
  // soci::into). Run it with execute() and fetch(); the binds must outlive that. One statement
  // serves one query text, so a loop over its rows must not run the same query inside.
  template <class... B>
  soci::statement& bind(const std::string& query, B&&... binds) {
    return bound(unbound(query), query, std::forward<B>(binds)...);
  }

  // The statement for `query` with no binds: exchange them, then define_and_bind().
  soci::statement& unbound(const std::string& query) {
    soci::statement& st = prepared(query);
    st.bind_clean_up();
    return st;
  }
  // The statement for a built query's text with its values bound: exchange the targets, then
  // define_and_bind(). `q` stays as it is until the statement has run.
  soci::statement& with_values(BuiltSql& q) {
    soci::statement& st = unbound(q.sql);
    q.exchange_values(st);
    return st;
  }

  // A statement bound once, for good, to values the cache keeps with it: set the values, then
  // run it with execute_kept(). For the statements an intake runs every time with many values,
  // where binding anew (soci allocates and frees every bind) costs more than running them.
  template <class Values>
  struct Kept {
    soci::statement& statement;
    Values& values;
  };
  // The kept statement for `query`, prepared and bound by `bind(statement, values)` (its
  // soci::use and soci::into of the values' members) on its first use. One query text serves
  // one Values type.
  template <class Values, class Bind>
  Kept<Values> kept(const std::string& query, Bind&& bind) {
    if (auto at = kept_.find(query); at != kept_.end()) {
      note_used(*at->second.statement);
      return {*at->second.statement, *static_cast<Values*>(at->second.values.get())};
    }
    auto values = std::make_shared<Values>();
    auto st = std::make_unique<soci::statement>(sql_);
    st->alloc();
    st->prepare(query);
    bind(*st, *values);
    st->define_and_bind();
    Kept<Values> out{*st, *values};
    note_used(*st);
    kept_.emplace(query, KeptStatement{std::move(values), std::move(st)});
    return out;
  }
  // Runs the kept statement of `query` (execute(true)); one that failed is dropped and prepared
  // and bound afresh on its next use.
  bool execute_kept(const std::string& query, soci::statement& st);

  // Runs `query` once and reads its first row into the `into` binds, like `sql << query, binds…`:
  // true when a row was read. The statement is settled at once: on SQLite a write that returned a
  // row (RETURNING) is not finished until then, and while it is not, its statement journal stays
  // open and every page the transaction writes after it is copied there. A statement that failed
  // is prepared afresh on its next use.
  template <class... B>
  bool run(const std::string& query, B&&... binds) {
    soci::statement& st = bind(query, std::forward<B>(binds)...);
    try {
      const bool read = st.execute(true);
      if (settle_) settle_(st);
      return read;
    } catch (...) {
      forget(query);
      throw;
    }
  }

  // Before the transaction ends: every statement used since the last call is settled, and those
  // past the cache's size are dropped.
  void settle();
  // Drops every statement (before the connection is opened again).
  void clear();
  std::size_t size() const { return statements_.size() + kept_.size(); }

 private:
  // Binds `st` (the statement of `query`); one that fails is prepared afresh next time.
  template <class... B>
  soci::statement& bound(soci::statement& st, const std::string& query, B&&... binds) {
    try {
      exchange_all(st, std::forward<B>(binds)...);
      st.define_and_bind();
    } catch (...) {
      forget(query);
      throw;
    }
    return st;
  }
  soci::statement& prepared(const std::string& query);
  void forget(const std::string& query);
  void note_used(soci::statement& st);

  struct KeptStatement {
    std::shared_ptr<void> values;  // declared first: the statement bound to it goes first
    std::unique_ptr<soci::statement> statement;
  };

  soci::session& sql_;
  std::function<void(soci::statement&)> settle_;
  std::unordered_map<std::string, std::unique_ptr<soci::statement>> statements_;
  std::vector<std::unique_ptr<soci::statement>> overflow_;  // until settle(): no room
  std::vector<soci::statement*> used_;
  std::unordered_map<std::string, KeptStatement> kept_;
};

}  // namespace zeren::sql
