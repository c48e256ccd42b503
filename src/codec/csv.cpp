#include "codec/csv.hpp"

#include "domain/text.hpp"

namespace zeren::codec {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

Error at_line(int line, std::string code, const std::string& message) {
  return Error::invalid("line " + std::to_string(line), std::move(code),
                        "第 " + std::to_string(line) + " 行：" + message);
}

// Reads the text one record at a time. `pos` only moves forward, by at least one byte for every
// field read, so the reader ends on every input.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }

  Result<CsvRow> record() {
    CsvRow row{line_, {}};
    while (true) {
      if (row.fields.size() == kMaxCsvFields)
        return at_line(row.line, "too_many_fields",
                       "超过 " + std::to_string(kMaxCsvFields) + " 列 (too many fields)");
      auto field = done() || text_[pos_] != '"' ? plain() : quoted();
      if (!field) return field.error();
      row.fields.push_back(std::move(*field));
      if (done()) return row;
      const char c = text_[pos_++];
      if (c == ',') continue;
      // A line break: CRLF, LF or CR.
      if (c == '\r' && !done() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return row;
    }
  }

 private:
  // Up to the next comma or line break; a quote has no place in it.
  Result<std::string> plain() {
    const std::size_t start = pos_;
    while (!done()) {
      const char c = text_[pos_];
      if (c == ',' || c == '\n' || c == '\r') break;
      if (c == '"')
        return at_line(line_, "bad_quote",
                       "未加引号的字段中出现引号，字段中的引号须写成 \"\" 并将整个字段加引号 "
                       "(a quote inside an unquoted field)");
      ++pos_;
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  // From the opening quote to the closing one, which a comma, a line break or the end follows.
  Result<std::string> quoted() {
    const int opened = line_;
    std::string out;
    ++pos_;
    while (true) {
      if (done())
        return at_line(opened, "unclosed_quote", "引号未闭合 (a quoted field is never closed)");
      const char c = text_[pos_++];
      if (c == '"') {
        if (!done() && text_[pos_] == '"') {
          out.push_back('"');
          ++pos_;
          continue;
        }
        break;
      }
      if (c == '\r' || c == '\n') {
        if (c == '\r' && !done() && text_[pos_] == '\n') ++pos_;
        out.push_back('\n');
        ++line_;
        continue;
      }
      out.push_back(c);
    }
    if (!done() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
      return at_line(line_, "bad_quote",
                     "引号闭合后还有字符 (text after the closing quote of a field)");
    return out;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

bool is_empty_line(const CsvRow& row) {
  return row.fields.size() == 1 && row.fields[0].empty();
}

}  // namespace

Result<CsvTable> parse_csv(std::string_view text) {
  if (text.size() > kMaxCsvBytes)
    return Error::invalid(
        "csv", "file_too_large",
        "文件超过 " + std::to_string(kMaxCsvBytes / (1024 * 1024)) + " MB (the file is too large)");
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  Reader reader(text);
  CsvTable table;
  bool have_header = false;
  std::size_t records = 0;
  while (!reader.done()) {
    auto row = reader.record();
    if (!row) return row.error();
    if (is_empty_line(*row)) continue;
    if (++records > kMaxCsvRecords)
      return at_line(row->line, "too_many_records",
                     "文件超过 " + std::to_string(kMaxCsvRecords) + " 行 (too many records)");
    for (const auto& f : row->fields)
      if (!is_valid_utf8(f))
        return at_line(row->line, "invalid_utf8",
                       "不是有效的 UTF-8 文本；Excel 请另存为“CSV UTF-8”格式 (not valid UTF-8)");
    if (have_header) {
      table.rows.push_back(std::move(*row));
    } else {
      table.header = std::move(*row);
      have_header = true;
    }
  }
  if (!have_header)
    return Error::invalid("line 1", "no_header", "文件为空，缺少标题行 (no header row)");
  return table;
}

}  // namespace zeren::codec
