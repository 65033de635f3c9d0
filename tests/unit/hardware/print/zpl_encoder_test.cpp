#include "print/zpl_encoder.h"

#include <catch2/catch.hpp>

#include "zpl_reader.h"

using namespace einlass;

namespace {

Badge sample_badge() {
  Badge b;
  b.event_name = "Digitaler Staat 2026";
  b.name = "Jürgen Weiß";
  b.organisation = "Stadtwerke Görlitz";
  b.category_label = "Aussteller";
  b.category_colour = "#1F6FB2";
  b.days_text = "Sa 28.03.";
  b.code = "B1:K1-000042:r0";
  return b;
}

MonoBitmap pattern(int width, int height) {
  MonoBitmap m(width, height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      m.set_ink(x, y, y < 3 ? false : y < 5 ? true : (x * 7 + y * 3) % 11 < 4);
  return m;
}

bool same_bits(const MonoBitmap& a, const MonoBitmap& b) {
  if (a.width() != b.width() || a.height() != b.height()) return false;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x)
      if (a.ink(x, y) != b.ink(x, y)) return false;
  return true;
}

}  // namespace

TEST_CASE("compressed rows use fills, repeats and the repeat-row mark", "[zpl]") {
  MonoBitmap m(64, 4);  // 8 bytes = 16 hex digits per row
  // Row 0 blank -> ","; row 1 all black -> "!"; row 2 = row 1 -> ":";
  // row 3: 0xF0 then 0x00 ... -> "F,"
  for (int x = 0; x < 64; ++x) {
    m.set_ink(x, 1, true);
    m.set_ink(x, 2, true);
  }
  for (int x = 0; x < 4; ++x) m.set_ink(x, 3, true);
  CHECK(zpl_compressed_rows(m, 0, 4) == ",!:F0,");

  MonoBitmap wide(8 * 300, 1);  // 600 hex digits: 0xAA... repeated
  for (int x = 0; x < wide.width(); x += 2) wide.set_ink(x, 0, true);
  // 600 'A's = 400 + 200: "zA" then "pA" (p = 200)
  CHECK(zpl_compressed_rows(wide, 0, 1) == "zApA");

  MonoBitmap odd(16, 1);  // 0x0F 0x00 -> "0F" then fill: the fill starts on a byte boundary
  for (int x = 4; x < 8; ++x) odd.set_ink(x, 0, true);
  CHECK(zpl_compressed_rows(odd, 0, 1) == "0F,");
  MonoBitmap run(16, 1);  // 0x00 0x10: two '0' as "H0", then "1", then the last "0" spelled out
  run.set_ink(11, 0, true);
  CHECK(zpl_compressed_rows(run, 0, 1) == "H010");
}

TEST_CASE("a label's ZPL reads back to exactly its bitmap", "[zpl]") {
  const auto bitmap = pattern(101, 37);  // width not a multiple of 8
  const std::string zpl = encode_zpl({101, 37, "test"}, bitmap, nullptr);
  const auto back = test::read_zpl(zpl);
  CHECK(back.formats == 1);
  CHECK(back.width == 101);
  CHECK(back.length == 37);
  REQUIRE(back.graphics.size() == 1);
  CHECK(back.graphics[0].bytes_per_row == 13);
  CHECK(back.graphics[0].field_count == 13 * 37);
  CHECK(back.graphics[0].byte_count == back.graphics[0].field_count);
  CHECK(same_bits(back.bitmap, bitmap));
  CHECK(back.qr_codes.empty());
}

TEST_CASE("a badge goes as ^GF strips within Zebra's byte limit plus a native ^BQ", "[zpl]") {
  const BadgeLayout layout{90, 140, 300};
  auto zpl = badge_to_zpl(sample_badge(), layout, "badge K1-000042 r0");
  REQUIRE(zpl);
  CHECK(zpl->starts_with("^XA\n"));
  CHECK(zpl->ends_with("^XZ\n"));
  CHECK(zpl->find("^FXbadge K1-000042 r0") != std::string::npos);
  const auto back = test::read_zpl(*zpl);
  CHECK(back.width == 1063);  // 90 mm at 300 dpi
  CHECK(back.length == 1654);

  // Strips: each at most 99999 bytes, whole rows, stacked without gaps or overlap.
  REQUIRE(back.graphics.size() >= 3);
  int next_row = 0;
  for (const auto& g : back.graphics) {
    CHECK(g.x == 0);
    CHECK(g.y == next_row);
    CHECK(g.bytes_per_row == 133);
    CHECK(g.field_count <= kZplMaxGraphicBytes);
    CHECK(g.byte_count == g.field_count);
    next_row += g.field_count / g.bytes_per_row;
  }
  CHECK(next_row == 1654);

  // The graphics are the badge without its QR; the QR is a ^BQ field with the code.
  auto raster = render_badge_bitmap(sample_badge(), layout, BadgeQr::left_blank);
  REQUIRE(raster);
  CHECK(same_bits(back.bitmap, raster->bitmap));
  REQUIRE(back.qr_codes.size() == 1);
  const auto& qr = back.qr_codes[0];
  CHECK(qr.data == "B1:K1-000042:r0");
  CHECK(qr.magnification == std::min(raster->qr_module_dots, kZplMaxQrMagnification));
  // Centred on the square the layout gave the QR.
  const int laid_out = raster->qr_modules * raster->qr_module_dots;
  const int printed = raster->qr_modules * qr.magnification;
  CHECK(qr.x - raster->qr_x == (laid_out - printed) / 2);
  CHECK(qr.y - raster->qr_y == (laid_out - printed) / 2);
  // Compression pays: far less than two hex digits per byte.
  CHECK(zpl->size() < 133u * 1654u / 4);
}

TEST_CASE("^BQ data escapes ZPL's command characters with ^FH", "[zpl]") {
  auto badge = sample_badge();
  badge.code = "A^B~C_D";
  auto zpl = badge_to_zpl(badge, {101.6, 76.2, 203}, "");
  REQUIRE(zpl);
  CHECK(zpl->find("^FH_^FDMA,A_5EB_7EC_5FD^FS") != std::string::npos);
  const auto back = test::read_zpl(*zpl);
  REQUIRE(back.qr_codes.size() == 1);
  CHECK(back.qr_codes[0].data == "A^B~C_D");
}

TEST_CASE("a code the printer's QR cannot take is drawn into the graphic instead", "[zpl]") {
  auto badge = sample_badge();
  badge.code = "Bädge-42";
  CHECK_FALSE(zpl_native_qr_possible(badge.code));
  const BadgeLayout layout{101.6, 76.2, 203};
  auto zpl = badge_to_zpl(badge, layout, "");
  REQUIRE(zpl);
  const auto back = test::read_zpl(*zpl);
  CHECK(back.qr_codes.empty());
  auto raster = render_badge_bitmap(badge, layout, BadgeQr::drawn);
  REQUIRE(raster);
  CHECK(same_bits(back.bitmap, raster->bitmap));
}

TEST_CASE("the label size follows the printer's dpi", "[zpl]") {
  auto zpl = badge_to_zpl(sample_badge(), {101.6, 76.2, 203}, "");
  REQUIRE(zpl);
  const auto back = test::read_zpl(*zpl);
  CHECK(back.width == 812);
  CHECK(back.length == 609);
  CHECK(back.graphics.size() == 1);  // 102 x 609 bytes fit one field
  CHECK(back.graphics[0].field_count == 102 * 609);
}
