#include "base/text.h"

#include <catch2/catch.hpp>

using einlass::is_valid_utf8;
using einlass::trim;

TEST_CASE("trim removes what scanners and spreadsheets add at both ends", "[base]") {
  CHECK(trim("  ABC\r\n") == "ABC");
  CHECK(trim("\tA B\t") == "A B");
  CHECK(trim("") == "");
  CHECK(trim(" \r\n ") == "");
}

TEST_CASE("utf8 validation accepts German text and refuses broken sequences", "[base]") {
  CHECK(is_valid_utf8("Jürgen Müller-Lüdenscheidt, Straße"));
  CHECK(is_valid_utf8(""));
  CHECK_FALSE(is_valid_utf8("\xC3"));  // truncated
  CHECK_FALSE(
      is_valid_utf8("M\xFC"
                    "ller"));                  // Latin-1 ü
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
}

TEST_CASE("ASCII case helpers ignore case for ASCII letters only", "[base]") {
  CHECK(einlass::ascii_lower("E-Mail ÄÖ") == "e-mail ÄÖ");
  CHECK(einlass::equals_ignoring_ascii_case("Referent", "REFERENT"));
  CHECK_FALSE(einlass::equals_ignoring_ascii_case("Referent", "Referen"));
  CHECK(einlass::starts_with_ignoring_ascii_case("einlass:ABC", "EINLASS:"));
  CHECK_FALSE(einlass::starts_with_ignoring_ascii_case("EIN", "EINLASS:"));
}

TEST_CASE("UTF-8 decodes to code points and encodes back", "[base]") {
  const std::string text = "Weiß 東京 🎫";
  const auto cps = einlass::decode_utf8(text);
  REQUIRE(cps);
  CHECK((*cps)[3] == U'ß');
  std::string back;
  for (char32_t c : *cps) einlass::append_utf8(back, c);
  CHECK(back == text);
  CHECK_FALSE(einlass::decode_utf8("\xE6\x9D"));
}

TEST_CASE("control characters are found in valid UTF-8 text", "[base]") {
  CHECK(einlass::contains_control_character("Anna\x01"));
  CHECK(einlass::contains_control_character("Anna\xC2\x85"));  // U+0085, a C1 control
  CHECK(einlass::contains_control_character("A\tB"));
  CHECK_FALSE(einlass::contains_control_character("Jürgen Weiß-Öztürk"));
}
