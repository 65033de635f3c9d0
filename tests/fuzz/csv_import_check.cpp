#include "fuzz/csv_import_check.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <string_view>
#include <vector>

#include "admin/registration_csv.h"
#include "admin/registration_import.h"
#include "base/text.h"
#include "fuzz/database_snapshot.h"
#include "fuzz/scratch_dir.h"
#include "storage/attendee_repository.h"
#include "storage/event_repository.h"
#include "support/sample_event.h"
#include "support/time_literals.h"
#include "ticket/ticket_codec.h"

namespace einlass::fuzz {

namespace {

using Failure = std::optional<std::string>;

constexpr std::array<int, 4> kEventDays{2, 1, 7, 32};

Database open_database(const std::filesystem::path& path) {
  auto db = Database::open(path, DatabaseKind::server);
  if (!db) throw std::runtime_error(db.error().message);
  if (!EventRepository(*db).save(test::sample_event())) throw std::runtime_error("saving event");
  return std::move(*db);
}

// Lines as read_csv counts them: CRLF, LF and a lone CR each end one.
int physical_lines(std::string_view text) {
  int lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++lines;
    }
  }
  return lines;
}

// C0, DEL and C1 (U+0080..U+009F, C2 80..C2 9F in UTF-8), checked on the bytes themselves.
bool has_control_byte(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x20 || byte == 0x7F) return true;
    if (byte == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      return true;
    }
  }
  return false;
}

// Badge text: valid UTF-8, no control characters, folded white space, fits a ticket.
Failure check_badge_text(std::string_view what, std::string_view text, bool required) {
  if (required && text.empty()) return std::string(what) + " is empty";
  if (!is_valid_utf8(text)) return std::string(what) + " is not valid UTF-8";
  if (has_control_byte(text)) return std::string(what) + " holds a control character";
  if (trim(text) != text) return std::string(what) + " has blanks at an end";
  if (text.find("  ") != std::string_view::npos) return std::string(what) + " has a double space";
  if (text.size() > kMaxTicketTextBytes) return std::string(what) + " is too long for a ticket";
  return std::nullopt;
}

Failure check_rows(const std::vector<Registration>& rows, const EventConfig& event) {
  std::set<std::string_view> ids;
  for (const auto& r : rows) {
    if (r.external_id.empty()) return "an accepted row has no id";
    if (trim(r.external_id) != r.external_id) return "an id has blanks at an end";
    if (!is_valid_utf8(r.external_id) || !is_valid_utf8(r.email)) {
      return "an id or e-mail is not valid UTF-8";
    }
    if (!ids.insert(r.external_id).second) return "two accepted rows have the id " + r.external_id;
    if (auto broken = check_badge_text("a name", r.record.display_name, true)) return broken;
    if (auto broken = check_badge_text("an organisation", r.record.organisation, false)) {
      return broken;
    }
    if (!r.email.empty()) {
      const auto at = r.email.find('@');
      if (at == std::string::npos || at == 0 || at + 1 == r.email.size() ||
          r.email.find('@', at + 1) != std::string::npos) {
        return "an accepted e-mail '" + r.email + "' is not one address";
      }
    }
    if (find_category(event, r.record.category) == nullptr) return "an unknown category";
    if (r.record.days == 0 || (r.record.days & ~all_days(event.day_count)) != 0) {
      return "days " + std::to_string(r.record.days) + " are not days of the event";
    }
    if (r.record.ticket_id != 0 || r.record.status != AttendeeStatus::active) {
      return "a parsed row has a ticket id or a status other than active";
    }
  }
  return std::nullopt;
}

// Every problem names where it is: a line of the file (or 0 for the whole file), in order.
Failure check_problems(const std::vector<CsvRowError>& problems, std::string_view text) {
  if (problems.empty()) return "refused without a problem";
  const int lines = physical_lines(text);
  int previous = 0;
  for (const auto& p : problems) {
    if (p.message.empty()) return "a problem without a message";
    if (p.line < 0 || p.line > lines) {
      return "a problem on line " + std::to_string(p.line) + " of a file with " +
             std::to_string(lines);
    }
    if (p.line < previous) return "problems not ordered by line";
    previous = p.line;
    if (p.line == 0 && (problems.size() != 1 || !p.field.empty())) {
      return "a problem of the whole file alongside others or naming a column";
    }
    // A column is named as its header cell says, trimmed.
    if (trim(p.field) != p.field) return "a problem names a column with blanks at an end";
  }
  return std::nullopt;
}

bool same_registration(const Registration& stored, const Registration& parsed) {
  return stored.external_id == parsed.external_id && stored.email == parsed.email &&
         stored.record.display_name == parsed.record.display_name &&
         stored.record.organisation == parsed.record.organisation &&
         stored.record.category == parsed.record.category &&
         stored.record.days == parsed.record.days && stored.record.status == AttendeeStatus::active;
}

}  // namespace

struct CsvImportFuzzer::State {
  ScratchDir dir;
  ManualClock clock{test::utc(2026, 3, 1, 12)};
  Database db = open_database(dir / "event.db");
  DatabaseSnapshot snapshot{db};
  std::filesystem::path csv = dir / "registrations.csv";

  Failure import_accepted(const EventConfig& event, const std::vector<Registration>& rows);
  Failure import_refused(const EventConfig& event, const std::vector<CsvRowError>& problems);
  Failure write_file(std::string_view content) const;
};

Failure CsvImportFuzzer::State::write_file(std::string_view content) const {
  std::ofstream out(csv, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return "cannot write " + csv.string();
  return std::nullopt;
}

Failure CsvImportFuzzer::State::import_accepted(const EventConfig& event,
                                                const std::vector<Registration>& rows) {
  const auto first = import_registrations(db, event, csv, clock);
  if (!first) return "an accepted file failed to import: " + first.error().message;
  if (*first != ImportSummary{rows.size(), 0, 0}) {
    return "the first import did not add every row (" + std::to_string(first->added) + " of " +
           std::to_string(rows.size()) + ")";
  }
  AttendeeRepository attendees{db, clock};
  const auto stored = attendees.all();
  if (!stored) return "reading back: " + stored.error().message;
  if (stored->size() != rows.size()) return "the database holds another number of rows";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    // New registrations get ticket ids 1, 2, ... in file order.
    if ((*stored)[i].record.ticket_id != i + 1 || !same_registration((*stored)[i], rows[i])) {
      return "row " + std::to_string(i + 1) + " was stored other than parsed";
    }
  }

  clock.advance(std::chrono::minutes(1));
  const auto again = import_registrations(db, event, csv, clock);
  if (!again) return "importing the same file again failed: " + again.error().message;
  if (*again != ImportSummary{0, 0, rows.size()}) {
    return "importing the same file again changed rows (added " + std::to_string(again->added) +
           ", updated " + std::to_string(again->updated) + ")";
  }
  const auto after = attendees.all();
  if (!after || *after != *stored) return "importing the same file again changed the rows";
  return std::nullopt;
}

Failure CsvImportFuzzer::State::import_refused(const EventConfig& event,
                                               const std::vector<CsvRowError>& problems) {
  const auto result = import_registrations(db, event, csv, clock);
  if (result) return "a refused file was imported";
  if (snapshot.changes() != 0) return "a refused import changed the database";
  const std::string& message = result.error().message;
  // "FILE:LINE: FIELD: why" for each problem, then how many there were.
  for (const auto& p : problems) {
    std::string where = csv.string();
    if (p.line > 0) where += ":" + std::to_string(p.line);
    where += ": ";
    if (!p.field.empty()) where += p.field + ": ";
    if (message.find(where + p.message) == std::string::npos) {
      return "the import's message does not name line " + std::to_string(p.line) + " and '" +
             p.field + "'";
    }
  }
  if (message.find("nothing imported") == std::string::npos) {
    return "the import's message does not say that nothing was imported";
  }
  return std::nullopt;
}

CsvImportFuzzer::CsvImportFuzzer() : state_(std::make_unique<State>()) {}
CsvImportFuzzer::~CsvImportFuzzer() = default;

CsvImportOutcome CsvImportFuzzer::check(std::span<const std::uint8_t> input) {
  CsvImportOutcome outcome;
  if (input.empty()) return outcome;
  EventConfig event = test::sample_event();
  event.day_count = kEventDays[input[0] % kEventDays.size()];
  const auto body = input.subspan(1);
  const std::string_view text(reinterpret_cast<const char*>(body.data()), body.size());

  const auto parsed = parse_registrations_csv(text, event);
  if (parse_registrations_csv(text, event) != parsed) {
    outcome.broken = "two parses of one file differ";
    return outcome;
  }
  outcome.accepted = parsed.has_value();
  if (parsed) {
    outcome.rows = parsed->size();
    outcome.broken = check_rows(*parsed, event);
  } else {
    outcome.problems = parsed.error().size();
    outcome.broken = check_problems(parsed.error(), text);
  }
  if (outcome.broken) return outcome;

  State& s = *state_;
  s.snapshot.restore_if_written();
  if ((outcome.broken = s.write_file(text))) return outcome;
  outcome.broken =
      parsed ? s.import_accepted(event, *parsed) : s.import_refused(event, parsed.error());
  return outcome;
}

}  // namespace einlass::fuzz
