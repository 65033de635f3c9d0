#include "admin/ticket_argument.h"

#include <catch2/catch.hpp>

using namespace einlass;

TEST_CASE("ticket ids are accepted as printed, in lower case or as bare numbers", "[admin]") {
  CHECK(parse_ticket_argument("T000042") == 42u);
  CHECK(parse_ticket_argument("t42") == 42u);
  CHECK(parse_ticket_argument("42") == 42u);
  for (const char* bad : {"", "T", "T0", "T-1", "42x", "T99999999999", "X42"}) {
    CHECK_FALSE(parse_ticket_argument(bad));
  }
}
