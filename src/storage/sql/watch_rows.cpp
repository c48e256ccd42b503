// CaseRepository::watch_counts and watch_list: the chief's dashboard counted and paged by the
// database. The counts that do not depend on the day (open per unit, extended, returned, in
// custody) come from the kept open_tally (case_tally.hpp); overdue and near expiry from the open
// cases due by the last near-expiry day, through the index on 院, status and due day; the cases
// on the chief's desk and the flagged ones from their decisions and notes. The lists read their
// page through the partial indexes of the open cases (migration 16), in the list's order. None of
// them walks every open case of the 院, which at provincial scale are tens of thousands.
#include <soci/soci.h>

#include "storage/sql/built_sql.hpp"
#include "storage/sql/rows.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

namespace {

// One watch's conditions as SQL over case_file c, each value kept in `q` as its placeholder is
// written. The texts do not depend on the values: each is prepared once per connection.
class WatchSql {
 public:
  WatchSql(BuiltSql& q, const Watch& w) : q_(q), w_(w) {}

  // The 院's open cases: the statuses of Case::open(), written as the partial indexes of the
  // open cases (migration 16) write them, which is what lets SQLite use those.
  std::string open() {
    return "c.procuratorate_id = " + q_.bind(w_.procuratorate.value) +
           " AND (c.status = 'assigned' OR c.status = 'in_progress'"
           " OR c.status = 'awaiting_decision' OR c.status = 'returned')";
  }
  std::string on(WatchList list) {
    switch (list) {
      case WatchList::overdue:
        return "c.period IS NOT NULL AND c.due_on < " + q_.bind(w_.today.iso());
      case WatchList::near_expiry: {
        // Values are bound in the order of the text, so the text is built one step at a time.
        std::string sql = "c.due_on >= ";
        sql += q_.bind(w_.today.iso());
        sql += " AND (1 = 0";
        for (const auto& [kind, until] : w_.near_until) {
          sql += " OR (c.period = ";
          sql += q_.bind(std::string(code_of(kind)));
          sql += " AND c.due_on <= ";
          sql += q_.bind(until.iso());
          sql += ")";
        }
        return sql + ")";
      }
      case WatchList::awaiting_chief:
      case WatchList::flagged:
        return "c.id = x.case_id AND " + held(list);
      case WatchList::extended:
        return "c.extended = 1";
      case WatchList::returned:
        return "c.status = 'returned'";
      case WatchList::in_custody:
        return "c.custody = 1";
    }
    return "1 = 0";
  }
  // The lists held by other rows: the cases whose pending decision lies with the chief, and the
  // flagged ones. Their queries start from those rows (`x`), which are few, and join the case:
  // CROSS JOIN keeps SQLite from starting at the 院's open cases instead.
  static bool held_elsewhere(WatchList list) {
    return list == WatchList::awaiting_chief || list == WatchList::flagged;
  }
  static std::string from(WatchList list) {
    if (list == WatchList::awaiting_chief) return "decision x CROSS JOIN case_file c";
    if (list == WatchList::flagged) return "case_note x CROSS JOIN case_file c";
    return "case_file c";
  }

 private:
  static std::string held(WatchList list) {
    return list == WatchList::awaiting_chief ? "x.status = 'pending' AND x.holder = 'chief'"
                                             : "x.kind = 'flag'";
  }

  BuiltSql& q_;
  const Watch& w_;
};

}  // namespace

Result<CaseRepository::WatchCounts> SqlTransaction::watch_counts(const Watch& w) {
  return guarded_value<WatchCounts>([&]() -> Result<WatchCounts> {
    WatchCounts out;
    for (auto list : {WatchList::overdue, WatchList::near_expiry, WatchList::awaiting_chief,
                      WatchList::flagged, WatchList::extended, WatchList::returned,
                      WatchList::in_custody})
      out.lists[list] = 0;
    std::map<long long, WatchCounts::Unit> units;  // by id, as the answer lists them
    const auto unit_row = [&](long long id) -> WatchCounts::Unit& {
      auto& u = units[id];
      u.unit = UnitId{id};
      return u;
    };
    {  // The open cases, kept per unit, status, extension and custody.
      long long proc = w.procuratorate.value, unit = 0, cases = 0;
      int extended = 0, custody = 0;
      std::string status;
      soci::statement& st = statements_.bind(
          "SELECT unit_id, status, extended, custody, cases FROM open_tally "
          "WHERE procuratorate_id = :p AND cases <> 0",
          use(proc), into(unit), into(status), into(extended), into(custody), into(cases));
      st.execute();
      while (st.fetch()) {
        out.in_progress += cases;
        if (extended == 1) out.lists[WatchList::extended] += cases;
        if (custody == 1) out.lists[WatchList::in_custody] += cases;
        if (status == code_of(CaseStatus::returned)) out.lists[WatchList::returned] += cases;
        if (unit != 0) unit_row(unit).in_progress += cases;  // without a unit: in no unit's row
      }
    }
    {  // Overdue and near expiry: the open cases due by the last near-expiry day.
      Date last = Date::from_days(w.today.days_since_epoch() - 1);
      for (const auto& [kind, until] : w.near_until)
        if (until.days_since_epoch() > last.days_since_epoch()) last = until;
      BuiltSql q;
      WatchSql where(q, w);
      std::string& sql = q.sql;
      sql = "SELECT c.unit_id, SUM(CASE WHEN ";
      sql += where.on(WatchList::overdue);
      sql += " THEN 1 ELSE 0 END), SUM(CASE WHEN ";
      sql += where.on(WatchList::near_expiry);
      sql += " THEN 1 ELSE 0 END) FROM case_file c WHERE ";
      sql += where.open();
      sql += " AND c.due_on <= ";
      sql += q.bind(last.iso());
      sql += " GROUP BY c.unit_id";
      long long unit = 0, overdue = 0, near = 0;
      soci::indicator unit_ind = soci::i_ok;
      soci::statement& st = statements_.with_values(q);
      exchange_all(st, into(unit, unit_ind), into(overdue), into(near));
      st.define_and_bind();
      st.execute();
      while (st.fetch()) {
        out.lists[WatchList::overdue] += overdue;
        out.lists[WatchList::near_expiry] += near;
        if (unit_ind == soci::i_null) continue;
        auto& u = unit_row(unit);
        u.overdue += overdue;
        u.near_expiry += near;
      }
    }
    for (auto list : {WatchList::awaiting_chief, WatchList::flagged}) {
      BuiltSql q;
      WatchSql where(q, w);
      std::string& sql = q.sql;
      sql = "SELECT COUNT(DISTINCT c.id) FROM " + WatchSql::from(list) + " WHERE ";
      sql += where.on(list);
      sql += " AND ";
      sql += where.open();
      long long n = 0;
      soci::statement& st = statements_.with_values(q);
      st.exchange(into(n));
      st.define_and_bind();
      st.execute(true);
      out.lists[list] = n;
    }
    for (auto& [id, u] : units)
      if (u.in_progress > 0) out.units.push_back(u);
    return out;
  });
}

Result<std::vector<Case>> SqlTransaction::watch_list(const Watch& w, WatchList list, int offset,
                                                     int limit) {
  auto ids = guarded_value<std::vector<long long>>([&]() -> Result<std::vector<long long>> {
    BuiltSql q;
    WatchSql where(q, w);
    // A case has one row per decision or note that puts it on a held list: DISTINCT.
    std::string& sql = q.sql;
    sql = WatchSql::held_elsewhere(list) ? "SELECT DISTINCT c.id" : "SELECT c.id";
    sql += " FROM " + WatchSql::from(list) + " WHERE ";
    sql += where.on(list);
    sql += " AND ";
    sql += where.open();
    const bool by_due = list == WatchList::overdue || list == WatchList::near_expiry;
    sql += by_due ? " ORDER BY c.due_on, c.id" : " ORDER BY c.id";
    sql += " LIMIT ";
    sql += q.bind(limit);
    sql += " OFFSET ";
    sql += q.bind(offset);
    return ids_of(statements_.with_values(q));
  });
  if (!ids) return ids.error();
  return cases_in_order(*ids, false);
}

}  // namespace zeren::sql
