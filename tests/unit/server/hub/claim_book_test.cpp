#include "hub/claim_book.h"

#include <catch2/catch.hpp>

#include "support/time_literals.h"

using namespace einlass;
using namespace std::chrono_literals;

TEST_CASE("a claim holds a ticket's day for its kiosk for 10 s", "[hub][claim]") {
  ClaimBook book;
  const Timestamp t0 = test::utc(2026, 3, 28, 8);
  CHECK_FALSE(book.reserve("K1", 5, 1, t0));
  CHECK(book.reserve("K2", 5, 1, t0 + 9999ms) == "K1");
  CHECK_FALSE(book.reserve("K1", 5, 1, t0 + 5s));  // its own again: granted, held anew
  CHECK(book.reserve("K2", 5, 1, t0 + 14s) == "K1");
  CHECK_FALSE(book.reserve("K2", 5, 2, t0 + 14s));  // another day is another claim
  CHECK_FALSE(book.reserve("K2", 5, 1, t0 + 15s));  // expired
  CHECK(book.reserve("K1", 5, 1, t0 + 16s) == "K2");
}

TEST_CASE("a claim ends when its kiosk reports the admission, not when another does",
          "[hub][claim]") {
  ClaimBook book;
  const Timestamp t0 = test::utc(2026, 3, 28, 8);
  CHECK_FALSE(book.reserve("K1", 5, 1, t0));
  book.release("K2", 5, 1);
  CHECK(book.reserve("K2", 5, 1, t0) == "K1");
  book.release("K1", 5, 1);
  CHECK(book.size() == 0);
  CHECK_FALSE(book.reserve("K2", 5, 1, t0));
}

TEST_CASE("expired claims are swept once the book grows", "[hub][claim]") {
  ClaimBook book;
  const Timestamp t0 = test::utc(2026, 3, 28, 8);
  for (TicketId t = 1; t <= 5000; ++t) REQUIRE_FALSE(book.reserve("K1", t, 1, t0));
  CHECK_FALSE(book.reserve("K1", 9999, 1, t0 + 11s));
  CHECK(book.size() == 1);
}
