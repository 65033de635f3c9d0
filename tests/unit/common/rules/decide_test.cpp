#include "rules/decide.h"

#include <catch2/catch.hpp>
#include <vector>

#include "example_event.h"
#include "rules/manual_admission.h"
#include "rules/reason.h"

using namespace einlass;
using namespace einlass::test;

namespace {
constexpr auto allow = ReentryPolicy::allow_after_exit;
}

TEST_CASE("reasons have exactly the pretix-like codes and read back", "[rules]") {
  const std::vector<std::pair<Reason, std::string_view>> codes{
      {Reason::invalid, "invalid"},
      {Reason::revoked, "revoked"},
      {Reason::canceled, "canceled"},
      {Reason::blocked, "blocked"},
      {Reason::wrong_day, "wrong_day"},
      {Reason::not_yet, "not_yet"},
      {Reason::expired, "expired"},
      {Reason::category, "category"},
      {Reason::already_admitted, "already_admitted"},
      {Reason::unknown_key, "unknown_key"},
      {Reason::error, "error"}};
  REQUIRE(codes.size() == kAllReasons.size());  // a new reason needs its code here
  for (const auto& [reason, code] : codes) {
    CHECK(to_string(reason) == code);
    CHECK(reason_from_string(code) == reason);
  }
  CHECK(reason_from_string("Invalid") == std::nullopt);
  CHECK(reason_from_string("") == std::nullopt);
}

TEST_CASE(
    "checks run in pretix's order: revoked, then canceled or blocked, category, day, window, "
    "history",
    "[rules]") {
  // A ticket that fails every check at once reports the first; lifting that one reveals the next.
  Ticket ticket = example_ticket(42, 0b10);
  ticket.valid_from = day1(12, 0);
  ReplicaFacts facts = known(ticket);
  facts.revoked = true;
  facts.attendee->status = AttendeeStatus::canceled;
  Entrance press = entrance();
  press.admitted_categories = {kPress};
  const std::vector history{AdmissionEvent{EventKey{"kiosk-9", 1}, 42, AdmissionKind::entry,
                                           day1(8, 0), stamp(day1(8, 0)), 1, "", ""}};
  const auto& calendar = example_calendar();
  const auto reason = [&] {
    return decide(ticket, facts, history, day1(9, 0), press, calendar, allow).reason;
  };

  CHECK(reason() == Reason::revoked);
  facts.revoked = false;
  CHECK(reason() == Reason::canceled);
  facts.attendee->status = AttendeeStatus::blocked;
  CHECK(reason() == Reason::blocked);
  facts.attendee->status = AttendeeStatus::active;
  CHECK(reason() == Reason::category);
  press.admitted_categories.clear();
  CHECK(reason() == Reason::wrong_day);
  facts.attendee->days = 0b11;
  CHECK(reason() == Reason::not_yet);
  ticket.valid_from.reset();
  CHECK(reason() == Reason::already_admitted);
}

TEST_CASE("a revoked, cancelled or blocked ticket is refused even at an exit", "[rules]") {
  const Ticket ticket = example_ticket();
  const auto at_exit = [&](const ReplicaFacts& facts) {
    return decide(ticket, facts, {}, day1(17, 0), exit_gate(), example_calendar(), allow);
  };
  ReplicaFacts revoked = known(ticket);
  revoked.revoked = true;
  const Decision d = at_exit(revoked);
  CHECK(d.reason == Reason::revoked);
  CHECK(d.kind == AdmissionKind::exit);
  CHECK(d.staff_detail == "T000042 is revoked");

  ReplicaFacts canceled = known(ticket);
  canceled.attendee->status = AttendeeStatus::canceled;
  CHECK(at_exit(canceled).reason == Reason::canceled);
  ReplicaFacts blocked = known(ticket);
  blocked.attendee->status = AttendeeStatus::blocked;
  CHECK(at_exit(blocked).reason == Reason::blocked);
}

TEST_CASE("an exit outside the event days is wrong_day", "[rules]") {
  const Ticket ticket = example_ticket();
  const Decision d = decide(ticket, known(ticket), {}, day1(9, 0) - std::chrono::days{1},
                            exit_gate(), example_calendar(), allow);
  CHECK(d.reason == Reason::wrong_day);
  CHECK(d.event_day == 0);
}

TEST_CASE("history of other tickets and other days does not count", "[rules]") {
  const Ticket ticket = example_ticket(42);
  const std::vector history{AdmissionEvent{EventKey{"kiosk-1", 1}, 43, AdmissionKind::entry,
                                           day1(8, 0), stamp(day1(8, 0)), 1, "", ""},
                            AdmissionEvent{EventKey{"kiosk-1", 2}, 42, AdmissionKind::entry,
                                           day1(8, 0), stamp(day1(8, 0)), 2, "", ""}};
  CHECK(decide(ticket, known(ticket), history, day1(9, 0), entrance(), example_calendar(), allow)
            .admitted);
}

TEST_CASE("a history the kiosk heard twice or out of order decides the same", "[rules]") {
  const Ticket ticket = example_ticket(42);
  const AdmissionEvent first{
      EventKey{"kiosk-2", 5}, 42, AdmissionKind::entry, day1(9, 0), stamp(day1(9, 0)), 1, "", ""};
  const AdmissionEvent out{
      EventKey{"exit-1", 1}, 42, AdmissionKind::exit, day1(12, 0), stamp(day1(12, 0)), 1, "", ""};
  const auto& calendar = example_calendar();
  const std::vector ordered{first, out};
  const std::vector shuffled{out, first, out};
  CHECK(decide(ticket, known(ticket), ordered, day1(13, 0), entrance(), calendar, allow) ==
        decide(ticket, known(ticket), shuffled, day1(13, 0), entrance(), calendar, allow));
}

TEST_CASE("unverified scans are invalid, or unknown_key for a key the kiosk does not hold",
          "[rules]") {
  const Decision forged =
      refuse_unverified(TicketError{TicketProblem::bad_signature, "the signature does not match"});
  CHECK_FALSE(forged.admitted);
  CHECK(forged.reason == Reason::invalid);
  CHECK(forged.staff_detail == "bad_signature: the signature does not match");

  for (const auto problem : {TicketProblem::not_a_ticket, TicketProblem::malformed,
                             TicketProblem::unsupported_version, TicketProblem::other_event}) {
    CHECK(refuse_unverified(TicketError{problem, "x"}).reason == Reason::invalid);
  }
  const Decision rotated =
      refuse_unverified(TicketError{TicketProblem::unknown_key, "signed with key 1"});
  CHECK(rotated.reason == Reason::unknown_key);
  CHECK(rotated.staff_detail == "unknown_key: signed with key 1");
}

TEST_CASE("a manual admission overrides a refusal and says so for staff", "[rules]") {
  const Ticket ticket = example_ticket();
  ReplicaFacts facts = known(ticket);
  facts.revoked = true;
  facts.attendee->status = AttendeeStatus::blocked;
  const auto d = manual_admission(42, "Petra", "Rücksprache mit Veranstalter", day1(10, 0), facts,
                                  example_calendar());
  REQUIRE(d.has_value());
  CHECK(d->staff_detail ==
        "T000042 admitted by hand on day 1 at 10:00; overrides: revoked; overrides: blocked");
}

TEST_CASE("a manual admission uses the scanned ticket's fields when the replica has no record",
          "[rules]") {
  const Ticket ticket = example_ticket(77);
  const auto d = manual_admission(77, "Petra", "neu registriert", day1(10, 0), {},
                                  example_calendar(), &ticket);
  REQUIRE(d.has_value());
  CHECK(d->display_name == ticket.display_name);
  CHECK(d->organisation == ticket.organisation);
}

TEST_CASE("a manual admission outside the event or with broken text is refused", "[rules]") {
  const auto& calendar = example_calendar();
  const auto outside = manual_admission(42, "Petra", "why", utc(2026, 3, 30, 8, 0), {}, calendar);
  REQUIRE_FALSE(outside.has_value());
  CHECK(outside.error().problem == RulesProblem::outside_event);
  CHECK(outside.error().detail == "2026-03-30 10:00 local is outside the event");
  const auto broken = manual_admission(42, "Petra", "M\xFCller", day1(9, 0), {}, calendar);
  REQUIRE_FALSE(broken.has_value());
  CHECK(broken.error().problem == RulesProblem::invalid_text);
}
