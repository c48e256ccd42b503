// zeren gen: a provincial organisation and its case history, made from a seed.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>
#include <set>
#include <string>

#include "cli_fixture.hpp"

namespace zeren::cli_test {
namespace {

using Gen = Cli;

constexpr const char* kSmall =
    "--procuratorates 8 --prosecutors 96 --cases 600 --from 2026-11-02 --to 2026-11-13 "
    "--batch 100 --seed 3 --json";

TEST_F(Gen, MakesAProvinceWhoseCasesAreAllAssignedByVerifiableDraws) {
  const auto r = zeren("gen --db " + db + " " + kSmall);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto g = r.json().as_object();
  EXPECT_EQ(g.at("procuratorates").as_int64(), 8);
  EXPECT_EQ(g.at("cases").as_int64(), 600);
  EXPECT_EQ(g.at("assigned").as_int64(), 600);
  EXPECT_EQ(g.at("working_days").as_int64(), 10);  // two weeks of Monday to Friday
  EXPECT_EQ(g.at("plans").as_int64(), 8 * 5);      // five business departments per 院
  EXPECT_EQ(g.at("transactions").as_int64(), 10);  // one per day: no day has 100 cases
  EXPECT_EQ(g.at("users").as_array().size(), 16u);

  // The hierarchy: one provincial 院 over a city 院 over six districts.
  EXPECT_EQ(scalar("SELECT count(*) FROM procuratorate WHERE level = 'province'"), "1");
  EXPECT_EQ(scalar("SELECT count(*) FROM procuratorate WHERE level = 'city'"), "1");
  EXPECT_EQ(scalar("SELECT count(*) FROM procuratorate WHERE level = 'district'"), "6");
  EXPECT_EQ(scalar("SELECT count(*) FROM person WHERE category = 'prosecutor'"), "96");
  EXPECT_EQ(scalar("SELECT count(DISTINCT short_code) FROM procuratorate"), "8");
  // Every case on a working day of the range, numbered without gaps in each counter.
  EXPECT_EQ(scalar("SELECT count(*) FROM case_file WHERE received_on NOT BETWEEN '2026-11-02' "
                   "AND '2026-11-13' OR strftime('%w', received_on) IN ('0', '6')"),
            "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM assignment WHERE method = 'random'"), "600");
  EXPECT_EQ(scalar("SELECT sum(last_serial) FROM case_number_counter"), "600");
  // gen keeps the departments' loads in memory: every draw must still have seen, for every
  // candidate, exactly the weight of the cases assigned to it before (普通 1, 疑难 2).
  EXPECT_EQ(scalar("SELECT count(*) FROM assignment a JOIN assignment_candidate k ON "
                   "k.assignment_id = a.id WHERE k.weight_sum != (SELECT coalesce(sum(CASE WHEN "
                   "c.difficulty = 'difficult' THEN 2 ELSE 1 END), 0) FROM assignment b JOIN "
                   "case_file c ON c.id = b.case_id WHERE b.unit_id = k.unit_id AND b.id < a.id)"),
            "0");

  // The audit log verifies, every draw recomputed; the history's epochs are revealed.
  const auto v = verify();
  EXPECT_EQ(v.at("exit").as_int64(), 0);
  EXPECT_EQ(v.at("draws_verified").as_int64(), 600);
  EXPECT_EQ(v.at("draws_pending").as_int64(), 0);
  // Its log-ins work.
  const auto& first = g.at("users").as_array()[0].as_object();
  EXPECT_EQ(first.at("username").as_string(), "p0-chief");
}

TEST_F(Gen, TheSameSeedGivesTheSameHistory) {
  ASSERT_EQ(zeren("gen --db " + db + " " + kSmall).code, 0);
  const std::string first = scalar(
      "SELECT group_concat(number || ':' || unit_id || ':' || difficulty, ',') FROM "
      "(SELECT number, unit_id, difficulty FROM case_file ORDER BY id)");
  const std::string other = (dir / "again.db").string();
  ASSERT_EQ(zeren("gen --db " + other + " " + kSmall).code, 0);
  db = other;
  const std::string second = scalar(
      "SELECT group_concat(number || ':' || unit_id || ':' || difficulty, ',') FROM "
      "(SELECT number, unit_id, difficulty FROM case_file ORDER BY id)");
  // The cases, their numbers and difficulties are the seed's; the units are the draws', which
  // mix in each database's own secrets, so only the first two must agree.
  auto strip_units = [](const std::string& s) {
    std::string out;
    std::size_t start = 0;
    while (start < s.size()) {
      auto end = s.find(',', start);
      if (end == std::string::npos) end = s.size();
      const std::string item = s.substr(start, end - start);
      const auto a = item.find(':'), b = item.rfind(':');
      out += item.substr(0, a) + item.substr(b) + ",";
      start = end + 1;
    }
    return out;
  };
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(strip_units(first), strip_units(second));
}

TEST_F(Gen, RefusesADatabaseThatHoldsAnOrganisationAndBadShapes) {
  ASSERT_EQ(zeren("demo --no-history --db " + db).code, 0);
  const auto again = zeren("gen --db " + db + " " + kSmall);
  EXPECT_EQ(again.code, 5) << again.out;  // conflict: an organisation is there already
  const std::string fresh = (dir / "fresh.db").string();
  const auto thin = zeren("gen --db " + fresh + " --procuratorates 10 --prosecutors 20 --json");
  EXPECT_EQ(thin.code, 3) << thin.out;
  EXPECT_EQ(thin.json().at("error").at("field").as_string(), "prosecutors");
  const auto date = zeren("gen --db " + fresh + " --from 2026-13-01 --json");
  EXPECT_EQ(date.code, 3) << date.out;
  EXPECT_EQ(date.json().at("error").at("field").as_string(), "from");
}

}  // namespace
}  // namespace zeren::cli_test
