// The roster of people (人员名册) as CSV, decoded without a database: the rows come out with their
// 院 and departments still by name, for app::import_people to resolve. Pure: no I/O, no global
// state; every input ends in rows or an error, never a crash or a hang.
//
// The header row names the columns, each in Chinese or English (English in any case), in any
// order; the first four are required:
//   院 (procuratorate): its name or 院代字
//   部门 (department): the name of a department of that 院
//   姓名 (name)
//   人员类别 (category): 员额检察官, 检察官助理, 书记员, 司法行政人员, or their codes
//   用工性质 (employment): 编制 or 聘用 for a 书记员, empty for everyone else
//   职务 (posts): separated by ; or ；, e.g. "副检察长(第一检察部、第二检察部)；检委会委员";
//     a post's departments in () or （）, separated by 、 , or ，. 副检察长 names those supervised
//     (分管); 部门负责人 heads the row's own 部门 unless one is given; the others name none
//   起始日期 (active_from), 终止日期 (active_to): YYYY-MM-DD
// Cells are trimmed of spaces (ASCII and the ideographic space); a row of empty cells is skipped.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "app/import_people.hpp"
#include "domain/error.hpp"

namespace zeren::codec {

using app::PersonRow;

inline constexpr std::size_t kMaxPeopleRows = 10'000;

// Errors (invalid_argument) name the line and the column in `field` ("line 7: 人员类别", see
// app::roster_field; "line 1: <name>" for an unknown header, "line 7: 第 9 列" for a value under
// no column) and say in Chinese first what is wrong: besides what parse_csv refuses, an unknown or
// repeated column, a missing required column, a required cell empty, a value outside the
// vocabulary, a bad date, a value in a column without a name, no rows or more than kMaxPeopleRows.
Result<std::vector<PersonRow>> decode_people_csv(std::string_view text);

}  // namespace zeren::codec
