// How SQLite plans the reads of decisions, notes and follow-ups (sql/handling_queries.hpp). The
// year's statistics must find the year's records through their dates' indexes: walking every case
// of the 院 in reach instead reads a number of cases that grows every year.
#include <gtest/gtest.h>

#include <string>

#include "query_plan.hpp"
#include "storage/sql/handling_queries.hpp"

namespace zeren::testing {
namespace {

using sql::Backend;

class HandlingPlan : public PlanTest {
 protected:
  std::string plan(const sql::BuiltSql& q) { return plan_of(q); }

  static sql::HandlingScope within(std::initializer_list<long long> ids,
                                   std::optional<int> year = std::nullopt) {
    sql::HandlingScope s;
    for (auto id : ids) s.within.push_back(ProcuratorateId{id});
    s.year = year;
    return s;
  }
};

// The statistics of a city for a year: the year's decisions, objections, notes and follow-ups by
// their dates, each record's case looked up to see whether its 院 is in reach.
TEST_F(HandlingPlan, AYearsRecordsAreFoundByTheirDates) {
  const auto city = within({2, 9, 10, 11}, 2026);
  EXPECT_EQ(plan(sql::decision_rows_query(Backend::sqlite, city)),
            "SEARCH x USING INDEX decision_by_decided_at (decided_at_us>? AND decided_at_us<?)\n"
            "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)\n"
            "LIST SUBQUERY 1\n"
            "SCAN json_each VIRTUAL TABLE INDEX 1:\n"
            "USE TEMP B-TREE FOR ORDER BY\n");
  EXPECT_EQ(plan(sql::objection_rows_query(Backend::sqlite, city)),
            "SEARCH x USING INDEX decision_by_decided_at (decided_at_us>? AND decided_at_us<?)\n"
            "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)\n"
            "LIST SUBQUERY 1\n"
            "SCAN json_each VIRTUAL TABLE INDEX 1:\n"
            "SEARCH o USING INDEX sqlite_autoindex_decision_objection_1 (decision_id=?)\n"
            "USE TEMP B-TREE FOR ORDER BY\n");
  EXPECT_EQ(plan(sql::note_rows_query(Backend::sqlite, city)),
            "SEARCH x USING INDEX case_note_by_date (on_date>? AND on_date<?)\n"
            "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)\n"
            "LIST SUBQUERY 1\n"
            "SCAN json_each VIRTUAL TABLE INDEX 1:\n"
            "USE TEMP B-TREE FOR ORDER BY\n");
  EXPECT_EQ(plan(sql::follow_up_rows_query(Backend::sqlite, city, false)),
            "SEARCH x USING INDEX follow_up_by_requested (requested_on>? AND requested_on<?)\n"
            "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)\n"
            "LIST SUBQUERY 1\n"
            "SCAN json_each VIRTUAL TABLE INDEX 1:\n"
            "USE TEMP B-TREE FOR ORDER BY\n");
}

// The dashboard's unanswered follow-ups of one 院 (no year): its cases, then each one's records.
TEST_F(HandlingPlan, OneProcuratoratesRecordsAreFoundThroughItsCases) {
  EXPECT_EQ(plan(sql::follow_up_rows_query(Backend::sqlite, within({7}), true)),
            "SEARCH c USING COVERING INDEX case_newest_by_procuratorate (procuratorate_id=?)\n"
            "LIST SUBQUERY 1\n"
            "SCAN json_each VIRTUAL TABLE INDEX 1:\n"
            "SEARCH x USING INDEX follow_up_by_case (case_id=?)\n"
            "USE TEMP B-TREE FOR ORDER BY\n");
}

// One case's records (its page): by the case's index, which keeps them in order.
TEST_F(HandlingPlan, OneCasesRecordsAreFoundByItsId) {
  sql::HandlingScope one;
  one.case_id = CaseId{42};
  EXPECT_EQ(plan(sql::note_rows_query(Backend::sqlite, one)),
            "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)\n"
            "SEARCH x USING INDEX case_note_by_case (case_id=?)\n");
}

}  // namespace
}  // namespace zeren::testing
