// The statements of one connection, prepared once and run again with new values. SOCI prepares a
// statement anew every time it runs one, and for the short statements of an intake preparing cost
// more than running (SQLite parses and plans each; PostgreSQL sends PREPARE and DEALLOCATE round
// trips). Only the repository's fixed statements come here; a statement whose text is built from
// a request's filters is run once, as before, so the cache stays small.
#pragma once

#include <soci/soci.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace zeren::sql {

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
    return bound(unbound(query), query, true, std::forward<B>(binds)...);
  }

  // The statement for `query` with no binds: exchange them, then define_and_bind().
  soci::statement& unbound(const std::string& query) {
    soci::statement& st = prepared(query);
    st.bind_clean_up();
    return st;
  }

  // For a query text built from values (a page's ids): prepared for this use alone and dropped
  // when the transaction ends, so it never fills the cache.
  template <class... B>
  soci::statement& bind_once(const std::string& query, B&&... binds) {
    return bound(once(query), query, false, std::forward<B>(binds)...);
  }
  soci::statement& once(const std::string& query);

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
  std::size_t size() const { return statements_.size(); }

 private:
  // Binds `st` (the statement of `query`); a cached one that fails is prepared afresh next time.
  template <class... B>
  soci::statement& bound(soci::statement& st, const std::string& query, bool cached, B&&... binds) {
    try {
      (st.exchange(std::forward<B>(binds)), ...);
      st.define_and_bind();
    } catch (...) {
      if (cached) forget(query);
      throw;
    }
    return st;
  }
  soci::statement& prepared(const std::string& query);
  void forget(const std::string& query);

  soci::session& sql_;
  std::function<void(soci::statement&)> settle_;
  std::unordered_map<std::string, std::unique_ptr<soci::statement>> statements_;
  std::vector<std::unique_ptr<soci::statement>> overflow_;  // until settle(): once, or no room
  std::vector<soci::statement*> used_;
};

}  // namespace zeren::sql
