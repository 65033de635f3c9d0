#include "admin/csv_reader.h"

namespace einlass {

namespace {

class Reader {
 public:
  Reader(std::string_view text, char delimiter, int first_line)
      : text_(text), delimiter_(delimiter), line_(first_line) {}

  std::vector<CsvRecord> all() {
    std::vector<CsvRecord> out;
    while (pos_ < text_.size()) {
      out.push_back(record());
      if (unterminated_) break;
    }
    return out;
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  bool at_line_end() const { return !at_end() && (peek() == '\n' || peek() == '\r'); }

  // Consumes CRLF, LF or CR and counts the line.
  void consume_line_end() {
    if (peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  std::size_t blanks_ahead() const {
    std::size_t p = pos_;
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
    return p - pos_;
  }

  CsvRecord record() {
    CsvRecord rec;
    rec.line = line_;
    while (true) {
      rec.fields.push_back(field(rec));
      rec.last_line = line_;
      if (unterminated_ || at_end()) return rec;
      if (peek() == delimiter_) {
        ++pos_;
        continue;
      }
      consume_line_end();  // field() stops only at a delimiter, a line end or the end
      return rec;
    }
  }

  std::string field(CsvRecord& rec) {
    const std::size_t blanks = blanks_ahead();
    if (pos_ + blanks < text_.size() && text_[pos_ + blanks] == '"') {
      pos_ += blanks + 1;
      return quoted(rec);
    }
    return unquoted();
  }

  std::string unquoted() {
    const std::size_t start = pos_;
    while (!at_end() && peek() != delimiter_ && !at_line_end()) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  std::string quoted(CsvRecord& rec) {
    std::string out;
    const int opened_on = line_;
    while (true) {
      if (at_end()) {
        unterminated_ = true;
        rec.error = "the quote opened on line " + std::to_string(opened_on) + " is never closed";
        return out;
      }
      const char c = peek();
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          out += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      if (c == '\r' || c == '\n') {
        consume_line_end();
        out += '\n';  // one line break, whatever the file used
        continue;
      }
      out += c;
      ++pos_;
    }
    pos_ += blanks_ahead();
    if (!at_end() && peek() != delimiter_ && !at_line_end()) {
      if (rec.error.empty()) {
        rec.error =
            "unexpected text after a closing quote (a quote inside a quoted value must "
            "be doubled: \"\")";
      }
      out += unquoted();
    }
    return out;
  }

  std::string_view text_;
  char delimiter_;
  int line_;
  std::size_t pos_ = 0;
  bool unterminated_ = false;
};

}  // namespace

std::vector<CsvRecord> read_csv(std::string_view text, char delimiter, int first_line) {
  return Reader(text, delimiter, first_line).all();
}

char detect_delimiter(std::string_view header_line) {
  int commas = 0;
  int semicolons = 0;
  bool in_quotes = false;
  for (const char c : header_line) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

}  // namespace einlass
