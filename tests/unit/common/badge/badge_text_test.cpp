#include "badge/badge_text.h"

#include <catch2/catch.hpp>

#include "base/text.h"

using namespace einlass;

namespace {

// A stand-in font: every character is 0.6 wide at size 1.
double advance(std::string_view text) {
  const auto code_points = decode_utf8(text);
  return 0.6 * static_cast<double>(code_points ? code_points->size() : text.size());
}

const FontMetrics metrics{0.93, 0.24};

void check_fits(const FittedName& name, double width, double height) {
  REQUIRE(name.lines.size() == name.baselines.size());
  for (std::size_t i = 0; i < name.lines.size(); ++i) {
    CHECK(advance(name.lines[i]) * name.size <= Approx(width).margin(1e-9));
    CHECK(name.baselines[i] - metrics.ascent * name.size >= -1e-9);
    CHECK(name.baselines[i] + metrics.descent * name.size <= height + 1e-9);
  }
}

}  // namespace

TEST_CASE("a short name stays on one line, as large as the box allows", "[badge]") {
  const auto name = fit_name("Anna Ng", 81, 30.8, metrics, advance);
  REQUIRE(name.lines == std::vector<std::string>{"Anna Ng"});
  // Height-limited: one line may be 1.25 times the two-line size, not more.
  const double two_line_size = 30.8 / ((0.93 + 0.24) * 1.9);
  CHECK(name.size == Approx(1.25 * two_line_size));
  check_fits(name, 81, 30.8);
}

TEST_CASE("a long double name breaks between words into two lines that both fit", "[badge]") {
  const std::string full = "Maximilian-Alexander von Müller-Lüdenscheidt";
  const auto name = fit_name(full, 81, 30.8, metrics, advance);
  REQUIRE(name.lines.size() == 2);
  CHECK(name.lines[0] + " " + name.lines[1] == full);
  // The most balanced break at a space wins over the breaks after a hyphen.
  CHECK(name.lines[0] == "Maximilian-Alexander");
  CHECK(name.baselines[1] > name.baselines[0]);
  const double one_line_size = 81 / advance(full);
  CHECK(name.size > 1.15 * one_line_size);
  check_fits(name, 81, 30.8);
}

TEST_CASE("a name with hyphens only may break after a hyphen", "[badge]") {
  const auto name = fit_name("Anna-Lena-Marie-Sophie-Charlotte", 40, 30, metrics, advance);
  REQUIRE(name.lines.size() == 2);
  CHECK(name.lines[0].ends_with("-"));
  CHECK(name.lines[0] + name.lines[1] == "Anna-Lena-Marie-Sophie-Charlotte");
  check_fits(name, 40, 30);
}

TEST_CASE("one long word is shrunk to fit instead of cut", "[badge]") {
  const auto name =
      fit_name("Donaudampfschifffahrtsgesellschaftskapitän", 50, 30, metrics, advance);
  REQUIRE(name.lines.size() == 1);
  CHECK(name.lines[0] == "Donaudampfschifffahrtsgesellschaftskapitän");
  check_fits(name, 50, 30);
}

TEST_CASE("blanks around and inside a name are tidied; an empty name has no lines", "[badge]") {
  CHECK(fit_name("  Anna \t  Ng ", 81, 30, metrics, advance).lines ==
        std::vector<std::string>{"Anna Ng"});
  CHECK(fit_name("   ", 81, 30, metrics, advance).lines.empty());
}

TEST_CASE("a line too long for its minimum size is cut with an ellipsis that fits", "[badge]") {
  const std::string org =
      "Landesamt für Digitalisierung, Breitband und Vermessung Sachsen-Anhalt, Außenstelle Süd";
  const auto line = fit_line(org, 40, 5, 4, 2, metrics, advance);
  CHECK(line.size == 2);
  CHECK(line.text.ends_with("…"));
  CHECK(org.starts_with(line.text.substr(0, line.text.size() - std::string("…").size())));
  CHECK(advance(line.text) * line.size <= 40);
  CHECK(is_valid_utf8(line.text));

  const auto fits = fit_line("Kurz", 40, 5, 4, 2, metrics, advance);
  CHECK(fits.text == "Kurz");
  CHECK(fits.size == 4);
}
