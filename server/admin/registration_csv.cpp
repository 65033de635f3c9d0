#include "admin/registration_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <optional>
#include <unordered_map>

#include "admin/csv_reader.h"
#include "base/date_text.h"
#include "base/text.h"
#include "ticket/ticket_codec.h"

namespace einlass {

namespace {

enum class Column { id, name, organisation, email, category, days };
constexpr std::size_t kColumnCount = 6;

constexpr std::string_view canonical_name(Column c) {
  constexpr std::array<std::string_view, kColumnCount> names{"id",    "name",     "organisation",
                                                             "email", "category", "days"};
  return names[static_cast<std::size_t>(c)];
}

struct Alias {
  std::string_view normalized;  // see normalize_header()
  Column column;
};

constexpr std::array kAliases{
    Alias{"id", Column::id},
    Alias{"externalid", Column::id},
    Alias{"externeid", Column::id},
    Alias{"kennung", Column::id},
    Alias{"anmeldeid", Column::id},
    Alias{"name", Column::name},
    Alias{"fullname", Column::name},
    Alias{"displayname", Column::name},
    Alias{"anzeigename", Column::name},
    Alias{"organisation", Column::organisation},
    Alias{"organization", Column::organisation},
    Alias{"beh\xC3\xB6rde", Column::organisation},  // Behörde
    Alias{"dienststelle", Column::organisation},
    Alias{"institution", Column::organisation},
    Alias{"email", Column::email},
    Alias{"mail", Column::email},
    Alias{"emailadresse", Column::email},
    Alias{"emailaddress", Column::email},
    Alias{"category", Column::category},
    Alias{"kategorie", Column::category},
    Alias{"days", Column::days},
    Alias{"tage", Column::days},
};

constexpr std::string_view kKnownColumns =
    "id, name, organisation, email, category, days (German: Kennung, Name, Beh\xC3\xB6rde, "
    "E-Mail, Kategorie, Tage)";

// "E-Mail-Adresse" -> "emailadresse", "BEHÖRDE" -> "behörde": case, spaces, '-', '_' and '.'
// do not matter in header names.
std::string normalize_header(std::string_view raw) {
  std::string out;
  const std::string_view s = trim(raw);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '-' || c == '_' || c == '.') continue;
    // Upper-case German umlauts (U+00C4, U+00D6, U+00DC) are C3 84/96/9C; lower case adds 0x20.
    if (c == '\xC3' && i + 1 < s.size() &&
        (s[i + 1] == '\x84' || s[i + 1] == '\x96' || s[i + 1] == '\x9C')) {
      out += c;
      out += char(s[i + 1] + 0x20);
      ++i;
      continue;
    }
    out += ascii_lower(c);
  }
  return out;
}

// Folds runs of white space (line breaks from quoted cells included) into one space.
std::string fold_spaces(std::string_view raw) {
  std::string out;
  bool pending_space = false;
  for (const char c : trim(raw)) {
    if (is_blank(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

bool looks_like_email(std::string_view s) {
  const auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == s.size()) return false;
  if (s.find('@', at + 1) != std::string_view::npos) return false;
  return std::none_of(s.begin(), s.end(),
                      [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

template <class T>
bool parse_number(std::string_view s, T& out) {
  if (s.empty()) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && end == s.data() + s.size();
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2026-03-28" or "28.03.2026" (what German Excel makes of a typed date). nullopt if the token
// has neither shape; an impossible date (2026-02-30) comes back !ok().
std::optional<std::chrono::year_month_day> parse_date(std::string_view t) {
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
    if (!parse_number(t.substr(0, 4), y) || !parse_number(t.substr(5, 2), m) ||
        !parse_number(t.substr(8, 2), d)) {
      return std::nullopt;
    }
  } else if (const auto dot1 = t.find('.'), dot2 = t.rfind('.');
             dot1 != std::string_view::npos && dot2 != dot1 && t.size() - dot2 - 1 == 4) {
    if (!parse_number(t.substr(0, dot1), d) ||
        !parse_number(t.substr(dot1 + 1, dot2 - dot1 - 1), m) ||
        !parse_number(t.substr(dot2 + 1), y)) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

std::expected<DayMask, std::string> parse_days(std::string_view cell, const EventConfig& event) {
  const std::string_view text = trim(cell);
  if (text.empty()) return all_days(event.day_count);
  const std::chrono::sys_days first{event.first_day};
  const auto last_date =
      std::chrono::year_month_day{first + std::chrono::days{event.day_count - 1}};
  const std::string range = "days 1 to " + std::to_string(event.day_count) + ", " +
                            format_iso_date(event.first_day) + " to " + format_iso_date(last_date);
  DayMask mask = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view token = trim(text.substr(start, comma - start));
    start = comma + 1;
    if (token.empty()) continue;  // "1,,2" or a trailing comma: nothing meant by it
    int day = 0;
    if (all_digits(token)) {
      if (!parse_number(token, day) || day < 1 || day > event.day_count) {
        return std::unexpected("day " + std::string(token) + " is not a day of the event (" +
                               range + ")");
      }
    } else if (const auto date = parse_date(token)) {
      if (!date->ok()) return std::unexpected("'" + std::string(token) + "' is not a valid date");
      const auto offset = (std::chrono::sys_days{*date} - first).count();
      if (offset < 0 || offset >= event.day_count) {
        return std::unexpected(format_iso_date(*date) + " is not a day of the event (" + range +
                               ")");
      }
      day = static_cast<int>(offset) + 1;
    } else {
      return std::unexpected("'" + std::string(token) + "' is neither a day number nor a date (" +
                             range + "; several separated by commas)");
    }
    mask |= DayMask{1} << (day - 1);
  }
  // Only commas: not "all days" (an empty cell says that), and no attendee may have no day.
  if (mask == 0) return std::unexpected("'" + std::string(text) + "' names no day (" + range + ")");
  return mask;
}

std::string allowed_categories(const EventConfig& event) {
  std::string out;
  for (const auto& c : event.categories) {
    if (!out.empty()) out += ", ";
    out += c.slug + " (" + c.label_de + "/" + c.label_en + ")";
  }
  return out;
}

// Where each known column is, and the header cells as written (for messages).
struct Layout {
  std::array<std::optional<std::size_t>, kColumnCount> index;
  std::vector<std::string> headers;

  const std::optional<std::size_t>& at(Column c) const {
    return index[static_cast<std::size_t>(c)];
  }
  std::string header(Column c) const {
    const auto& i = at(c);
    return i ? headers[*i] : std::string(canonical_name(c));
  }
  std::string_view cell(const CsvRecord& row, Column c) const {
    const auto& i = at(c);
    return i && *i < row.fields.size() ? std::string_view(row.fields[*i]) : std::string_view();
  }
};

class RegistrationCsvParser {
 public:
  explicit RegistrationCsvParser(const EventConfig& event) : event_(event) {}

  std::expected<std::vector<Registration>, std::vector<CsvRowError>> parse(std::string_view text) {
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
      return file_error("the file is UTF-16; save it as \"CSV UTF-8\" instead");
    }
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (trim(text).empty()) return file_error("the file is empty");

    int first_line = 1;
    char delimiter = 0;
    if (const auto sep = excel_separator_line(text)) {
      delimiter = sep->first;
      text.remove_prefix(sep->second);
      first_line = 2;
    }
    if (delimiter == 0) delimiter = detect_delimiter(text.substr(0, text.find_first_of("\r\n")));
    delimiter_ = delimiter;
    find_invalid_utf8_lines(text, first_line);

    const auto records = read_csv(text, delimiter, first_line);
    if (!records.empty() && read_header(records.front())) {
      for (std::size_t i = 1; i < records.size(); ++i) row(records[i]);
    }
    if (!errors_.empty()) return std::unexpected(std::move(errors_));
    return std::move(out_);
  }

 private:
  static std::unexpected<std::vector<CsvRowError>> file_error(std::string message) {
    return std::unexpected(std::vector{CsvRowError{0, "", std::move(message)}});
  }

  // Excel writes and reads "sep=;" as the first line. Returns the delimiter and the bytes to
  // skip.
  static std::optional<std::pair<char, std::size_t>> excel_separator_line(std::string_view text) {
    const std::size_t end = std::min(text.find_first_of("\r\n"), text.size());
    const std::string_view line = trim(text.substr(0, end));
    if (line.size() != 5 || ascii_lower(line.substr(0, 4)) != "sep=") return std::nullopt;
    if (line[4] != ',' && line[4] != ';') return std::nullopt;
    std::size_t skip = end;
    if (skip < text.size() && text[skip] == '\r') ++skip;
    if (skip < text.size() && text[skip] == '\n') ++skip;
    return std::pair{line[4], skip};
  }

  // Lines end as the CSV reader ends them (CRLF, LF or a lone CR), so a line number here is the
  // reader's for the same bytes.
  void find_invalid_utf8_lines(std::string_view text, int first_line) {
    int line = first_line;
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t end = std::min(text.find_first_of("\r\n", start), text.size());
      if (!is_valid_utf8(text.substr(start, end - start))) bad_utf8_lines_.push_back(line);
      start = end + 1;
      if (end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n') ++start;
      ++line;
    }
  }

  // Reports the record's lines that are not UTF-8; true if there were any.
  bool report_invalid_utf8(const CsvRecord& rec) {
    bool any = false;
    for (const int line : bad_utf8_lines_) {
      if (line < rec.line || line > rec.last_line) continue;
      errors_.push_back({line, "",
                         "not valid UTF-8 (save the file as \"CSV UTF-8\"; Excel's plain \"CSV\" "
                         "is Windows-1252)"});
      any = true;
    }
    return any;
  }

  void add_error(const CsvRecord& rec, std::string field, std::string message) {
    errors_.push_back({rec.line, std::move(field), std::move(message)});
  }

  bool read_header(const CsvRecord& header) {
    if (report_invalid_utf8(header)) return false;
    if (!header.error.empty()) {
      add_error(header, "", header.error);
      return false;
    }
    const bool blank = std::all_of(header.fields.begin(), header.fields.end(),
                                   [](const std::string& f) { return trim(f).empty(); });
    if (blank) {
      add_error(header, "",
                "the first line must be the header with the column names (" +
                    std::string(kKnownColumns) + ")");
      return false;
    }
    const std::size_t errors_before = errors_.size();
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      const std::string written(trim(header.fields[i]));
      layout_.headers.push_back(written);
      if (written.empty() || written.starts_with('#')) continue;  // deliberately not imported
      const std::string key = normalize_header(written);
      const auto alias = std::find_if(kAliases.begin(), kAliases.end(),
                                      [&](const Alias& a) { return a.normalized == key; });
      if (alias == kAliases.end()) {
        add_error(header, written,
                  "unknown column; known columns are " + std::string(kKnownColumns) +
                      ". To keep a column without importing it, start its name with '#'");
        continue;
      }
      auto& slot = layout_.index[static_cast<std::size_t>(alias->column)];
      if (slot) {
        add_error(header, written,
                  "column " + std::string(canonical_name(alias->column)) +
                      " appears twice (also as '" + layout_.headers[*slot] + "')");
        continue;
      }
      slot = i;
    }
    if (!layout_.at(Column::name)) {
      add_error(header, "name", "the required column name (Name) is missing");
    }
    if (!layout_.at(Column::id) && !layout_.at(Column::email)) {
      add_error(header, "id",
                "needs a column id (Kennung) or email (E-Mail): one of them identifies a "
                "registration when the file is imported again");
    }
    return errors_.size() == errors_before;
  }

  void row(const CsvRecord& rec) {
    const bool blank = std::all_of(rec.fields.begin(), rec.fields.end(),
                                   [](const std::string& f) { return trim(f).empty(); });
    if (blank && rec.error.empty()) return;
    if (report_invalid_utf8(rec)) return;
    if (!rec.error.empty()) return add_error(rec, "", rec.error);
    if (!cell_count_fits(rec)) return;

    const std::size_t errors_before = errors_.size();
    Registration r;
    r.record.display_name = fold_spaces(layout_.cell(rec, Column::name));
    if (r.record.display_name.empty()) add_error(rec, layout_.header(Column::name), "is empty");
    r.record.organisation = fold_spaces(layout_.cell(rec, Column::organisation));
    // Badges, tickets and printers cannot show them; the ticket codec refuses them too.
    for (const auto& [column, text] : {std::pair{Column::name, &r.record.display_name},
                                       std::pair{Column::organisation, &r.record.organisation}}) {
      if (contains_control_character(*text)) {
        add_error(rec, layout_.header(column),
                  "contains an invisible control character; retype the value");
      }
      // A ticket and a sync message carry at most this much; longer would not fit a badge either.
      if (text->size() > kMaxTicketTextBytes) {
        add_error(rec, layout_.header(column),
                  "is " + std::to_string(text->size()) + " bytes long; at most " +
                      std::to_string(kMaxTicketTextBytes) + " fit on a ticket and a badge");
      }
    }

    r.email = std::string(trim(layout_.cell(rec, Column::email)));
    if (!r.email.empty() && !looks_like_email(r.email)) {
      add_error(rec, layout_.header(Column::email), "'" + r.email + "' is not an e-mail address");
    }
    r.external_id = std::string(trim(layout_.cell(rec, Column::id)));
    if (r.external_id.empty()) r.external_id = ascii_lower(r.email);
    if (r.external_id.empty()) {
      add_error(rec, layout_.header(layout_.at(Column::id) ? Column::id : Column::email),
                "needs an id or an e-mail address to identify the registration");
    } else if (const auto [it, added] = first_line_of_id_.try_emplace(r.external_id, rec.line);
               !added) {
      add_error(rec, layout_.header(layout_.at(Column::id) ? Column::id : Column::email),
                "'" + r.external_id + "' is already used on line " + std::to_string(it->second));
    }

    if (const auto category = read_category(rec)) r.record.category = *category;
    if (auto days = parse_days(layout_.cell(rec, Column::days), event_)) {
      r.record.days = *days;
    } else {
      add_error(rec, layout_.header(Column::days), days.error());
    }
    if (errors_.size() == errors_before) out_.push_back(std::move(r));
  }

  bool cell_count_fits(const CsvRecord& rec) {
    const std::size_t width = layout_.headers.size();
    if (rec.fields.size() == width) return true;
    // Spreadsheets add empty cells at the end of a row; those do not matter.
    const bool only_empty_extra =
        rec.fields.size() > width &&
        std::all_of(rec.fields.begin() + static_cast<std::ptrdiff_t>(width), rec.fields.end(),
                    [](const std::string& f) { return trim(f).empty(); });
    if (only_empty_extra) return true;
    std::string message = "has " + std::to_string(rec.fields.size()) +
                          " cells, but the header has " + std::to_string(width);
    if (rec.fields.size() > width && delimiter_ == ',') {
      message += " (a value with commas, like days 1,2, must be in double quotes: \"1,2\")";
    }
    add_error(rec, "", message);
    return false;
  }

  std::optional<CategoryCode> read_category(const CsvRecord& rec) {
    const std::string_view text = trim(layout_.cell(rec, Column::category));
    if (text.empty()) {
      if (!event_.categories.empty()) return event_.categories.front().code;
      add_error(rec, layout_.header(Column::category), "the event has no categories");
      return std::nullopt;
    }
    if (const Category* c = find_category(event_, text)) return c->code;
    add_error(
        rec, layout_.header(Column::category),
        "unknown category '" + std::string(text) + "'; use one of: " + allowed_categories(event_));
    return std::nullopt;
  }

  const EventConfig& event_;
  char delimiter_ = ',';
  Layout layout_;
  std::vector<int> bad_utf8_lines_;
  std::unordered_map<std::string, int> first_line_of_id_;
  std::vector<CsvRowError> errors_;
  std::vector<Registration> out_;
};

}  // namespace

std::expected<std::vector<Registration>, std::vector<CsvRowError>> parse_registrations_csv(
    std::string_view content, const EventConfig& event) {
  return RegistrationCsvParser(event).parse(content);
}

}  // namespace einlass
