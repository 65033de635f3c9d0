#include "badge/badge_geometry.h"

#include <catch2/catch.hpp>

using namespace einlass;

namespace {

void check_inside(const BadgeBox& box, const BadgeLayout& layout) {
  CHECK(box.x >= 0);
  CHECK(box.y >= 0);
  CHECK(box.right() <= layout.width_mm + 1e-9);
  CHECK(box.bottom() <= layout.height_mm + 1e-9);
  CHECK(box.width > 0);
  CHECK(box.height > 0);
}

bool overlap(const BadgeBox& a, const BadgeBox& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

void check_layout(const BadgeGeometry& g, const BadgeLayout& layout) {
  const BadgeBox boxes[] = {g.header, g.name, g.organisation, g.days, g.qr, g.band};
  for (const auto& box : boxes) check_inside(box, layout);
  for (std::size_t i = 0; i < std::size(boxes); ++i)
    for (std::size_t j = i + 1; j < std::size(boxes); ++j) {
      INFO("boxes " << i << " and " << j);
      CHECK_FALSE(overlap(boxes[i], boxes[j]));
    }
  CHECK(g.qr.width == Approx(g.qr.height));
  CHECK(g.band.x == 0);
  CHECK(g.band.width == layout.width_mm);
  CHECK(g.band.bottom() == Approx(layout.height_mm));
}

}  // namespace

TEST_CASE("the default 90 x 140 mm badge stacks its parts in one column", "[badge]") {
  const BadgeLayout layout;
  const auto g = badge_geometry(layout);
  REQUIRE(g);
  CHECK_FALSE(g->landscape);
  check_layout(*g, layout);
  CHECK(g->header.bottom() <= g->name.y);
  CHECK(g->name.bottom() <= g->organisation.y);
  CHECK(g->organisation.bottom() <= g->qr.y);
  CHECK(g->qr.bottom() <= g->days.y);
  CHECK(g->days.bottom() <= g->band.y);
  CHECK(g->qr.width >= 40);  // large enough to scan from a lanyard
}

TEST_CASE("a 4 x 3 in label puts the QR code beside the text", "[badge]") {
  const BadgeLayout layout{101.6, 76.2, 203};
  const auto g = badge_geometry(layout);
  REQUIRE(g);
  CHECK(g->landscape);
  check_layout(*g, layout);
  CHECK(g->name.right() <= g->qr.x);
  CHECK(g->qr.width >= 30);
  CHECK(g->name.width >= 45);
}

TEST_CASE("pages and resolutions out of range are refused with the numbers", "[badge]") {
  const auto small = badge_geometry({30, 20, 300});
  REQUIRE_FALSE(small);
  CHECK(small.error().find("30 x 20 mm") != std::string::npos);
  CHECK(small.error().find("too small") != std::string::npos);
  const auto large = badge_geometry({900, 140, 300});
  REQUIRE_FALSE(large);
  CHECK(large.error().find("too large") != std::string::npos);
  const auto dpi = badge_geometry({90, 140, 5});
  REQUIRE_FALSE(dpi);
  CHECK(dpi.error().find("5 dpi") != std::string::npos);
}
