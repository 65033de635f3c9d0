#include "hub/sync_cursor.h"

#include <catch2/catch.hpp>

using namespace einlass;

TEST_CASE("a cursor is the event id and the sync log position", "[hub]") {
  CHECK(format_cursor({2026, 42}) == "2026.42");
  CHECK(parse_cursor("2026.42") == SyncCursor{2026, 42});
  CHECK(parse_cursor("4294967295.0") == SyncCursor{4294967295U, 0});
  for (const char* bad : {"", ".", "2026", "2026.", ".42", "2026.-1", "-1.5", "2026.4x",
                          "4294967296.1", "2026.42.1", "+1.2", " 1.2"})
    CHECK_FALSE(parse_cursor(bad));
}

TEST_CASE("a cursor that is empty, foreign, garbage or beyond the newest change needs a snapshot",
          "[hub]") {
  CHECK(continue_from("2026.10", 2026, 12) == 10);
  CHECK(continue_from("2026.12", 2026, 12) == 12);
  CHECK_FALSE(continue_from("2026.13", 2026, 12));
  CHECK_FALSE(continue_from("2025.10", 2026, 12));
  CHECK_FALSE(continue_from("", 2026, 12));
  CHECK_FALSE(continue_from("garbage", 2026, 12));
}
