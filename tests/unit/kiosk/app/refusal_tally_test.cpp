#include "app/refusal_tally.h"

#include <catch2/catch.hpp>

#include "ticket/ticket_error.h"

using namespace einlass;

namespace {

Timestamp at_ms(std::int64_t ms) {
  return from_unix_ms(ms);
}

Decision refused(Reason reason, TicketId ticket) {
  Decision d;
  d.admitted = false;
  d.reason = reason;
  d.ticket_id = ticket;
  return d;
}

}  // namespace

TEST_CASE("refusals are counted by reason word and admissions are not", "[kiosk][app]") {
  RefusalTally tally;
  CHECK(tally.counts().empty());
  CHECK(tally.recent().empty());
  Decision admitted;
  admitted.admitted = true;
  admitted.ticket_id = 7;
  tally.note(admitted, at_ms(1));
  Decision exit = admitted;
  exit.kind = AdmissionKind::exit;
  tally.note(exit, at_ms(2));
  CHECK(tally.counts().empty());

  tally.note(refused(Reason::already_admitted, 42), at_ms(1'000));
  tally.note(refused(Reason::already_admitted, 43), at_ms(2'000));
  tally.note(refused(Reason::revoked, 44), at_ms(3'000));
  CHECK(tally.counts() ==
        std::map<std::string, std::uint64_t>{{"already_admitted", 2}, {"revoked", 1}});
}

TEST_CASE("a refused code that was no ticket of this event is noted without a ticket",
          "[kiosk][app]") {
  RefusalTally tally;
  tally.note(refuse_unverified(TicketError{TicketProblem::bad_signature, "forged"}), at_ms(5));
  tally.note(refuse_unverified(TicketError{TicketProblem::unknown_key, "key 9"}), at_ms(6));
  tally.note(refused(Reason::wrong_day, 42), at_ms(7));
  const auto recent = tally.recent();
  REQUIRE(recent.size() == 3);
  CHECK(recent[0] == RefusalNote{42, "wrong_day", 7});
  CHECK(recent[1] == RefusalNote{std::nullopt, "unknown_key", 6});
  CHECK(recent[2] == RefusalNote{std::nullopt, "invalid", 5});
  CHECK(tally.counts() ==
        std::map<std::string, std::uint64_t>{{"invalid", 1}, {"unknown_key", 1}, {"wrong_day", 1}});
}

TEST_CASE("the newest 20 refusals are kept, newest first, while the counts go on", "[kiosk][app]") {
  RefusalTally tally;
  for (TicketId t = 1; t <= 25; ++t)
    tally.note(refused(Reason::already_admitted, t), at_ms(1'774'680'000'000 + t));
  const auto recent = tally.recent();
  REQUIRE(recent.size() == kMaxRecentRefusals);
  CHECK(recent.front() == RefusalNote{25, "already_admitted", 1'774'680'000'025});
  CHECK(recent.back() == RefusalNote{6, "already_admitted", 1'774'680'000'006});
  for (std::size_t i = 1; i < recent.size(); ++i) CHECK(recent[i - 1].at_ms > recent[i].at_ms);
  CHECK(tally.counts().at("already_admitted") == 25);
}
