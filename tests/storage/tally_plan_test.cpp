// How SQLite plans the year's counts read from case_tally (CaseRepository::year_counts): each
// 院's rows of the year only, through an index in the order the counts are added up in, whatever
// number of years of tallies the 院 has behind it.
#include <gtest/gtest.h>

#include <string>

#include "query_plan.hpp"
#include "storage/sql/case_tally.hpp"

namespace zeren::testing {
namespace {

class TallyPlan : public PlanTest {
 protected:
  std::string plan(std::string sql) {
    return plan_of(sql::BuiltSql{std::move(sql), {"[2,9,10]", "2026-01", "2026-12"}});
  }
};

TEST_F(TallyPlan, TheMonthsReceivedAndConcludedAreReadInTheirIndexesOrder) {
  const std::string each_procuratorate =
      "LIST SUBQUERY 1\n"
      "SCAN json_each VIRTUAL TABLE INDEX 1:\n";
  EXPECT_EQ(plan(sql::tally_by_month_query(sql::Backend::sqlite, "received_month")),
            "SEARCH case_tally USING COVERING INDEX case_tally_read (procuratorate_id=? AND "
            "received_month>? AND received_month<?)\n" +
                each_procuratorate);
  // Not every row the 院 ever had (migration 20).
  EXPECT_EQ(plan(sql::tally_by_month_query(sql::Backend::sqlite, "concluded_month")),
            "SEARCH case_tally USING INDEX case_tally_concluded (procuratorate_id=? AND "
            "concluded_month>? AND concluded_month<?)\n" +
                each_procuratorate);
}

TEST_F(TallyPlan, TheUnitsCountTheYearsRowsOnly) {
  EXPECT_EQ(plan(sql::tally_by_unit_query(sql::Backend::sqlite)),
            "SEARCH case_tally USING COVERING INDEX case_tally_read (procuratorate_id=? AND "
            "received_month>? AND received_month<?)\n"
            "LIST SUBQUERY 1\n"
            "SCAN json_each VIRTUAL TABLE INDEX 1:\n"
            "USE TEMP B-TREE FOR GROUP BY\n");
}

}  // namespace
}  // namespace zeren::testing
