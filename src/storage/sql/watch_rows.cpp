// CaseRepository::watch_counts and watch_list: the chief's dashboard counted and paged by the
// database, so that a 院 with tens of thousands of open cases costs one GROUP BY over its open
// cases (the index on 院, status and due day) and a page of ids, not every open case in memory.
#include <soci/soci.h>

#include <deque>

#include "storage/sql/rows.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

namespace {

// One watch's conditions as SQL over case_file c. Each value is bound as its placeholder is
// written (:v0, :v1, … in the order they appear, each named apart as PostgreSQL's numbered
// parameters need); the texts do not depend on the values.
class WatchSql {
 public:
  WatchSql(soci::statement& st, const Watch& w) : st_(st), w_(w) {}

  // The 院's open cases: the statuses of Case::open().
  std::string open() {
    return "c.procuratorate_id = " + bind(w_.procuratorate.value) +
           " AND c.status IN ('assigned', 'in_progress', 'awaiting_decision', 'returned')";
  }
  std::string on(WatchList list) {
    switch (list) {
      case WatchList::overdue:
        return "c.period IS NOT NULL AND c.due_on < " + bind(w_.today.iso());
      case WatchList::near_expiry: {
        // Values are bound in the order of the text, so the text is built one step at a time.
        std::string sql = "c.due_on >= ";
        sql += bind(w_.today.iso());
        sql += " AND (1 = 0";
        for (const auto& [kind, until] : w_.near_until) {
          sql += " OR (c.period = ";
          sql += bind(std::string(code_of(kind)));
          sql += " AND c.due_on <= ";
          sql += bind(until.iso());
          sql += ")";
        }
        return sql + ")";
      }
      case WatchList::awaiting_chief:
        return "EXISTS (SELECT 1 FROM decision d WHERE d.case_id = c.id AND "
               "d.status = 'pending' AND d.holder = 'chief')";
      case WatchList::flagged:
        return "EXISTS (SELECT 1 FROM case_note n WHERE n.case_id = c.id AND n.kind = 'flag')";
      case WatchList::extended:
        return "c.extended = 1";
      case WatchList::returned:
        return "c.status = 'returned'";
      case WatchList::in_custody:
        return "c.custody = 1";
    }
    return "1 = 0";
  }
  std::string bind(long long v) {
    st_.exchange(use(ints_.emplace_back(v)));
    return next();
  }

 private:
  std::string bind(std::string v) {
    st_.exchange(use(texts_.emplace_back(std::move(v))));
    return next();
  }
  std::string next() { return ":v" + std::to_string(n_++); }

  soci::statement& st_;
  const Watch& w_;
  int n_ = 0;
  // Deques keep the bound values' addresses while more are added.
  std::deque<long long> ints_;
  std::deque<std::string> texts_;
};

}  // namespace

Result<CaseRepository::WatchCounts> SqlTransaction::watch_counts(const Watch& w) {
  return guarded_value<WatchCounts>([&]() -> Result<WatchCounts> {
    constexpr WatchList kLists[] = {WatchList::overdue,  WatchList::near_expiry,
                                    WatchList::awaiting_chief, WatchList::flagged,
                                    WatchList::extended, WatchList::returned,
                                    WatchList::in_custody};
    soci::statement st(sql_);
    WatchSql where(st, w);
    std::string sql = "SELECT c.unit_id, COUNT(*)";
    for (auto list : kLists) {
      sql += ", SUM(CASE WHEN ";
      sql += where.on(list);
      sql += " THEN 1 ELSE 0 END)";
    }
    sql += " FROM case_file c WHERE ";
    sql += where.open();
    sql += " GROUP BY c.unit_id ORDER BY c.unit_id";
    long long unit = 0, open = 0;
    long long on[std::size(kLists)] = {};
    soci::indicator unit_ind = soci::i_ok;
    st.exchange(into(unit, unit_ind));
    st.exchange(into(open));
    for (auto& n : on) st.exchange(into(n));
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute();
    WatchCounts out;
    for (auto list : kLists) out.lists[list] = 0;
    while (st.fetch()) {
      out.in_progress += open;
      for (std::size_t i = 0; i < std::size(kLists); ++i) out.lists[kLists[i]] += on[i];
      if (unit_ind == soci::i_null) continue;  // open without a unit: counted, in no unit's row
      out.units.push_back({UnitId{unit}, open, on[1], on[0]});  // kLists: overdue, near, …
    }
    return out;
  });
}

Result<std::vector<Case>> SqlTransaction::watch_list(const Watch& w, WatchList list, int offset,
                                                     int limit) {
  auto ids = guarded_value<std::vector<long long>>([&]() -> Result<std::vector<long long>> {
    soci::statement st(sql_);
    WatchSql where(st, w);
    std::string sql = "SELECT c.id FROM case_file c WHERE ";
    sql += where.open();
    sql += " AND ";
    sql += where.on(list);
    const bool by_due = list == WatchList::overdue || list == WatchList::near_expiry;
    sql += by_due ? " ORDER BY c.due_on, c.id" : " ORDER BY c.id";
    sql += " LIMIT ";
    sql += where.bind(limit);
    sql += " OFFSET ";
    sql += where.bind(offset);
    return ids_of(st, sql);
  });
  if (!ids) return ids.error();
  return cases_in_order(*ids, false);
}

}  // namespace zeren::sql
