#include "admin/registration_csv.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "support/sample_event.h"

using namespace einlass;

namespace {

std::vector<Registration> parse_ok(std::string_view csv) {
  auto result = parse_registrations_csv(csv, test::sample_event());
  if (!result) {
    for (const auto& e : result.error())
      UNSCOPED_INFO(e.line << " " << e.field << ": " << e.message);
    FAIL("expected the file to parse");
  }
  return *result;
}

std::vector<CsvRowError> parse_errors(std::string_view csv) {
  auto result = parse_registrations_csv(csv, test::sample_event());
  REQUIRE_FALSE(result);
  return result.error();
}

bool has_error(const std::vector<CsvRowError>& errors, int line, std::string_view field,
               std::string_view part) {
  return std::any_of(errors.begin(), errors.end(), [&](const CsvRowError& e) {
    return e.line == line && e.field == field && e.message.find(part) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("a comma-separated file with the documented columns gives one registration a row",
          "[admin][csv]") {
  const auto regs = parse_ok(
      "id,name,organisation,email,category,days\n"
      "R-1,Anna Beispiel,Bundesamt für Beispiele,anna@example.org,speaker,1\n"
      "R-2,Bernd Muster,Stadt Musterhausen,bernd@example.org,attendee,\n");
  REQUIRE(regs.size() == 2);
  CHECK(regs[0].external_id == "R-1");
  CHECK(regs[0].email == "anna@example.org");
  CHECK(regs[0].record.display_name == "Anna Beispiel");
  CHECK(regs[0].record.organisation == "Bundesamt für Beispiele");
  CHECK(regs[0].record.category == 2);
  CHECK(regs[0].record.days == 0b01);
  CHECK(regs[0].record.ticket_id == 0);
  CHECK(regs[0].record.status == AttendeeStatus::active);
  CHECK(regs[1].record.days == 0b11);  // empty = all days
}

TEST_CASE("an Excel export with semicolons, BOM, CRLF and umlauts is read", "[admin][csv]") {
  const auto regs = parse_ok(
      "\xEF\xBB\xBFName;Behörde;E-Mail;Kategorie;Tage\r\n"
      "Jürgen Müller-Lüdenscheidt;Landratsamt Görlitz;J.Mueller@Example.org;Referent;1,2\r\n"
      "Ärzte Öffentlich;Straßenbauamt;oe@example.org;Teilnehmer;2\r\n");
  REQUIRE(regs.size() == 2);
  CHECK(regs[0].record.display_name == "Jürgen Müller-Lüdenscheidt");
  CHECK(regs[0].record.organisation == "Landratsamt Görlitz");
  CHECK(regs[0].record.category == 2);
  CHECK(regs[0].record.days == 0b11);
  CHECK(regs[0].email == "J.Mueller@Example.org");
  CHECK(regs[0].external_id == "j.mueller@example.org");  // no id column: lower-cased e-mail
  CHECK(regs[1].record.display_name == "Ärzte Öffentlich");
  CHECK(regs[1].record.days == 0b10);
}

TEST_CASE("header names ignore case, spaces and dashes and know German and English aliases",
          "[admin][csv]") {
  const auto regs = parse_ok(
      "KENNUNG;Full Name;ORGANIZATION;E-Mail-Adresse;KATEGORIE;TAGE\n"
      "k1;Anna;Amt;anna@example.org;press;\n");
  REQUIRE(regs.size() == 1);
  CHECK(regs[0].external_id == "k1");
  CHECK(regs[0].record.display_name == "Anna");
  CHECK(regs[0].record.organisation == "Amt");
  CHECK(regs[0].record.category == 4);
  for (const char* header : {"BEHÖRDE", "Behörde", "Dienststelle", "organisation"}) {
    const auto one = parse_ok(std::string("name,email,") + header + "\nA,a@b.de,Amt X\n");
    CHECK(one.at(0).record.organisation == "Amt X");
  }
}

TEST_CASE("quoted cells may hold delimiters, quotes and line breaks; lines stay physical",
          "[admin][csv]") {
  auto errors = parse_errors(
      "name,organisation,email,days\n"
      "\"Muster, Max\",\"Bundesamt für\r\nSicherheit in der \"\"IT\"\"\",max@example.org,\"1,2\"\n"
      "Erika,Amt,erika@example.org,9\n");
  CHECK(errors.size() == 1);
  CHECK(has_error(errors, 4, "days", "day 9"));  // line 4: the quoted break moved it down

  const auto regs = parse_ok(
      "name,organisation,email,days\n"
      "\"Muster, Max\",\"Bundesamt für\r\nSicherheit in der "
      "\"\"IT\"\"\",max@example.org,\"1,2\"\n");
  REQUIRE(regs.size() == 1);
  CHECK(regs[0].record.display_name == "Muster, Max");
  CHECK(regs[0].record.organisation == "Bundesamt für Sicherheit in der \"IT\"");
  CHECK(regs[0].record.days == 0b11);
}

TEST_CASE("every bad row is reported with its line, not just the first", "[admin][csv]") {
  const auto errors = parse_errors(
      "name;email;category;days\n"
      ";empty-name@example.org;;\n"    // 2: no name
      "Gut;gut@example.org;;\n"        // 3: fine
      "Carl;carl@example.org;Gast;\n"  // 4: unknown category
      "Dora;dora@example.org;;3\n"     // 5: day out of range
      "Emil;kein-mail;;\n"             // 6: not an e-mail
      "Fritz;;;\n");                   // 7: neither id nor e-mail
  CHECK(errors.size() == 5);
  CHECK(has_error(errors, 2, "name", "empty"));
  CHECK(has_error(errors, 4, "category", "Gast"));
  CHECK(has_error(errors, 5, "days", "day 3"));
  CHECK(has_error(errors, 6, "email", "kein-mail"));
  CHECK(has_error(errors, 7, "email", "id or an e-mail"));
  CHECK(std::is_sorted(errors.begin(), errors.end(),
                       [](const auto& a, const auto& b) { return a.line < b.line; }));
}

TEST_CASE("a row with several problems reports each of them", "[admin][csv]") {
  const auto errors = parse_errors("name;email;category;days\n;x@y.de;Gast;7\n");
  CHECK(errors.size() == 3);
  CHECK(has_error(errors, 2, "name", "empty"));
  CHECK(has_error(errors, 2, "category", "Gast"));
  CHECK(has_error(errors, 2, "days", "7"));
}

TEST_CASE("an unknown category names the allowed values", "[admin][csv]") {
  const auto errors = parse_errors("name,email,Kategorie\nA,a@example.org,VIP\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 2);
  CHECK(errors[0].field == "Kategorie");  // as written in the file
  CHECK_THAT(errors[0].message, Catch::Contains("'VIP'"));
  CHECK_THAT(errors[0].message, Catch::Contains("speaker (Referent/Speaker)"));
  CHECK_THAT(errors[0].message, Catch::Contains("attendee (Teilnehmer/Attendee)"));
}

TEST_CASE("a category is found by slug or German or English label in any case", "[admin][csv]") {
  const auto regs = parse_ok(
      "name,email,category\n"
      "A,a@x.de,SPEAKER\nB,b@x.de,referent\nC,c@x.de,Exhibitor\nD,d@x.de,Presse\nE,e@x.de,\n");
  REQUIRE(regs.size() == 5);
  CHECK(regs[0].record.category == 2);
  CHECK(regs[1].record.category == 2);
  CHECK(regs[2].record.category == 3);
  CHECK(regs[3].record.category == 4);
  CHECK(regs[4].record.category == 1);  // empty: the event's first category
}

TEST_CASE("days are day numbers, ISO dates or German dates, several separated by commas",
          "[admin][csv]") {
  const auto regs = parse_ok(
      "name;email;days\n"
      "A;a@x.de;1\n"
      "B;b@x.de;2026-03-29\n"
      "C;c@x.de;2026-03-28, 2\n"
      "D;d@x.de;29.03.2026\n"
      "E;e@x.de; \n"
      "F;f@x.de;1,1\n");
  REQUIRE(regs.size() == 6);
  CHECK(regs[0].record.days == 0b01);
  CHECK(regs[1].record.days == 0b10);
  CHECK(regs[2].record.days == 0b11);
  CHECK(regs[3].record.days == 0b10);
  CHECK(regs[4].record.days == 0b11);
  CHECK(regs[5].record.days == 0b01);
}

TEST_CASE("a day number or date outside the event is an error naming the event's days",
          "[admin][csv]") {
  const auto errors = parse_errors(
      "name;email;days\n"
      "A;a@x.de;0\n"
      "B;b@x.de;3\n"
      "C;c@x.de;2026-03-30\n"
      "D;d@x.de;2026-02-30\n"
      "E;e@x.de;Montag\n");
  REQUIRE(errors.size() == 5);
  CHECK(has_error(errors, 2, "days", "day 0 is not a day of the event"));
  CHECK(has_error(errors, 3, "days", "days 1 to 2, 2026-03-28 to 2026-03-29"));
  CHECK(has_error(errors, 4, "days", "2026-03-30 is not a day of the event"));
  CHECK(has_error(errors, 5, "days", "not a valid date"));
  CHECK(has_error(errors, 6, "days", "'Montag' is neither"));
}

TEST_CASE("a duplicate external id in one file names the line where it was first used",
          "[admin][csv]") {
  SECTION("explicit ids") {
    const auto errors = parse_errors("id,name,email\nX1,A,a@x.de\nX2,B,b@x.de\nX1,C,c@x.de\n");
    REQUIRE(errors.size() == 1);
    CHECK(has_error(errors, 4, "id", "already used on line 2"));
  }
  SECTION("e-mail addresses differing in case only") {
    const auto errors = parse_errors("name,E-Mail\nA,Anna@X.de\nB,anna@x.de\n");
    REQUIRE(errors.size() == 1);
    CHECK(has_error(errors, 3, "E-Mail", "already used on line 2"));
  }
}

TEST_CASE("an explicit id wins over the e-mail, which may then repeat", "[admin][csv]") {
  const auto regs = parse_ok("id,name,email\n1,A,shared@x.de\n2,B,shared@x.de\n3,C,\n");
  REQUIRE(regs.size() == 3);
  CHECK(regs[2].external_id == "3");
}

TEST_CASE("a row with neither id nor e-mail is an error", "[admin][csv]") {
  const auto errors = parse_errors("id,name,email\n,Anna,\n");
  REQUIRE(errors.size() == 1);
  CHECK(has_error(errors, 2, "id", "needs an id or an e-mail"));
}

TEST_CASE("an empty file is a file-level error", "[admin][csv]") {
  for (std::string_view content : {"", "\xEF\xBB\xBF", "  \r\n\n"}) {
    const auto errors = parse_errors(content);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 0);
    CHECK_THAT(errors[0].message, Catch::Contains("empty"));
  }
}

TEST_CASE("a header-only file gives no registrations", "[admin][csv]") {
  CHECK(parse_ok("name;email\r\n").empty());
}

TEST_CASE("missing required columns are reported on the header line", "[admin][csv]") {
  SECTION("no name") {
    const auto errors = parse_errors("id,email\n1,a@x.de\n");
    REQUIRE(errors.size() == 1);
    CHECK(has_error(errors, 1, "name", "required column name"));
  }
  SECTION("neither id nor email") {
    const auto errors = parse_errors("name,organisation\nA,B\n");
    REQUIRE(errors.size() == 1);
    CHECK(has_error(errors, 1, "id", "id (Kennung) or email"));
  }
}

TEST_CASE("an unknown column is an error that says how to keep it", "[admin][csv]") {
  const auto errors = parse_errors("name;email;Organsation;Notizen\nA;a@x.de;Amt;x\n");
  REQUIRE(errors.size() == 2);
  CHECK(has_error(errors, 1, "Organsation", "unknown column"));
  CHECK(has_error(errors, 1, "Notizen", "start its name with '#'"));
}

TEST_CASE("columns starting with # and columns without a header are ignored", "[admin][csv]") {
  const auto regs = parse_ok("name;#Notizen;email;\nA;irgendwas;a@x.de;\nB;;b@x.de;\n");
  REQUIRE(regs.size() == 2);
  CHECK(regs[0].record.display_name == "A");
}

TEST_CASE("a column given twice under two names is an error", "[admin][csv]") {
  const auto errors = parse_errors("name,email,E-Mail\nA,a@x.de,a@x.de\n");
  REQUIRE(errors.size() == 1);
  CHECK(has_error(errors, 1, "E-Mail", "appears twice"));
}

TEST_CASE("invalid UTF-8 is reported with its physical line", "[admin][csv]") {
  const auto errors = parse_errors(
      "name;organisation;email\n"
      "Anna;Amt;a@x.de\n"
      "J\xFCrgen;Amt;j@x.de\n"  // Latin-1 ü
      "Maria;\"Stra\xDF"
      "e\n"  // Latin-1 ß inside a quoted value over two lines
      "amt\";m@x.de\n");
  REQUIRE(errors.size() == 2);
  CHECK(has_error(errors, 3, "", "not valid UTF-8"));
  CHECK(has_error(errors, 4, "", "CSV UTF-8"));
}

TEST_CASE("invalid UTF-8 after a line ended by a lone CR is found on its line", "[admin][csv]") {
  // Old Mac line ends: the reader ends a line at a lone CR, so the UTF-8 check must as well (it
  // counted only LF and blamed the wrong line, or a blank one, and let the byte through).
  const auto errors = parse_errors("id,name\r,\nx,\xE5\n");
  REQUIRE(errors.size() == 1);
  CHECK(has_error(errors, 3, "", "not valid UTF-8"));
  CHECK(has_error(parse_errors("id,name\ra,\xFF\n"), 2, "", "not valid UTF-8"));
}

TEST_CASE("a days cell of commas only names no day and is refused", "[admin][csv]") {
  CHECK(has_error(parse_errors("name,email,days\nA,a@example.org,\",\"\n"), 2, "days",
                  "names no day"));
  CHECK(has_error(parse_errors("name,email,days\nA,a@example.org,\" , ,\"\n"), 2, "days",
                  "names no day"));
}

TEST_CASE("a UTF-16 file is refused with advice", "[admin][csv]") {
  const auto errors = parse_errors(std::string_view("\xFF\xFEn\0a\0", 6));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 0);
  CHECK_THAT(errors[0].message, Catch::Contains("UTF-16"));
}

TEST_CASE("a row with the wrong number of cells is an error, empty trailing cells are not",
          "[admin][csv]") {
  const auto errors = parse_errors(
      "name,email,days\n"
      "A,a@x.de\n"        // too few
      "B,b@x.de,1,2\n"    // days not quoted
      "C,c@x.de,1,,\n");  // trailing empty cells: fine
  REQUIRE(errors.size() == 2);
  CHECK(has_error(errors, 2, "", "has 2 cells, but the header has 3"));
  CHECK(has_error(errors, 3, "", "must be in double quotes"));
}

TEST_CASE("blank lines and rows of delimiters only are skipped", "[admin][csv]") {
  const auto regs = parse_ok("name;email\n\nA;a@x.de\n;\n  \nB;b@x.de\n;;;;\n");
  REQUIRE(regs.size() == 2);
  CHECK(regs[1].record.display_name == "B");
}

TEST_CASE("an unclosed quote is reported at the line where it opened", "[admin][csv]") {
  const auto errors = parse_errors("name,email\nA,a@x.de\n\"B,b@x.de\nC,c@x.de\n");
  REQUIRE(errors.size() == 1);
  CHECK(has_error(errors, 3, "", "never closed"));
}

TEST_CASE("Excel's sep= first line selects the delimiter and lines keep counting", "[admin][csv]") {
  const auto regs = parse_ok("sep=,\r\nname,email,days\r\nA,a@x.de,2\r\n");
  REQUIRE(regs.size() == 1);
  CHECK(regs[0].record.days == 0b10);
  const auto errors = parse_errors("sep=;\nname;email\n;a@x.de\n");
  CHECK(has_error(errors, 3, "name", "empty"));
}

TEST_CASE("names and organisations have their white space folded", "[admin][csv]") {
  const auto regs = parse_ok("name;organisation;email\n  Anna \t Beispiel ; Amt  X ;a@x.de\n");
  REQUIRE(regs.size() == 1);
  CHECK(regs[0].record.display_name == "Anna Beispiel");
  CHECK(regs[0].record.organisation == "Amt X");
}

TEST_CASE("a control character in a name or organisation is an error naming the column",
          "[admin][csv]") {
  const auto errors =
      parse_errors("name;organisation;email\nAnna\x01;Amt;a@x.de\nBernd;Amt\xC2\x85;b@x.de\n");
  CHECK(has_error(errors, 2, "name", "control character"));
  CHECK(has_error(errors, 3, "organisation", "control character"));
  CHECK(errors.size() == 2);
}

TEST_CASE("a name or organisation longer than a ticket can carry is refused by line and column",
          "[admin][csv]") {
  const std::string long_name(201, 'a');
  const std::string fitting(200, 'b');
  const auto errors = parse_errors(
      "id,name,organisation,email,category,days\n"
      "R-1," +
      long_name +
      ",Amt,a@example.org,attendee,\n"
      "R-2,Anna," +
      long_name +
      ",b@example.org,attendee,\n"
      "R-3," +
      fitting + ",Amt,c@example.org,attendee,\n");
  CHECK(errors.size() == 2);
  CHECK(has_error(errors, 2, "name", "201 bytes long; at most 200"));
  CHECK(has_error(errors, 3, "organisation", "201 bytes long"));
}
