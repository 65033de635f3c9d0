#include "render/ticket_sheet.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "png_decode.h"
#include "support/files.h"
#include "support/temp_dir.h"

using namespace einlass;

namespace {

TicketSheet sample_sheet() {
  TicketSheet sheet;
  sheet.event_name = "Digitale Verwaltung 2026";
  sheet.event_dates = "28.–29. März 2026, Halle (Saale)";
  sheet.attendee_name = "Dr. Anna-Lena Müller-Lüdenscheidt-Großkreuz";
  sheet.organisation = "Landesamt für Digitalisierung, Breitband und Vermessung Sachsen-Anhalt";
  sheet.category_label = "Referent";
  sheet.category_colour = "#C0392B";
  sheet.days_text = "Gültig: Sa 28.03. und So 29.03.2026";
  sheet.ticket_id_text = "T000042";
  sheet.code = "EINLASS:" + std::string(200, '7') + "ABCDEFGHIJKLMNOPQRSTUVWXYZ$%*+-./:";
  return sheet;
}

}  // namespace

TEST_CASE("a ticket PNG decodes back to exactly the ticket code with ZXing", "[render]") {
  test::TempDir dir;
  const auto sheet = sample_sheet();
  REQUIRE(render_ticket_sheet(sheet, DocumentFormat::png, dir / "t.png"));
  const auto decoded = test::decode_qr_from_png(dir / "t.png");
  REQUIRE(decoded);
  CHECK(*decoded == sheet.code);
}

TEST_CASE("a ticket PDF is a single A6 page titled with the event and ticket id", "[render]") {
  test::TempDir dir;
  REQUIRE(render_ticket_sheet(sample_sheet(), DocumentFormat::pdf, dir / "t.pdf"));
  const auto pdf = test::read_file(dir / "t.pdf");
  CHECK(pdf.starts_with("%PDF-"));
  CHECK(pdf.find("/Count 1") != std::string::npos);
  CHECK(pdf.find("/MediaBox [ 0 0 297.") != std::string::npos);  // 105 x 148 mm
  CHECK(pdf.find(" 419.") != std::string::npos);
  // cairo writes a title with non-ASCII text (the dash) as UTF-16BE hex.
  std::string utf16_hex;
  for (char c : std::string{"T000042"}) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "00%02X", static_cast<unsigned>(c));
    utf16_hex += buf;
  }
  CHECK((pdf.find("/Title") != std::string::npos && pdf.find(utf16_hex) != std::string::npos));
}

TEST_CASE("rendering reports a folder that cannot be written instead of failing silently",
          "[render]") {
  auto result =
      render_ticket_sheet(sample_sheet(), DocumentFormat::png, "/nonexistent-einlass-dir/t.png");
  REQUIRE_FALSE(result);
  CHECK(result.error().find("/nonexistent-einlass-dir/t.png") != std::string::npos);
}

TEST_CASE("a ticket with a bad category colour is refused with the reason", "[render]") {
  test::TempDir dir;
  auto sheet = sample_sheet();
  sheet.category_colour = "blue";
  auto result = render_ticket_sheet(sheet, DocumentFormat::png, dir / "t.png");
  REQUIRE_FALSE(result);
  CHECK(result.error().find("blue") != std::string::npos);
}
