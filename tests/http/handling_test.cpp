// Handling a case over the API, as its users see it: decisions under the power list and the
// self-decided ratio, 退回补充侦查 rounds, notices and their reply clock, flags and their report,
// and the chief's dashboard over the demo year.
#include <gtest/gtest.h>

#include <set>

#include "support.hpp"

namespace zeren::test {
namespace {

namespace json = boost::json;

const std::string kCity = "嘉峪关市人民检察院";

std::string year_now(const TestServer& s) {
  return std::to_string(const_cast<TestServer&>(s).clock().today().year());
}

json::object overall_ratio(const Browser& b, const std::string& year) {
  const Reply r = b.get("/api/v1/statistics/summary?year=" + year);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.json().at("self_decided_ratio").at("overall").as_object();
}

TEST(Handling, WithinThePowerIssuedAtOnceOutsideItTheChiefDecidesAndBothCountInTheRatio) {
  TestServer server;
  Browser prosecutor(server.port()), chief(server.port()), head(server.port());
  ASSERT_EQ(prosecutor.log_in("jianchaguan1").status, 200);
  ASSERT_EQ(chief.log_in("jianchazhang").status, 200);
  ASSERT_EQ(head.log_in("yibu").status, 200);
  const std::string year = year_now(server);
  const auto before = overall_ratio(chief, year);

  // 提起公诉 is the prosecutor's own power: issued at once, with a 文书号, the case concluded.
  const std::string a =
      case_handled_by(server.port(), kCity, "anguan", "fujianchazhang", "jianchaguan1");
  const Reply issued =
      prosecutor.post(a + "/decisions", R"({"type": "prosecute", "reasoning": "事实清楚"})");
  ASSERT_EQ(issued.status, 201) << issued.body;
  const json::value d1 = issued.json().at("decision");
  EXPECT_EQ(d1.at("status"), "issued");
  EXPECT_EQ(d1.at("holder"), "prosecutor");
  EXPECT_EQ(d1.at("self_decided"), true);
  EXPECT_TRUE(
      std::string(d1.at("document_number").as_string()).starts_with("嘉检刑诉〔" + year + "〕"));
  EXPECT_EQ(issued.json().at("status"), "concluded");

  // 不起诉 needs the chief: it waits, and the case awaits the decision.
  const std::string b =
      case_handled_by(server.port(), kCity, "anguan", "fujianchazhang", "jianchaguan1");
  const Reply proposed = prosecutor.post(
      b + "/decisions", R"({"type": "non_prosecution_discretionary", "reasoning": "情节轻微"})");
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const json::value d2 = proposed.json().at("decision");
  EXPECT_EQ(d2.at("status"), "pending");
  EXPECT_EQ(d2.at("holder"), "chief");
  EXPECT_EQ(d2.at("document_number"), nullptr);
  EXPECT_EQ(proposed.json().at("status"), "awaiting_decision");
  const std::string decide =
      "/api/v1/decisions/" + std::to_string(d2.at("id").as_int64()) + "/decision";

  // Nobody but the holder issues it: the prosecutor's role may not decide, the department head
  // does not hold the power.
  const Reply by_prosecutor = prosecutor.post(decide, R"({"outcome": "approve"})");
  EXPECT_EQ(by_prosecutor.status, 403);
  EXPECT_EQ(by_prosecutor.error_code(), "forbidden");
  const Reply by_head = head.post(decide, R"({"outcome": "approve"})");
  EXPECT_EQ(by_head.status, 403);
  EXPECT_EQ(by_head.error_code(), "not_holder");
  EXPECT_EQ(prosecutor.get(b).json().at("status"), "awaiting_decision");

  // The chief sees it waiting, and approves.
  const Reply inbox = chief.get("/api/v1/approvals");
  bool waiting = false;
  const json::value waiting_list = inbox.json();
  for (const auto& d : waiting_list.at("decisions").as_array())
    waiting = waiting || d.at("id") == d2.at("id");
  EXPECT_TRUE(waiting) << inbox.body;
  const Reply approved = chief.post(decide, R"({"outcome": "approve", "note": "同意"})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json().at("decision").at("status"), "issued");
  EXPECT_EQ(approved.json().at("decision").at("self_decided"), false);
  EXPECT_EQ(approved.json().at("decision").at("decided_by_name"), "郑立群");
  EXPECT_EQ(approved.json().at("status"), "concluded");
  EXPECT_EQ(chief.post(decide, R"({"outcome": "approve"})").error_code(), "already_decided");

  const auto after = overall_ratio(chief, year);
  EXPECT_EQ(after.at("self").as_int64(), before.at("self").as_int64() + 1);
  EXPECT_EQ(after.at("total").as_int64(), before.at("total").as_int64() + 2);

  // Per department, each 院's own: the city chief also sees the district, which has a 第一检察部
  // too.
  const json::value summary = chief.get("/api/v1/statistics/summary?year=" + year).json();
  std::set<std::string> first_departments;
  for (const auto& d : summary.at("self_decided_ratio").at("by_department").as_array())
    if (d.at("department") == "第一检察部")
      first_departments.insert(std::string(d.at("procuratorate").as_string()));
  EXPECT_EQ(first_departments, (std::set<std::string>{kCity, demo_user("cqanguan").procuratorate}));
  // Per 院: both, adding up to the whole.
  std::int64_t self = 0, total = 0;
  std::set<std::string> procuratorates;
  for (const auto& p : summary.at("self_decided_ratio").at("by_procuratorate").as_array()) {
    procuratorates.insert(std::string(p.at("procuratorate").as_string()));
    self += p.at("self").as_int64();
    total += p.at("total").as_int64();
  }
  EXPECT_EQ(procuratorates, (std::set<std::string>{kCity, demo_user("cqanguan").procuratorate}));
  EXPECT_EQ(self, after.at("self").as_int64());
  EXPECT_EQ(total, after.at("total").as_int64());
}

TEST(Handling, AThirdReturnForSupplementaryInvestigationIsRefused) {
  TestServer server;
  Browser x(server.port());
  ASSERT_EQ(x.log_in("jianchaguan1").status, 200);
  const std::string c =
      case_handled_by(server.port(), kCity, "anguan", "fujianchazhang", "jianchaguan1");
  const std::string ret = R"({"type": "return_for_investigation", "reasoning": "证据不足"})";
  for (int round = 1; round <= 2; ++round) {
    const Reply r = x.post(c + "/decisions", ret);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("status"), "returned");
    EXPECT_EQ(r.json().at("returns"), round);
    EXPECT_EQ(r.json().at("deadline").at("kind"), "supplementary_investigation");
    const Reply back = x.post(c + "/transitions", R"({"action": "resume"})");
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_EQ(back.json().at("deadline").at("kind"), "prosecution_review");
  }
  const Reply third = x.post(c + "/decisions", ret);
  EXPECT_EQ(third.status, 409) << third.body;
  EXPECT_EQ(third.error_code(), "too_many_returns");
  const Reply now = x.get(c);
  EXPECT_EQ(now.json().at("status"), "in_progress");
  EXPECT_EQ(now.json().at("returns"), 2);
}

TEST(Handling, ANoticeWaitsTenDaysForItsWrittenReplyAndAFlagObligesAReport) {
  TestServer server;
  Browser manager(server.port()), x(server.port()), chief(server.port());
  ASSERT_EQ(manager.log_in("anguan").status, 200);
  ASSERT_EQ(x.log_in("jianchaguan1").status, 200);
  ASSERT_EQ(chief.log_in("jianchazhang").status, 200);
  const std::string c =
      case_handled_by(server.port(), kCity, "anguan", "fujianchazhang", "jianchaguan1");
  const Date today = server.clock().today();
  const Reply n =
      manager.post(c + "/notices", R"({"level": "written", "content": "请说明延迟原因"})");
  ASSERT_EQ(n.status, 201) << n.body;
  const json::value notice = n.json().at("notices").as_array().back();
  EXPECT_EQ(notice.at("due_on").as_string(), Date::from_days(today.days_since_epoch() + 10).iso());
  EXPECT_EQ(notice.at("state"), "awaiting");
  const std::string reply =
      "/api/v1/notices/" + std::to_string(notice.at("id").as_int64()) + "/reply";
  EXPECT_EQ(manager.post(reply, R"({"text": "自己回复"})").status, 403);
  const Reply replied = x.post(reply, R"({"text": "已说明"})");
  ASSERT_EQ(replied.status, 200) << replied.body;
  EXPECT_EQ(replied.json().at("notices").as_array().back().at("state"), "answered");
  EXPECT_EQ(x.post(reply, R"({"text": "再次"})").error_code(), "already_answered");

  const Reply f = x.post(c + "/flags", R"({"flag": "quality_risk", "note": "证据存疑"})");
  ASSERT_EQ(f.status, 201) << f.body;
  const json::value report = f.json().at("reports").as_array().back();
  EXPECT_EQ(report.at("origin"), "flag");
  EXPECT_EQ(report.at("flag"), "quality_risk");
  EXPECT_EQ(report.at("due_on").as_string(), Date::from_days(today.days_since_epoch() + 3).iso());
  const Reply dash = chief.get("/api/v1/monitoring");
  ASSERT_EQ(dash.status, 200) << dash.body;
  bool listed = false;
  const json::value board = dash.json();
  for (const auto& r : board.at("reports").as_array())
    listed = listed || r.at("id") == report.at("id");
  EXPECT_TRUE(listed);
}

// A decision or a notice that does not exist is named in a 404, whoever asks; nothing changes.
TEST(Handling, ADecisionOrNoticeThatDoesNotExistIsNotFound) {
  TestServer server;
  Browser x(server.port()), chief(server.port());
  ASSERT_EQ(x.log_in("jianchaguan1").status, 200);
  ASSERT_EQ(chief.log_in("jianchazhang").status, 200);
  const Reply decided =
      chief.post("/api/v1/decisions/999999/decision", R"({"outcome": "approve"})");
  EXPECT_EQ(decided.status, 404) << decided.body;
  EXPECT_EQ(decided.error_field(), "decision");
  const Reply replied = x.post("/api/v1/notices/999999/reply", R"({"text": "已说明"})");
  EXPECT_EQ(replied.status, 404) << replied.body;
  EXPECT_EQ(replied.error_field(), "follow_up");
}

TEST(Handling, TheChiefsDashboardShowsTheDemoYearsNearExpiryAndOverdueCases) {
  TestServer server;
  Browser chief(server.port()), clerk(server.port());
  ASSERT_EQ(chief.log_in("jianchazhang").status, 200);
  ASSERT_EQ(clerk.log_in("shujiyuan").status, 200);
  const Reply dash = chief.get("/api/v1/monitoring");
  ASSERT_EQ(dash.status, 200) << dash.body;
  const json::value board = dash.json();
  const auto& lists = board.at("lists");
  EXPECT_GT(board.at("counts").at("in_progress").as_int64(), 0);
  ASSERT_FALSE(lists.at("overdue").as_array().empty()) << dash.body;
  ASSERT_FALSE(lists.at("near_expiry").as_array().empty()) << dash.body;
  for (const auto& row : lists.at("overdue").as_array())
    EXPECT_LT(row.at("days_left").as_int64(), 0);
  for (const auto& row : lists.at("near_expiry").as_array()) {
    EXPECT_GE(row.at("days_left").as_int64(), 0);
    EXPECT_LE(row.at("days_left").as_int64(), 5);
  }
  EXPECT_EQ(clerk.get("/api/v1/monitoring").status, 403);
  // Another 院's dashboard: the city chief supervises the district; the district's never the city.
  Browser district(server.port());
  ASSERT_EQ(district.log_in("cqjianchazhang").status, 200);
  const std::int64_t city = dash.json().at("procuratorate_id").as_int64();
  EXPECT_EQ(district.get("/api/v1/monitoring?procuratorate=" + std::to_string(city)).status, 404);
}

// Each list of the dashboard holds its first page; its count is the whole list, and
// GET /monitoring/cases pages through all of it in the same order.
TEST(Handling, TheDashboardsListsArePagedAndCountedInFull) {
  TestServer server;
  Browser chief(server.port()), clerk(server.port()), district(server.port());
  ASSERT_EQ(chief.log_in("jianchazhang").status, 200);
  ASSERT_EQ(clerk.log_in("shujiyuan").status, 200);
  ASSERT_EQ(district.log_in("cqjianchazhang").status, 200);
  const Reply dash = chief.get("/api/v1/monitoring");
  ASSERT_EQ(dash.status, 200) << dash.body;
  const json::value board = dash.json();
  const std::int64_t page_size = board.at("page_size").as_int64();
  EXPECT_EQ(page_size, 20);
  std::int64_t units_in_progress = 0;
  for (const auto& u : board.at("units").as_array())
    units_in_progress += u.at("in_progress").as_int64();
  EXPECT_EQ(units_in_progress, board.at("counts").at("in_progress").as_int64());
  for (const char* list : {"overdue", "near_expiry", "awaiting_chief", "flagged", "extended",
                           "returned", "in_custody"}) {
    SCOPED_TRACE(list);
    const auto& first = board.at("lists").at(list).as_array();
    const std::int64_t total = board.at("counts").at(list).as_int64();
    EXPECT_EQ(static_cast<std::int64_t>(first.size()), std::min(total, page_size));
    std::vector<std::int64_t> paged;
    for (int offset = 0; offset <= total; offset += 2) {
      const Reply page = chief.get(std::string("/api/v1/monitoring/cases?list=") + list +
                                   "&limit=2&offset=" + std::to_string(offset));
      ASSERT_EQ(page.status, 200) << page.body;
      const json::value body = page.json();
      EXPECT_EQ(body.at("total").as_int64(), total);
      for (const auto& r : body.at("rows").as_array()) paged.push_back(r.at("case_id").as_int64());
    }
    ASSERT_EQ(static_cast<std::int64_t>(paged.size()), total);
    for (std::size_t i = 0; i < first.size(); ++i)
      EXPECT_EQ(paged[i], first[i].at("case_id").as_int64()) << i;
  }
  EXPECT_GT(board.at("counts").at("in_custody").as_int64(), 2);  // more than one page of 2 above
  const std::string overdue = "/api/v1/monitoring/cases?list=overdue";
  EXPECT_EQ(chief.get("/api/v1/monitoring/cases").error_field(), "list");
  EXPECT_EQ(chief.get("/api/v1/monitoring/cases?list=late").error_field(), "list");
  EXPECT_EQ(chief.get(overdue + "&limit=101").error_field(), "limit");
  EXPECT_EQ(chief.get(overdue + "&limit=0").error_field(), "limit");
  EXPECT_EQ(chief.get(overdue + "&offset=-1").error_field(), "offset");
  EXPECT_EQ(chief.get(overdue + "&offset=x").status, 400);
  EXPECT_EQ(clerk.get(overdue).status, 403);
  const std::string city = std::to_string(board.at("procuratorate_id").as_int64());
  EXPECT_EQ(district.get(overdue + "&procuratorate=" + city).status, 404);
}

}  // namespace
}  // namespace zeren::test
