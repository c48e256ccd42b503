// How SQLite plans each shape of the case list. Zeren runs no ANALYZE on SQLite, so the planner
// decides from the schema alone and a database of any size gets the plans an empty one gets here.
// A page is the newest matching cases: the good plans walk the cases newest first and stop at the
// page's end; the bad ones collect every case of a 院 or a status and sort them, which on a
// province of 2,000,000 cases took a district's reader from 5 ms to over 100 ms (migration 19).
#include <gtest/gtest.h>

#include <string>

#include "query_plan.hpp"
#include "storage/sql/case_search.hpp"

namespace zeren::testing {
namespace {

class CaseSearchPlan : public PlanTest {
 protected:
  // SQLite's plan for the list `q`, its steps' details one per line.
  std::string plan(const CaseRepository::Query& q) {
    return plan_of(sql::case_search_text(q, sql::Backend::sqlite));
  }

  static CaseRepository::Query within(std::initializer_list<long long> ids) {
    CaseRepository::Query q;
    for (auto id : ids) q.within.push_back(ProcuratorateId{id});
    return q;
  }
};

// A district's reader: that 院's cases alone, newest first, from the page's cursor on.
TEST_F(CaseSearchPlan, AReachOfOneProcuratorateWalksItsOwnCasesNewestFirst) {
  auto q = within({7});
  EXPECT_EQ(plan(q),
            "SEARCH c USING COVERING INDEX case_newest_by_procuratorate (procuratorate_id=?)\n");
  q.category = CaseCategory::prosecution_review;
  q.status = CaseStatus::assigned;
  EXPECT_EQ(plan(q), "SEARCH c USING INDEX case_newest_by_procuratorate (procuratorate_id=?)\n");
  q.before = CaseId{1000};
  EXPECT_EQ(plan(q),
            "SEARCH c USING INDEX case_newest_by_procuratorate (procuratorate_id=? AND id<?)\n");
}

// A city's reader (the city and its districts): every case newest first, keeping those in reach,
// rather than each 院's cases gathered and sorted.
TEST_F(CaseSearchPlan, AReachOfSeveralProcuratoratesWalksTheCasesNewestFirst) {
  auto q = within({2, 9, 10, 11, 12, 13, 14, 15});
  EXPECT_EQ(plan(q), "SCAN c\n");
  q.category = CaseCategory::arrest_review;
  q.status = CaseStatus::in_progress;
  q.before = CaseId{1000};
  EXPECT_EQ(plan(q), "SEARCH c USING INTEGER PRIMARY KEY (rowid<?)\n");
}

// A department or a unit holds few cases: their own indexes find them, with the status asked for
// when there is one, and the few are sorted.
TEST_F(CaseSearchPlan, ADepartmentOrAUnitFindsItsCasesByItsOwnIndex) {
  auto d = within({7});
  d.department = DepartmentId{3};
  EXPECT_EQ(plan(d),
            "SEARCH c USING INDEX case_load_by_department (department_id=?)\n"
            "USE TEMP B-TREE FOR ORDER BY\n");
  d.status = CaseStatus::assigned;
  EXPECT_EQ(plan(d),
            "SEARCH c USING INDEX case_load_by_department (department_id=?)\n"
            "USE TEMP B-TREE FOR ORDER BY\n");
  auto u = within({2, 9});
  u.unit = UnitId{3};
  EXPECT_EQ(plan(u),
            "SEARCH c USING INDEX case_by_unit (unit_id=?)\n"
            "USE TEMP B-TREE FOR ORDER BY\n");
  u.status = CaseStatus::in_progress;
  EXPECT_EQ(plan(u), "SEARCH c USING INDEX case_by_unit (unit_id=? AND status=?)\n");
}

// A prosecutor's home page: the open cases of the units they lead or belong to, one status at a
// time. Only those cases are read, not every case their units ever had.
TEST_F(CaseSearchPlan, MyCasesOfOneStatusAreFoundByTheirUnitsAndThatStatus) {
  auto q = within({7});
  q.handled_by = PersonId{4};
  q.status = CaseStatus::in_progress;
  EXPECT_EQ(plan(q),
            "SEARCH c USING INDEX case_by_unit (unit_id=? AND status=?)\n"
            "LIST SUBQUERY 2\n"
            "COMPOUND QUERY\n"
            "LEFT-MOST SUBQUERY\n"
            "SCAN u\n"
            "UNION USING TEMP B-TREE\n"
            "SCAN m\n"
            "USE TEMP B-TREE FOR ORDER BY\n");
}

// A text (part of a case number or a party's name) matches no index: the walk newest first
// looks up each case's parties until the page is full.
TEST_F(CaseSearchPlan, ATextSearchWalksTheCasesNewestFirst) {
  auto q = within({7});
  q.text = "张";
  EXPECT_EQ(plan(q),
            "SCAN c\n"
            "CORRELATED SCALAR SUBQUERY 1\n"
            "SEARCH x USING PRIMARY KEY (case_id=?)\n");
}

}  // namespace
}  // namespace zeren::testing
