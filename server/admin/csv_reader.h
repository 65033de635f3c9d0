#pragma once
// RFC 4180 records out of CSV text, each with the physical line it starts on: quoted fields may
// hold delimiters, doubled quotes and line breaks; records end with CRLF, LF or a lone CR (old
// Mac exports). Pure: no I/O, no encoding checks (see registration_csv.h for those).
#include <string>
#include <string_view>
#include <vector>

namespace einlass {

struct CsvRecord {
  int line = 0;       // physical line (1-based) where the record starts
  int last_line = 0;  // and where it ends (later than line when a quoted value has line breaks)
  std::vector<std::string> fields;
  std::string error;  // empty, or what is wrong with the record's syntax
};

// Splits `text` into records. A quoted field may have spaces before its opening quote and after
// its closing one; a quote inside an unquoted field is kept as text. A quote that is never
// closed swallows the rest of the text: that record carries the error and is the last one.
// `first_line` is the physical line number of text's first line.
std::vector<CsvRecord> read_csv(std::string_view text, char delimiter, int first_line = 1);

// ';' if the line has more semicolons than commas outside quotes, else ','.
char detect_delimiter(std::string_view header_line);

}  // namespace einlass
