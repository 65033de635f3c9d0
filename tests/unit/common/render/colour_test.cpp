#include "render/colour.h"

#include <catch2/catch.hpp>

using namespace einlass;

TEST_CASE("category colours parse from #RRGGBB and anything else is named as wrong", "[render]") {
  auto blue = parse_colour("#1F6FB2");
  REQUIRE(blue);
  CHECK(blue->r == Approx(0x1F / 255.0));
  CHECK(blue->b == Approx(0xB2 / 255.0));
  for (const char* bad : {"", "1F6FB2", "#1F6FB", "#1F6FBZ", "#1F6FB2A", "red"}) {
    auto parsed = parse_colour(bad);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().find("#RRGGBB") != std::string::npos);
  }
}
