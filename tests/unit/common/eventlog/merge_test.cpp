#include "eventlog/merge.h"

#include <catch2/catch.hpp>

#include <vector>

#include "support/time_literals.h"

using namespace einlass;
using namespace std::chrono_literals;
using test::utc;

namespace {

AdmissionEvent event(std::string kiosk, std::uint64_t seq, TicketId ticket, AdmissionKind kind,
                     Timestamp scan, int day) {
  AdmissionEvent e;
  e.key = EventKey{std::move(kiosk), seq};
  e.ticket_id = ticket;
  e.kind = kind;
  e.scan_time = scan;
  e.hlc = Hlc{to_unix_ms(scan), 0};
  e.event_day = day;
  return e;
}

AdmissionEvent entry(std::string kiosk, std::uint64_t seq, TicketId ticket, Timestamp scan,
                     int day = 1) {
  return event(std::move(kiosk), seq, ticket, AdmissionKind::entry, scan, day);
}

AdmissionEvent exit_scan(std::string kiosk, std::uint64_t seq, TicketId ticket, Timestamp scan,
                         int day = 1) {
  return event(std::move(kiosk), seq, ticket, AdmissionKind::exit, scan, day);
}

// Day 1 of the example event, Saturday 2026-03-28, Berlin (UTC+1).
Timestamp at(int hour, int minute) {
  return utc(2026, 3, 28, hour - 1, minute);
}

constexpr auto allow = ReentryPolicy::allow_after_exit;
constexpr auto deny = ReentryPolicy::deny;

}  // namespace

TEST_CASE(
    "scenario 4: two offline kiosks admit the same ticket; the merge keeps both and flags "
    "the later one as a duplicate",
    "[eventlog][merge][scenario]") {
  const auto first = entry("kiosk-1", 17, 42, at(9, 12));
  const auto later = entry("kiosk-2", 5, 42, at(9, 14));

  for (const auto& events : {std::vector{first, later}, std::vector{later, first}}) {
    const auto merged = merge_events(events, {}, allow);
    REQUIRE(merged.events.size() == 2);  // nothing is dropped
    CHECK(merged.events[0].event == first);
    CHECK_FALSE(merged.events[0].duplicate_of.has_value());
    CHECK(merged.events[1].event == later);
    CHECK(merged.events[1].duplicate_of == first.key);
    CHECK(merged.conflicts.empty());

    const auto* state = find_state(merged, 42, 1);
    REQUIRE(state != nullptr);
    CHECK(state->admitted);
    CHECK(state->first_admission == first.key);
    CHECK(state->on_site);
    CHECK(state->entries == 2);
  }
}

TEST_CASE("scenario 5: the same event uploaded twice is stored once",
          "[eventlog][merge][scenario]") {
  const auto e = entry("kiosk-1", 17, 42, at(9, 12));
  const std::vector<AdmissionEvent> uploads{e, e, e};
  const auto merged = merge_events(uploads, {}, allow);
  REQUIRE(merged.events.size() == 1);
  CHECK(merged.events[0].event == e);
  CHECK_FALSE(merged.events[0].duplicate_of.has_value());
  CHECK(merged.conflicts.empty());
  CHECK(merged == merge_events(std::vector{e}, {}, allow));
}

TEST_CASE("scenario 10: an admission after the ticket's revocation is flagged",
          "[eventlog][merge][scenario]") {
  // Revoked on the server at 10:00 while kiosk-3 was offline and admitted the ticket at 10:30.
  const Revocation revocation{42, at(10, 0), "ticket reported stolen"};
  const auto offline_entry = entry("kiosk-3", 8, 42, at(10, 30));
  const auto earlier_entry = entry("kiosk-1", 3, 43, at(9, 30));
  const Revocation later_revocation{43, at(11, 0), "registration withdrawn"};

  const std::vector events{offline_entry, earlier_entry};
  const std::vector revocations{revocation, later_revocation};
  const auto merged = merge_events(events, revocations, allow);
  REQUIRE(merged.events.size() == 2);
  const auto* flagged = find_event(merged, offline_entry.key);
  REQUIRE(flagged != nullptr);
  CHECK(flagged->admitted_after_revocation);
  const auto* before = find_event(merged, earlier_entry.key);
  REQUIRE(before != nullptr);
  CHECK_FALSE(before->admitted_after_revocation);

  // An exit after the revocation is not an admission.
  const std::vector with_exit{offline_entry, exit_scan("kiosk-3", 9, 42, at(11, 0))};
  const auto exits = merge_events(with_exit, revocations, allow);
  REQUIRE(exits.events.size() > 1);
  CHECK_FALSE(exits.events[1].admitted_after_revocation);
}

TEST_CASE("a ticket revoked twice counts from the first revocation", "[eventlog][merge]") {
  const auto e = entry("kiosk-1", 1, 42, at(10, 30));
  const std::vector revocations{Revocation{42, at(11, 0), "second"},
                                Revocation{42, at(10, 0), "first"}};
  const auto merged = merge_events(std::vector{e}, revocations, allow);
  REQUIRE(merged.events.size() == 1);
  CHECK(merged.events[0].admitted_after_revocation);
}

TEST_CASE("two versions of one key: the earliest stamped is kept and the conflict reported",
          "[eventlog][merge]") {
  const auto a = entry("kiosk-1", 17, 42, at(9, 12));
  auto b = entry("kiosk-1", 17, 99, at(9, 40));  // the kiosk reused seq 17 after a reset
  for (const auto& events : {std::vector{a, b}, std::vector{b, a, b}}) {
    const auto merged = merge_events(events, {}, allow);
    REQUIRE(merged.events.size() == 1);
    CHECK(merged.events[0].event == a);
    REQUIRE(merged.conflicts.size() == 1);
    CHECK(merged.conflicts[0].key == a.key);
    CHECK(merged.conflicts[0].versions == std::vector{a, b});
  }
}

TEST_CASE("events with equal stamps are ordered by kiosk id and sequence", "[eventlog][merge]") {
  auto a = entry("kiosk-2", 1, 42, at(9, 12));
  auto b = entry("kiosk-1", 9, 42, at(9, 12));
  auto c = entry("kiosk-1", 2, 42, at(9, 12));
  const auto merged = merge_events(std::vector{a, b, c}, {}, allow);
  REQUIRE(merged.events.size() == 3);
  CHECK(merged.events[0].event.key == c.key);
  CHECK(merged.events[1].event.key == b.key);
  CHECK(merged.events[2].event.key == a.key);
  CHECK(merged.events[1].duplicate_of == c.key);
  CHECK(merged.events[2].duplicate_of == c.key);
}

TEST_CASE("re-entry after an exit is no duplicate when the policy allows it", "[eventlog][merge]") {
  const auto in = entry("kiosk-1", 1, 42, at(9, 0));
  const auto out = exit_scan("exit-1", 1, 42, at(12, 0));
  const auto back = entry("kiosk-2", 1, 42, at(13, 0));
  const auto again = entry("kiosk-1", 2, 42, at(13, 5));
  const std::vector events{in, out, back, again};

  const auto merged = merge_events(events, {}, allow);
  REQUIRE(merged.events.size() > 2);
  CHECK_FALSE(merged.events[2].duplicate_of.has_value());
  CHECK(merged.events[3].duplicate_of == back.key);  // a repeat of the re-entry
  const auto* state = find_state(merged, 42, 1);
  REQUIRE(state != nullptr);
  CHECK(state->first_admission == in.key);
  CHECK(state->current_admission == back.key);
  CHECK(state->entries == 3);
  CHECK(state->exits == 1);
  CHECK(state->on_site);
}

TEST_CASE("re-entry after an exit is a duplicate of the day's admission when the policy denies it",
          "[eventlog][merge]") {
  const auto in = entry("kiosk-1", 1, 42, at(9, 0));
  const auto out = exit_scan("exit-1", 1, 42, at(12, 0));
  const auto back = entry("kiosk-2", 1, 42, at(13, 0));
  const auto merged = merge_events(std::vector{in, out, back}, {}, deny);
  REQUIRE(merged.events.size() > 1);
  CHECK_FALSE(merged.events[1].duplicate_of.has_value());  // exits never duplicate
  CHECK(merged.events[2].duplicate_of == in.key);
  const auto* state = find_state(merged, 42, 1);
  REQUIRE(state != nullptr);
  CHECK(state->current_admission == in.key);
  CHECK(state->on_site);  // a duplicate entry still means the holder is inside
}

TEST_CASE("a manual entry counts like an entry; exits alone admit nobody", "[eventlog][merge]") {
  auto manual = event("desk", 1, 42, AdmissionKind::manual_entry, at(9, 0), 1);
  manual.staff = "Petra";
  manual.reason = "phone battery empty";
  const auto scan = entry("kiosk-1", 4, 42, at(9, 30));
  const auto lone_exit = exit_scan("exit-1", 1, 77, at(10, 0));
  const auto merged = merge_events(std::vector{scan, manual, lone_exit}, {}, allow);
  REQUIRE(merged.events.size() > 1);
  CHECK(merged.events[1].duplicate_of == manual.key);
  const auto* state = find_state(merged, 77, 1);
  REQUIRE(state != nullptr);
  CHECK_FALSE(state->admitted);
  CHECK_FALSE(state->on_site);
  CHECK_FALSE(merged.events[2].duplicate_of.has_value());
}

TEST_CASE("admission state is kept per ticket and per event day", "[eventlog][merge]") {
  const auto day1 = entry("kiosk-1", 1, 42, at(9, 0), 1);
  const auto day2 = entry("kiosk-1", 2, 42, utc(2026, 3, 29, 7, 0), 2);
  const auto other = entry("kiosk-1", 3, 43, utc(2026, 3, 29, 7, 1), 2);
  const auto merged = merge_events(std::vector{day2, other, day1}, {}, deny);
  for (const auto& m : merged.events) CHECK_FALSE(m.duplicate_of.has_value());
  REQUIRE(merged.states.size() == 3);
  CHECK(merged.states[0].ticket_id == 42);
  CHECK(merged.states[0].event_day == 1);
  CHECK(merged.states[1].event_day == 2);
  CHECK(merged.states[2].ticket_id == 43);
  CHECK(find_state(merged, 43, 1) == nullptr);
}

TEST_CASE("the on-site count follows entries and exits per day", "[eventlog][merge]") {
  const std::vector events{entry("kiosk-1", 1, 1, at(9, 0)),  entry("kiosk-1", 2, 2, at(9, 1)),
                           entry("kiosk-2", 1, 3, at(9, 2)),  exit_scan("exit-1", 1, 2, at(12, 0)),
                           entry("kiosk-2", 2, 2, at(13, 0)), exit_scan("exit-1", 2, 3, at(17, 0))};
  const auto merged = merge_events(events, {}, allow);
  CHECK(count_on_site(merged, 1) == 2);
  CHECK(count_on_site(merged, 2) == 0);
}
