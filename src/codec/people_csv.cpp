#include "codec/people_csv.hpp"

#include <array>
#include <initializer_list>
#include <optional>

#include "codec/csv.hpp"

namespace zeren::codec {

namespace {

using app::at_cell;
using app::RosterColumn;
using app::RosterPost;

constexpr std::size_t kColumns = 8;
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

std::string_view trim(std::string_view s) {
  while (true) {
    if (s.starts_with(' ') || s.starts_with('\t')) {
      s.remove_prefix(1);
    } else if (s.starts_with(kIdeographicSpace)) {
      s.remove_prefix(kIdeographicSpace.size());
    } else if (s.ends_with(' ') || s.ends_with('\t')) {
      s.remove_suffix(1);
    } else if (s.ends_with(kIdeographicSpace)) {
      s.remove_suffix(kIdeographicSpace.size());
    } else {
      return s;
    }
  }
}

// The parts of `s` between any of `separators`, trimmed, empty ones left out.
std::vector<std::string_view> split(std::string_view s,
                                    std::initializer_list<std::string_view> separators) {
  std::vector<std::string_view> parts;
  while (true) {
    std::size_t at = std::string_view::npos, width = 0;
    for (auto sep : separators) {
      const auto found = s.find(sep);
      if (found < at) at = found, width = sep.size();
    }
    if (auto part = trim(s.substr(0, at)); !part.empty()) parts.push_back(part);
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + width);
  }
}

// Where the first of `tokens` occurs in `s`, and its width.
std::pair<std::size_t, std::size_t> find_any(std::string_view s,
                                             std::initializer_list<std::string_view> tokens) {
  std::pair<std::size_t, std::size_t> first{std::string_view::npos, 0};
  for (auto t : tokens)
    if (const auto at = s.find(t); at < first.first) first = {at, t.size()};
  return first;
}

std::string zh(RosterColumn c) {
  return std::string(zh_of(c));
}

template <class E>
std::string allowed_values() {
  std::string out;
  for (const auto& t : terms<E>()) {
    if (!out.empty()) out += "、";
    out += std::string(t.zh) + " (" + std::string(t.code) + ")";
  }
  return out;
}

template <class E>
Result<E> term(std::string_view text, int line, RosterColumn column) {
  auto v = parse_term<E>(text, code_of(column));
  if (v) return v;
  return at_cell(line, column,
                 Error::invalid("", v.error().code,
                                "「" + std::string(text) + "」不是可用的值，可用：" +
                                    allowed_values<E>() + " (not a known value)"));
}

Result<std::optional<Date>> date(std::string_view text, int line, RosterColumn column) {
  if (text.empty()) return std::optional<Date>{};
  auto d = Date::parse(text);
  if (d) return std::optional<Date>{*d};
  return at_cell(line, column,
                 Error::invalid("", "invalid_date",
                                "「" + std::string(text) +
                                    "」不是日期，格式为 YYYY-MM-DD (not a date YYYY-MM-DD)"));
}

Result<std::vector<RosterPost>> posts(std::string_view cell, std::string_view own_department,
                                      int line) {
  auto bad = [&](std::string_view post, std::string what) {
    return at_cell(line, RosterColumn::posts,
                   Error::invalid("", "invalid_posts", "「" + std::string(post) + "」" + what));
  };
  std::vector<RosterPost> out;
  for (auto post : split(cell, {";", "；"})) {
    auto label = post;
    std::string_view inside;
    const auto [open, open_width] = find_any(post, {"(", "（"});
    if (open != std::string_view::npos) {
      label = trim(post.substr(0, open));
      auto rest = post.substr(open + open_width);
      if (rest.ends_with(")")) {
        rest.remove_suffix(1);
      } else if (rest.ends_with("）")) {
        rest.remove_suffix(std::string_view("）").size());
      } else {
        return bad(post, "括号不配对 (unbalanced brackets)");
      }
      inside = rest;
    }
    if (find_any(inside, {"(", "（", ")", "）"}).first != std::string_view::npos ||
        find_any(label, {")", "）"}).first != std::string_view::npos)
      return bad(post, "括号不配对 (unbalanced brackets)");
    auto kind = term<PostKind>(label, line, RosterColumn::posts);
    if (!kind) return kind.error();
    RosterPost p{*kind, {}};
    for (auto d : split(inside, {"、", ",", "，"})) p.departments.emplace_back(d);
    if (p.kind == PostKind::department_head && p.departments.empty())
      p.departments.emplace_back(own_department);
    out.push_back(std::move(p));
  }
  return out;
}

// Which field of a record holds which column.
struct Layout {
  std::array<std::optional<std::size_t>, kColumns> index;
  std::size_t width = 0;  // fields of the header

  bool named(std::size_t field) const {
    for (const auto& i : index)
      if (i && *i == field) return true;
    return false;
  }
};

Result<Layout> layout(const CsvRow& header) {
  Layout l;
  l.width = header.fields.size();
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const auto name = trim(header.fields[i]);
    if (name.empty()) continue;
    std::string key(name);
    for (auto& ch : key)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    auto column = parse_term<RosterColumn>(key, "column");
    if (!column)
      return Error::invalid(
          "line " + std::to_string(header.line) + ": " + std::string(name), "unknown_column",
          "第 " + std::to_string(header.line) + " 行：未知的列「" + std::string(name) +
              "」，可用的列：" + allowed_values<RosterColumn>() + " (unknown column)");
    auto& slot = l.index[static_cast<std::size_t>(*column)];
    if (slot)
      return Error::invalid(app::roster_field(header.line, *column), "duplicate_column",
                            "第 " + std::to_string(header.line) + " 行：「" + zh(*column) +
                                "」列出现了两次 (the column appears twice)");
    slot = i;
  }
  for (auto required : {RosterColumn::procuratorate, RosterColumn::department, RosterColumn::name,
                        RosterColumn::category})
    if (!l.index[static_cast<std::size_t>(required)])
      return Error::invalid(app::roster_field(header.line, required), "missing_column",
                            "第 " + std::to_string(header.line) + " 行：缺少「" + zh(required) +
                                "」列 (missing column " + std::string(code_of(required)) + ")");
  return l;
}

// One record as a person; nullopt for a record whose cells are all empty.
Result<std::optional<PersonRow>> person(const Layout& l, const CsvRow& record) {
  const int line = record.line;
  bool blank = true;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    if (trim(record.fields[i]).empty()) continue;
    blank = false;
    if (i >= l.width || !l.named(i))
      return Error::invalid(
          "line " + std::to_string(line) + ": 第 " + std::to_string(i + 1) + " 列",
          "unnamed_column",
          "第 " + std::to_string(line) + " 行第 " + std::to_string(i + 1) +
              " 列有内容，但该列没有列名 (a value in a column without a name)");
  }
  if (blank) return std::optional<PersonRow>{};
  auto cell = [&](RosterColumn c) -> std::string_view {
    const auto& i = l.index[static_cast<std::size_t>(c)];
    return i && *i < record.fields.size() ? trim(record.fields[*i]) : std::string_view{};
  };
  for (auto required : {RosterColumn::procuratorate, RosterColumn::department, RosterColumn::name,
                        RosterColumn::category})
    if (cell(required).empty())
      return at_cell(line, required, Error::invalid("", "required", "不能为空 (required)"));

  PersonRow row;
  row.line = line;
  row.procuratorate = cell(RosterColumn::procuratorate);
  row.department = cell(RosterColumn::department);
  row.name = cell(RosterColumn::name);
  auto category = term<PersonCategory>(cell(RosterColumn::category), line, RosterColumn::category);
  if (!category) return category.error();
  row.category = *category;
  if (auto e = cell(RosterColumn::employment); !e.empty()) {
    auto employment = term<Employment>(e, line, RosterColumn::employment);
    if (!employment) return employment.error();
    row.employment = *employment;
  }
  auto p = posts(cell(RosterColumn::posts), row.department, line);
  if (!p) return p.error();
  row.posts = std::move(*p);
  auto from = date(cell(RosterColumn::active_from), line, RosterColumn::active_from);
  if (!from) return from.error();
  auto to = date(cell(RosterColumn::active_to), line, RosterColumn::active_to);
  if (!to) return to.error();
  row.active_from = *from;
  row.active_to = *to;
  return std::optional<PersonRow>{std::move(row)};
}

}  // namespace

Result<std::vector<PersonRow>> decode_people_csv(std::string_view text) {
  auto table = parse_csv(text);
  if (!table) return table.error();
  auto l = layout(table->header);
  if (!l) return l.error();
  std::vector<PersonRow> rows;
  for (const auto& record : table->rows) {
    auto p = person(*l, record);
    if (!p) return p.error();
    if (!*p) continue;
    if (rows.size() == kMaxPeopleRows)
      return Error::invalid("line " + std::to_string(record.line), "too_many_rows",
                            "第 " + std::to_string(record.line) + " 行：名册超过 " +
                                std::to_string(kMaxPeopleRows) + " 人 (too many rows)");
    rows.push_back(std::move(**p));
  }
  if (rows.empty())
    return Error::invalid("csv", "empty_roster", "名册中没有人员 (the roster lists nobody)");
  return rows;
}

}  // namespace zeren::codec
