#include "base/date_text.h"

#include <catch2/catch.hpp>

using namespace einlass;

TEST_CASE("ISO dates format with leading zeros and parse back", "[base]") {
  const auto date = std::chrono::year{2026} / 3 / 8;
  CHECK(format_iso_date(date) == "2026-03-08");
  CHECK(parse_iso_date("2026-03-08") == date);
}

TEST_CASE("impossible dates and other shapes are refused, naming the text", "[base]") {
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-02-30", "26-03-28", "2026-3-28",
                          "28.03.2026", "2026-03-28T09:00", ""}) {
    auto parsed = parse_iso_date(bad);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().find(std::string{"'"} + bad + "'") != std::string::npos);
  }
  CHECK(parse_iso_date("2028-02-29"));
}
