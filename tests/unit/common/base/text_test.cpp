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
