#pragma once
// Registrations from a CSV file as organisers export it from Excel, LibreOffice or a
// registration system. Pure: takes the file's content, does no I/O.
//
// The file
//   - UTF-8, with or without byte order mark; UTF-16 and other encodings are refused.
//   - Comma or semicolon as delimiter, taken from the header line (the one with more of them);
//     Excel's "sep=;" first line is honoured.
//   - Quoting per RFC 4180: "a;b", "say ""hi""", line breaks inside quotes. CRLF or LF.
//   - The first line is the header. Blank lines (also ";;;;") are skipped.
// The columns, in any order; header names ignore case, spaces, '-', '_' and '.':
//   id            optional stable id from the registration system ("external_id", "Kennung",
//                 "Anmelde-ID"). Without it the lower-cased e-mail address is the id.
//                 Re-importing updates the registration with the same id.
//   name          required ("Full name", "Anzeigename").
//   organisation  optional ("Organization", "Behörde", "Dienststelle", "Institution").
//   email         optional ("E-Mail", "Mail", "E-Mail-Adresse"), but a row needs an id or one.
//   category      optional: slug, German or English label of one of the event's categories
//                 ("speaker", "Referent"); empty means the event's first category ("Kategorie").
//   days          optional: day numbers (1, 2) or dates (2026-03-28 or 28.03.2026), several
//                 separated by commas ("1,2" in quotes when the delimiter is a comma); empty
//                 means all days of the event ("Tage").
// A column whose header starts with '#' is ignored, as is a column without a header. Any other
// unknown column is an error: a typo such as "Organsation" would otherwise leave every badge
// without its organisation.
// Names and organisations have runs of white space (also line breaks) folded into one space.
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "event/attendee.h"
#include "event/event_config.h"

namespace einlass {

struct CsvRowError {
  int line = 0;       // physical line in the file (1 = header); 0 = the file as a whole
  std::string field;  // the column's header as written in the file; empty if not one column
  std::string message;
  bool operator==(const CsvRowError&) const = default;
};

// All registrations in file order (record.ticket_id 0, status active), or every problem found:
// file-level problems (empty file, UTF-16, missing or unknown or doubled columns) and each bad
// row (invalid UTF-8, wrong number of cells, empty name, unknown category, a day outside the
// event, an id already used on an earlier line, ...), ordered by line. A header-only file gives
// an empty list.
std::expected<std::vector<Registration>, std::vector<CsvRowError>> parse_registrations_csv(
    std::string_view content, const EventConfig& event);

}  // namespace einlass
