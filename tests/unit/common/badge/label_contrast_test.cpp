#include "badge/label_contrast.h"

#include <catch2/catch.hpp>

using namespace einlass;

namespace {

Rgb colour(const char* hex) {
  return *parse_colour(hex);
}

}  // namespace

TEST_CASE("band labels are white on dark colours and black on light ones", "[badge]") {
  CHECK(relative_luminance(colour("#000000")) == Approx(0));
  CHECK(relative_luminance(colour("#FFFFFF")) == Approx(1));
  CHECK_FALSE(black_text_reads_better(colour("#C0392B")));  // Referent red
  CHECK_FALSE(black_text_reads_better(colour("#1F6FB2")));  // blue
  CHECK(black_text_reads_better(colour("#27AE60")));        // mid green
  CHECK(black_text_reads_better(colour("#F1C40F")));        // yellow
  CHECK(black_text_reads_better(colour("#FFFFFF")));
  CHECK_FALSE(black_text_reads_better(colour("#000000")));
}
