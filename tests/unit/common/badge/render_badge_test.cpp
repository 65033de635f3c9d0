#include "badge/render_badge.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "badge/badge_geometry.h"
#include "badge_images.h"
#include "support/files.h"
#include "support/temp_dir.h"

using namespace einlass;

namespace {

Badge sample_badge() {
  Badge b;
  b.event_name = "Digitaler Staat 2026";
  b.name = "Maximilian-Alexander von Müller-Lüdenscheidt";
  b.organisation = "Großhandel Weiß & Söhne GmbH";
  b.category_label = "Referent";
  b.category_colour = "#C0392B";
  b.days_text = "Sa 28.03. · So 29.03.";
  b.code = "B1:K1-000042:r0";
  return b;
}

const BadgeLayout portrait{};                   // 90 x 140 mm, 300 dpi
const BadgeLayout label_4x3{101.6, 76.2, 203};  // landscape label

struct Pixels {
  double per_mm;
  int at(double mm) const { return static_cast<int>(std::lround(mm * per_mm)); }
};

// Runs one of poppler's tools on the PDF: "pdftotext FILE -", "pdfinfo FILE", "pdffonts FILE".
std::string pdf_tool(const std::string& tool, const std::string& pdf,
                     const std::string& after = "") {
  test::TempDir dir;
  test::write_file(dir / "b.pdf", pdf);
  return test::command_output(tool + " '" + (dir / "b.pdf").string() + "'" + after);
}

std::string pdf_text(const std::string& pdf) {
  return pdf_tool("pdftotext", pdf, " -");
}
std::string pdf_info(const std::string& pdf) {
  return pdf_tool("pdfinfo", pdf);
}

test::Image png_of(const Badge& badge, const BadgeLayout& layout) {
  auto png = render_badge(badge, layout, DocumentFormat::png);
  REQUIRE(png);
  return test::decode_png(*png);
}

}  // namespace

TEST_CASE("a badge PDF is one page of the layout's size", "[badge]") {
  auto pdf = render_badge(sample_badge(), portrait, DocumentFormat::pdf);
  REQUIRE(pdf);
  CHECK(pdf->starts_with("%PDF-"));
  const auto info = pdf_info(*pdf);
  CHECK(info.find("Pages:           1\n") != std::string::npos);
  CHECK(info.find("Page size:       255.118 x 396.85 pts") != std::string::npos);  // 90 x 140 mm

  auto label = render_badge(sample_badge(), label_4x3, DocumentFormat::pdf);
  REQUIRE(label);
  CHECK(pdf_info(*label).find("Page size:       288 x 216 pts") != std::string::npos);  // 4 x 3 in
}

TEST_CASE("the PDF carries every text of the badge, umlauts and ß included, in DejaVu Sans",
          "[badge]") {
  auto pdf = render_badge(sample_badge(), portrait, DocumentFormat::pdf);
  REQUIRE(pdf);
  const auto text = pdf_text(*pdf);
  CHECK(text.find("Digitaler Staat 2026") != std::string::npos);
  // Two lines, broken between words.
  CHECK(text.find("Maximilian-Alexander\nvon Müller-Lüdenscheidt") != std::string::npos);
  CHECK(text.find("Großhandel Weiß & Söhne GmbH") != std::string::npos);
  CHECK(text.find("Referent") != std::string::npos);
  CHECK(text.find("Sa 28.03. · So 29.03.") != std::string::npos);
  CHECK(text.find("Reprint") == std::string::npos);
  const auto fonts = pdf_tool("pdffonts", *pdf);
  CHECK(fonts.find("DejaVuSans-Bold") != std::string::npos);
  CHECK(fonts.find("DejaVuSans ") != std::string::npos);
}

TEST_CASE("a reprint says so in words and as a black tag in the header", "[badge]") {
  auto badge = sample_badge();
  badge.reprint = 3;
  auto pdf = render_badge(badge, portrait, DocumentFormat::pdf);
  REQUIRE(pdf);
  CHECK(pdf_text(*pdf).find("Reprint 3") != std::string::npos);

  const auto g = *badge_geometry(portrait);
  const Pixels px{portrait.dpi / 25.4};
  // The right end of the header: blank on a first print, mostly black on a reprint.
  auto black_share = [&](const test::Image& image) {
    int black = 0, all = 0;
    for (int y = px.at(g.header.y) + 2; y < px.at(g.header.bottom()) - 2; ++y)
      for (int x = px.at(g.header.right() - 6); x < px.at(g.header.right()) - 2; ++x, ++all)
        black += image.ink(x, y) ? 1 : 0;
    return static_cast<double>(black) / all;
  };
  CHECK(black_share(png_of(sample_badge(), portrait)) == 0);
  CHECK(black_share(png_of(badge, portrait)) > 0.6);
}

TEST_CASE("a long name takes two lines inside the page, a short one a single larger line",
          "[badge]") {
  for (const auto& layout : {portrait, label_4x3}) {
    INFO(layout.width_mm << " x " << layout.height_mm);
    const auto g = *badge_geometry(layout);
    const Pixels px{layout.dpi / 25.4};
    const int x0 = px.at(g.name.x), x1 = px.at(g.name.right());
    const int y0 = px.at(g.name.y), y1 = px.at(g.name.bottom());

    // Searched across the page, or up to the QR code beside the name on a landscape label.
    const int search_right = g.landscape ? px.at(g.qr.x) : px.at(layout.width_mm);

    const auto long_name = png_of(sample_badge(), layout);
    const auto lines = test::inked_row_runs(long_name, 0, y0, search_right, y1);
    REQUIRE(lines.size() == 2);
    // Nothing of the name outside its box.
    const auto bounds = test::ink_bounds(long_name, 0, y0, search_right, y1);
    REQUIRE(bounds.any);
    CHECK(bounds.left >= x0);
    CHECK(bounds.right < x1);
    CHECK(bounds.top > y0);
    CHECK(bounds.bottom < y1);
    // The box is filled: the longer line spans most of it.
    CHECK(bounds.right - bounds.left > (x1 - x0) * 8 / 10);

    auto short_badge = sample_badge();
    short_badge.name = "Anna Ng";
    const auto short_name = png_of(short_badge, layout);
    const auto one = test::inked_row_runs(short_name, 0, y0, search_right, y1);
    REQUIRE(one.size() == 1);
    CHECK(one[0].second - one[0].first > 1.5 * (lines[0].second - lines[0].first));
  }
}

TEST_CASE("the QR code in the PNG decodes to the badge code", "[badge]") {
  for (const auto& layout : {portrait, label_4x3, BadgeLayout{90, 140, 203}}) {
    INFO(layout.width_mm << " x " << layout.height_mm << " at " << layout.dpi);
    auto badge = sample_badge();
    badge.code = "B1:K1-004711:r2";
    const auto image = png_of(badge, layout);
    CHECK(image.width == static_cast<int>(std::lround(layout.width_mm * layout.dpi / 25.4)));
    CHECK(image.height == static_cast<int>(std::lround(layout.height_mm * layout.dpi / 25.4)));
    CHECK(test::decode_qr(image) == badge.code);
  }
}

TEST_CASE("the band has the category colour and a label that reads on it", "[badge]") {
  const auto g = *badge_geometry(portrait);
  const Pixels px{portrait.dpi / 25.4};
  auto band_inks = [&](const test::Image& image, std::uint32_t& edge) {
    edge = image.at(px.at(1), px.at(g.band.y + g.band.height / 2));
    int white = 0, black = 0;
    for (int y = px.at(g.band.y) + 1; y < image.height; ++y)
      for (int x = 0; x < image.width; ++x) {
        white += image.at(x, y) == 0xFFFFFF ? 1 : 0;
        black += image.at(x, y) == 0x000000 ? 1 : 0;
      }
    return std::pair{white, black};
  };
  std::uint32_t edge = 0;
  const auto [white_on_red, black_on_red] = band_inks(png_of(sample_badge(), portrait), edge);
  CHECK(edge == 0xC0392B);
  CHECK(white_on_red > 1000);  // the label's glyphs
  CHECK(black_on_red == 0);

  auto yellow = sample_badge();
  yellow.category_label = "Aussteller";
  yellow.category_colour = "#F1C40F";
  const auto [white_on_yellow, black_on_yellow] = band_inks(png_of(yellow, portrait), edge);
  CHECK(edge == 0xF1C40F);
  CHECK(black_on_yellow > 1000);
  CHECK(white_on_yellow == 0);
}

TEST_CASE("the 1-bit bitmap has the layout's dots, a readable QR, and a black band", "[badge]") {
  auto raster = render_badge_bitmap(sample_badge(), label_4x3);
  REQUIRE(raster);
  const auto& bitmap = raster->bitmap;
  CHECK(bitmap.width() == 812);  // 4 in at 203 dpi
  CHECK(bitmap.height() == 609);
  CHECK(bitmap.bytes().size() == 102u * 609u);
  const auto image = test::image_of(bitmap);
  CHECK(test::decode_qr(image) == sample_badge().code);
  // The first module of the QR (a finder pattern corner) is black, the dot before it white.
  CHECK(bitmap.ink(raster->qr_x, raster->qr_y));
  CHECK_FALSE(bitmap.ink(raster->qr_x - 1, raster->qr_y));
  CHECK(raster->qr_module_dots >= 2);
  // Red band -> white text: the band is black in one bit.
  const auto g = *badge_geometry(label_4x3);
  const Pixels px{203 / 25.4};
  CHECK(bitmap.ink(px.at(1), px.at(g.band.y + g.band.height / 2)));
}

TEST_CASE("a bitmap for a printer that draws the QR itself leaves its square blank", "[badge]") {
  auto raster = render_badge_bitmap(sample_badge(), portrait, BadgeQr::left_blank);
  REQUIRE(raster);
  const int side = raster->qr_modules * raster->qr_module_dots;
  const auto image = test::image_of(raster->bitmap);
  CHECK_FALSE(
      test::ink_bounds(image, raster->qr_x, raster->qr_y, raster->qr_x + side, raster->qr_y + side)
          .any);
  CHECK_FALSE(test::decode_qr(image));
  auto drawn = render_badge_bitmap(sample_badge(), portrait, BadgeQr::drawn);
  REQUIRE(drawn);
  CHECK(drawn->qr_x == raster->qr_x);
  CHECK(drawn->qr_y == raster->qr_y);
}

TEST_CASE("a light band stays white in one bit, framed, with black text", "[badge]") {
  auto yellow = sample_badge();
  yellow.category_colour = "#F1C40F";
  auto raster = render_badge_bitmap(yellow, portrait);
  REQUIRE(raster);
  const auto g = *badge_geometry(portrait);
  const Pixels px{portrait.dpi / 25.4};
  const int middle = px.at(g.band.y + g.band.height / 2);
  CHECK(raster->bitmap.ink(1, middle));               // the frame
  CHECK_FALSE(raster->bitmap.ink(px.at(5), middle));  // inside the frame, left of the text
}

TEST_CASE("badges that cannot be drawn are refused with what is wrong", "[badge]") {
  auto bad_colour = sample_badge();
  bad_colour.category_colour = "blue";
  auto r = render_badge(bad_colour, portrait, DocumentFormat::pdf);
  REQUIRE_FALSE(r);
  CHECK(r.error().find("'blue'") != std::string::npos);

  r = render_badge(sample_badge(), {30, 20, 300}, DocumentFormat::png);
  REQUIRE_FALSE(r);
  CHECK(r.error().find("30 x 20 mm is too small") != std::string::npos);

  auto long_code = sample_badge();
  long_code.code = std::string(2500, 'x');
  r = render_badge(long_code, label_4x3, DocumentFormat::pdf);
  REQUIRE_FALSE(r);
  CHECK(r.error().find("badge code") != std::string::npos);

  auto no_code = sample_badge();
  no_code.code.clear();
  r = render_badge(no_code, portrait, DocumentFormat::pdf);
  REQUIRE_FALSE(r);
  CHECK(r.error().find("no code") != std::string::npos);

  auto broken = sample_badge();
  broken.name = "M\xC3";
  r = render_badge(broken, portrait, DocumentFormat::pdf);
  REQUIRE_FALSE(r);
  CHECK(r.error().find("name is not valid UTF-8") != std::string::npos);

  auto control = sample_badge();
  control.organisation = "ACME\x1b[31m";
  auto raster = render_badge_bitmap(control, portrait);
  REQUIRE_FALSE(raster);
  CHECK(raster.error().find("organisation contains a control character") != std::string::npos);
}
