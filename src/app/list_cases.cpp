#include "app/permissions.hpp"
#include "app/queries.hpp"
#include "domain/case_number.hpp"

namespace zeren::app {

Result<CasePage> list_cases(Transaction& tx, const Context& ctx, const CaseFilter& filter) {
  if (filter.limit < 1 || filter.limit > 200)
    return Error::invalid("limit", "out_of_range", "limit is 1 to 200");
  if (filter.received_from && filter.received_to && *filter.received_to < *filter.received_from)
    return Error::invalid("received_to", "before_from",
                          "收案截止日期早于起始日期 (the range ends before it starts)");
  if (filter.mine && !ctx.actor.person)
    return Error::invalid("mine", "no_person",
                          "此账号未关联人员，没有“我的案件” (this account is not a person)");
  auto within = reach(tx, ctx.actor, Permission::read_cases);
  if (!within) return within.error();
  CaseRepository::Query q;
  q.within = *within;
  q.status = filter.status;
  q.category = filter.category;
  q.department = filter.department;
  q.unit = filter.unit;
  q.received_from = filter.received_from;
  q.received_to = filter.received_to;
  // A case number in any spelling ([2026], ［2026］, 第12号) is searched in the one stored.
  auto number = parse_case_number(filter.text);
  q.text = number ? number->canonical() : filter.text;
  if (filter.mine) q.handled_by = ctx.actor.person;
  q.before = filter.cursor;
  q.limit = filter.limit + 1;  // one more tells whether a next page exists
  auto rows = tx.cases().search_cases(q);
  if (!rows) return rows.error();
  CasePage page;
  if (static_cast<int>(rows->size()) > filter.limit) {
    rows->erase(rows->begin() + filter.limit, rows->end());
    page.next_cursor = rows->back().id();
  }
  page.cases = std::move(*rows);
  return page;
}

}  // namespace zeren::app
