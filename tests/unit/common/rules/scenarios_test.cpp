// The admission scenarios of ADMISSION-SCENARIOS.md that the rules decide, one test case each.
#include <catch2/catch.hpp>
#include <vector>

#include "eventlog/merge.h"
#include "example_event.h"
#include "rules/decide.h"
#include "rules/manual_admission.h"
#include "rules/messages.h"

using namespace einlass;
using namespace einlass::test;

namespace {

constexpr auto allow = ReentryPolicy::allow_after_exit;
constexpr auto deny = ReentryPolicy::deny;

// Decides and, when admitted, appends the event the kiosk would commit.
Decision scan(const Ticket& t, const ReplicaFacts& facts, std::vector<AdmissionEvent>& history,
              Timestamp at, const Entrance& where, ReentryPolicy policy = allow) {
  Decision d = decide(t, facts, history, at, where, example_calendar(), policy);
  if (d.admitted) {
    history.push_back(admission_event(d, EventKey{where.kiosk_id, history.size() + 1}, stamp(at)));
  }
  return d;
}

}  // namespace

TEST_CASE("scenario 1: a valid ticket is admitted on the first scan of a day it is valid for",
          "[rules][scenario]") {
  const Ticket ticket = example_ticket();
  const Decision d =
      decide(ticket, known(ticket), {}, day1(9, 12), entrance(), example_calendar(), allow);
  CHECK(d.admitted);
  CHECK_FALSE(d.reason.has_value());
  CHECK(d.kind == AdmissionKind::entry);
  CHECK(d.event_day == 1);
  CHECK(d.ticket_id == 42);
  CHECK(d.display_name == "Anna Müller-Lüdenscheidt");
  CHECK(d.organisation == "Stadt Köln");
  CHECK(d.category == kAttendee);
  CHECK(de(d) == "Willkommen, Anna Müller-Lüdenscheidt!");
  CHECK(en(d) == "Welcome, Anna Müller-Lüdenscheidt!");
  CHECK(d.staff_detail == "T000042 admitted on day 1 at 09:12 at kiosk-1");

  // What the kiosk commits (durably, before showing: the storage tests prove that half).
  const AdmissionEvent e = admission_event(d, EventKey{"kiosk-1", 17}, stamp(day1(9, 12)));
  CHECK(e.ticket_id == 42);
  CHECK(e.kind == AdmissionKind::entry);
  CHECK(e.scan_time == day1(9, 12));
  CHECK(e.event_day == 1);
}

TEST_CASE(
    "scenario 2: the same ticket again on the same day at the same kiosk is already_admitted, "
    "saying when and where",
    "[rules][scenario]") {
  const Ticket ticket = example_ticket();
  std::vector<AdmissionEvent> history;
  REQUIRE(scan(ticket, known(ticket), history, day1(9, 12), entrance("kiosk-2")).admitted);

  const Decision again = scan(ticket, known(ticket), history, day1(9, 40), entrance("kiosk-2"));
  CHECK_FALSE(again.admitted);
  CHECK(again.reason == Reason::already_admitted);
  REQUIRE(again.prior.has_value());
  CHECK(again.prior->key.kiosk_id == "kiosk-2");
  CHECK(again.prior->scan_time == day1(9, 12));
  CHECK(en(again) ==
        "This ticket was already used today at 09:12 at kiosk-2. If you have lost your badge, "
        "please go to the staff desk.");
  CHECK(de(again) ==
        "Dieses Ticket wurde heute bereits um 09:12 Uhr an kiosk-2 verwendet. Falls Sie Ihr "
        "Namensschild verloren haben, wenden Sie sich bitte an die Infotheke.");
  CHECK(again.staff_detail == "T000042 was already admitted on day 1 at 09:12 at kiosk-2 (seq 1)");
  CHECK_THAT(staff_explanation(again, example_calendar()),
             Catch::StartsWith("already_admitted at 2026-03-28 09:40: T000042"));
}

TEST_CASE(
    "scenario 6: a day ticket for day 1 scanned on day 2 is wrong_day; a two-day ticket is "
    "admitted once each day",
    "[rules][scenario]") {
  const Ticket day_ticket = example_ticket(7, 0b01);
  std::vector<AdmissionEvent> history;
  REQUIRE(scan(day_ticket, known(day_ticket), history, day1(9, 0), entrance()).admitted);
  const Decision next_day = scan(day_ticket, known(day_ticket), history, day2(9, 0), entrance());
  CHECK_FALSE(next_day.admitted);
  CHECK(next_day.reason == Reason::wrong_day);
  CHECK(next_day.event_day == 2);
  CHECK(de(next_day) ==
        "Ihr Ticket gilt heute nicht, sondern am 28.03.2026. Bitte wenden Sie sich an die "
        "Infotheke.");
  CHECK(en(next_day) ==
        "Your ticket is not valid today; it is valid on 28 March 2026. Please go to the staff "
        "desk.");
  CHECK(next_day.staff_detail == "T000007 is valid on day(s) 1, not on day 2 (2026-03-29)");

  const Ticket both_days = example_ticket(8, 0b11);
  history.clear();
  CHECK(scan(both_days, known(both_days), history, day1(9, 0), entrance()).admitted);
  CHECK(scan(both_days, known(both_days), history, day1(14, 0), entrance()).reason ==
        Reason::already_admitted);
  const Decision second_day = scan(both_days, known(both_days), history, day2(9, 0), entrance());
  CHECK(second_day.admitted);
  CHECK(second_day.event_day == 2);
  CHECK(scan(both_days, known(both_days), history, day2(9, 5), entrance()).reason ==
        Reason::already_admitted);
}

TEST_CASE(
    "scenario 7: today is the event's local date in Europe/Berlin, also across the "
    "daylight-saving change",
    "[rules][scenario][dst]") {
  // Summer time starts at 02:00 on day 2 (2026-03-29). Scans either side of both midnights.
  const Ticket day1_only = example_ticket(1, 0b01);
  const Ticket day2_only = example_ticket(2, 0b10);
  const auto& calendar = example_calendar();
  const auto decide_at = [&](const Ticket& t, Timestamp at) {
    return decide(t, known(t), {}, at, entrance(), calendar, allow);
  };

  // 23:30 on Saturday is 22:30 UTC: still day 1.
  CHECK(decide_at(day1_only, utc(2026, 3, 28, 22, 30)).admitted);
  CHECK(decide_at(day2_only, utc(2026, 3, 28, 22, 30)).reason == Reason::wrong_day);
  // 00:30 on Sunday is 23:30 UTC on Saturday: already day 2 although UTC says the 28th.
  const Decision after_midnight = decide_at(day2_only, utc(2026, 3, 28, 23, 30));
  CHECK(after_midnight.admitted);
  CHECK(after_midnight.event_day == 2);
  CHECK(decide_at(day1_only, utc(2026, 3, 28, 23, 30)).reason == Reason::wrong_day);
  // 03:30 summer time right after the change, 01:30 UTC.
  CHECK(decide_at(day2_only, utc(2026, 3, 29, 1, 30)).admitted);
  // 23:30 on Sunday, now UTC+2, is 21:30 UTC: still day 2.
  CHECK(decide_at(day2_only, utc(2026, 3, 29, 21, 30)).admitted);
  // 00:30 on Monday is 22:30 UTC on Sunday: after the event although UTC still says the 29th.
  const Decision after_event = decide_at(day2_only, utc(2026, 3, 29, 22, 30));
  CHECK(after_event.reason == Reason::wrong_day);
  CHECK(after_event.event_day == 0);
  CHECK(after_event.staff_detail ==
        "scanned 2026-03-30 00:30 local, outside the event (2026-03-28 to 2026-03-29, "
        "Europe/Berlin)");

  // The same in autumn, when the clocks go back on day 2 (2026-10-25 03:00 -> 02:00).
  auto config = example_config();
  config.first_day = std::chrono::year{2026} / 10 / 24;
  const auto autumn = EventCalendar::create(config);
  REQUIRE(autumn.has_value());
  const auto decide_autumn = [&](const Ticket& t, Timestamp at) {
    return decide(t, known(t), {}, at, entrance(), *autumn, allow);
  };
  CHECK(decide_autumn(day1_only, utc(2026, 10, 24, 21, 30)).admitted);        // Sat 23:30
  CHECK(decide_autumn(day2_only, utc(2026, 10, 24, 22, 30)).event_day == 2);  // Sun 00:30
  CHECK(decide_autumn(day2_only, utc(2026, 10, 25, 22, 30)).admitted);        // Sun 23:30
  CHECK(decide_autumn(day2_only, utc(2026, 10, 25, 23, 30)).reason == Reason::wrong_day);  // Mon
}

TEST_CASE("scenario 11: a cancelled registration is refused as canceled", "[rules][scenario]") {
  const Ticket ticket = example_ticket();
  ReplicaFacts facts = known(ticket);
  facts.attendee->status = AttendeeStatus::canceled;
  const Decision d = decide(ticket, facts, {}, day1(9, 0), entrance(), example_calendar(), allow);
  CHECK_FALSE(d.admitted);
  CHECK(d.reason == Reason::canceled);
  CHECK(de(d) == "Diese Anmeldung wurde storniert. Bitte wenden Sie sich an die Infotheke.");
  CHECK(en(d) == "This registration has been cancelled. Please go to the staff desk.");
  CHECK(d.staff_detail == "T000042: the registration is canceled");
}

TEST_CASE(
    "scenario 12: a ticket valid from 12:00 is not_yet before, admitted after, expired after "
    "its end",
    "[rules][scenario]") {
  Ticket ticket = example_ticket();
  ticket.valid_from = day1(12, 0);
  ticket.valid_until = day1(18, 0);
  const auto& calendar = example_calendar();
  const auto at = [&](Timestamp t) {
    return decide(ticket, known(ticket), {}, t, entrance(), calendar, allow);
  };

  const Decision early = at(day1(11, 59));
  CHECK(early.reason == Reason::not_yet);
  CHECK(de(early) == "Ihr Ticket gilt erst ab 12:00 Uhr. Bitte wenden Sie sich an die Infotheke.");
  CHECK(en(early) == "Your ticket is valid from 12:00. Please go to the staff desk.");
  CHECK(early.staff_detail ==
        "T000042 is valid from 2026-03-28 12:00 local; scanned 2026-03-28 11:59");

  CHECK(at(day1(12, 0)).admitted);
  CHECK(at(day1(18, 0)).admitted);

  const Decision late = at(day1(18, 1));
  CHECK(late.reason == Reason::expired);
  CHECK(de(late) ==
        "Ihr Ticket war nur bis 18:00 Uhr gültig. Bitte wenden Sie sich an die Infotheke.");
  CHECK(en(late) == "Your ticket was valid until 18:00. Please go to the staff desk.");

  // On the next day the end lies on another date, and the message names it.
  const Decision next_day = at(day2(9, 0));
  CHECK(next_day.reason == Reason::expired);
  CHECK(en(next_day) ==
        "Your ticket was valid until 28 March 2026, 18:00. Please go to the staff desk.");
}

TEST_CASE("scenario 13: an entrance for speakers and press refuses other categories as category",
          "[rules][scenario]") {
  Entrance speakers_and_press = entrance("kiosk-press");
  speakers_and_press.admitted_categories = {kSpeaker, kPress};
  const auto& calendar = example_calendar();

  const Ticket attendee = example_ticket(1);
  const Decision refused =
      decide(attendee, known(attendee), {}, day1(9, 0), speakers_and_press, calendar, allow);
  CHECK(refused.reason == Reason::category);
  CHECK(en(refused) ==
        "This entrance is not open to your type of ticket. Please use another entrance or go to "
        "the staff desk.");
  CHECK(refused.staff_detail ==
        "T000001 has category 1; entrance kiosk-press admits categories 2, 4");

  Ticket speaker = example_ticket(2);
  speaker.category = kSpeaker;
  CHECK(decide(speaker, known(speaker), {}, day1(9, 0), speakers_and_press, calendar, allow)
            .admitted);

  // The replica is fresher than the ticket: a speaker who became an attendee is refused, and an
  // attendee who became press is admitted.
  ReplicaFacts demoted = known(speaker);
  demoted.attendee->category = kAttendee;
  CHECK(decide(speaker, demoted, {}, day1(9, 0), speakers_and_press, calendar, allow).reason ==
        Reason::category);
  ReplicaFacts promoted = known(attendee);
  promoted.attendee->category = kPress;
  CHECK(decide(attendee, promoted, {}, day1(9, 0), speakers_and_press, calendar, allow).admitted);

  // The main entrance admits everyone.
  CHECK(decide(attendee, known(attendee), {}, day1(9, 0), entrance(), calendar, allow).admitted);
}

TEST_CASE(
    "scenario 14: an attendee registered after the last sync is admitted with the ticket's "
    "own badge fields",
    "[rules][scenario]") {
  Ticket ticket = example_ticket(501);
  ticket.display_name = "Jörg Weiß";
  ticket.organisation = "Landesamt für Digitalisierung";
  ticket.category = kSpeaker;
  const ReplicaFacts not_synced{};
  const Decision d =
      decide(ticket, not_synced, {}, day1(10, 0), entrance(), example_calendar(), allow);
  CHECK(d.admitted);
  CHECK(d.display_name == "Jörg Weiß");
  CHECK(d.organisation == "Landesamt für Digitalisierung");
  CHECK(d.category == kSpeaker);
  CHECK(d.days == 0b11);
  CHECK(en(d) == "Welcome, Jörg Weiß!");
  CHECK(d.staff_detail ==
        "T000501 admitted on day 1 at 10:00 at kiosk-1; not in the replica, badge fields from "
        "the ticket");

  // Once synced, the record's fields win over the ticket's.
  ReplicaFacts synced = known(ticket);
  synced.attendee->display_name = "Dr. Jörg Weiß";
  CHECK(
      decide(ticket, synced, {}, day1(10, 0), entrance(), example_calendar(), allow).display_name ==
      "Dr. Jörg Weiß");
}

TEST_CASE("scenario 15: staff admit a refused attendee by hand, recorded with who, when and why",
          "[rules][scenario]") {
  const Ticket ticket = example_ticket(7, 0b01);
  const auto& calendar = example_calendar();
  // Refused: the ticket is for day 1 only.
  REQUIRE(decide(ticket, known(ticket), {}, day2(9, 30), entrance(), calendar, allow).reason ==
          Reason::wrong_day);

  const auto manual = manual_admission(7, " Petra Schmidt ", "Tagesticket umgebucht, Beleg gesehen",
                                       day2(9, 32), known(ticket), calendar);
  REQUIRE(manual.has_value());
  CHECK(manual->admitted);
  CHECK(manual->kind == AdmissionKind::manual_entry);
  CHECK(manual->event_day == 2);
  CHECK(manual->display_name == "Anna Müller-Lüdenscheidt");
  CHECK(manual->staff_detail == "T000007 admitted by hand on day 2 at 09:32");
  CHECK(staff_explanation(*manual, calendar) ==
        "manual_entry at 2026-03-29 09:32: T000007 admitted by hand on day 2 at 09:32; by Petra "
        "Schmidt, because: Tagesticket umgebucht, Beleg gesehen");

  const AdmissionEvent recorded = admission_event(*manual, EventKey{"desk", 3}, stamp(day2(9, 32)));
  CHECK(recorded.kind == AdmissionKind::manual_entry);
  CHECK(recorded.staff == "Petra Schmidt");                          // who
  CHECK(recorded.scan_time == day2(9, 32));                          // when
  CHECK(recorded.reason == "Tagesticket umgebucht, Beleg gesehen");  // why

  // The manual entry uses up the day like any other admission.
  Ticket both_days = ticket;
  both_days.days = 0b11;
  const std::vector history{recorded};
  const Decision later =
      decide(both_days, known(both_days), history, day2(11, 0), entrance(), calendar, allow);
  CHECK(later.reason == Reason::already_admitted);
  CHECK(later.prior == recorded);

  // Without who or why nothing is recorded.
  const auto no_staff = manual_admission(7, "  ", "reason", day2(9, 32), known(ticket), calendar);
  REQUIRE_FALSE(no_staff.has_value());
  CHECK(no_staff.error().problem == RulesProblem::missing_staff);
  const auto no_reason =
      manual_admission(7, "Petra Schmidt", "\t\r\n", day2(9, 32), known(ticket), calendar);
  REQUIRE_FALSE(no_reason.has_value());
  CHECK(no_reason.error().problem == RulesProblem::missing_reason);
}

TEST_CASE(
    "scenario 16: exit scans never use up a ticket; re-entry follows the event's policy and "
    "the on-site count follows",
    "[rules][scenario]") {
  const Ticket ticket = example_ticket();
  const auto facts = known(ticket);

  SECTION("an exit is recorded as an exit and says goodbye") {
    std::vector<AdmissionEvent> history;
    REQUIRE(scan(ticket, facts, history, day1(9, 0), entrance()).admitted);
    const Decision out = scan(ticket, facts, history, day1(12, 0), exit_gate());
    CHECK(out.admitted);
    CHECK(out.kind == AdmissionKind::exit);
    CHECK(de(out) == "Auf Wiedersehen, Anna Müller-Lüdenscheidt!");
    CHECK(en(out) == "Goodbye, Anna Müller-Lüdenscheidt!");
    CHECK(history.back().kind == AdmissionKind::exit);
  }

  SECTION("an exit before any entry does not use up the ticket") {
    std::vector<AdmissionEvent> history;
    REQUIRE(scan(ticket, facts, history, day1(8, 0), exit_gate()).admitted);
    CHECK(scan(ticket, facts, history, day1(9, 0), entrance()).admitted);
  }

  SECTION("with allow_after_exit the holder may come back after leaving") {
    std::vector<AdmissionEvent> history;
    REQUIRE(scan(ticket, facts, history, day1(9, 0), entrance(), allow).admitted);
    REQUIRE(scan(ticket, facts, history, day1(12, 0), exit_gate(), allow).admitted);
    const Decision back = scan(ticket, facts, history, day1(13, 0), entrance("kiosk-2"), allow);
    CHECK(back.admitted);
    CHECK(back.staff_detail == "T000042 re-admitted after an exit on day 1 at 13:00 at kiosk-2");
    // Without leaving again, a second entry is refused and names the re-entry.
    const Decision twice = scan(ticket, facts, history, day1(13, 5), entrance(), allow);
    CHECK(twice.reason == Reason::already_admitted);
    REQUIRE(twice.prior.has_value());
    CHECK(twice.prior->scan_time == day1(13, 0));
  }

  SECTION("with deny the day's admission is not given back by an exit") {
    std::vector<AdmissionEvent> history;
    REQUIRE(scan(ticket, facts, history, day1(9, 0), entrance(), deny).admitted);
    REQUIRE(scan(ticket, facts, history, day1(12, 0), exit_gate(), deny).admitted);
    const Decision back = scan(ticket, facts, history, day1(13, 0), entrance(), deny);
    CHECK(back.reason == Reason::already_admitted);
    REQUIRE(back.prior.has_value());
    CHECK(back.prior->scan_time == day1(9, 0));
    CHECK(back.staff_detail ==
          "T000042 was already admitted on day 1 at 09:00 at kiosk-1 (seq 1); it left since, and "
          "this event allows no re-entry");
  }

  SECTION("exits are not held to category, day window or time window") {
    Ticket limited = example_ticket(9, 0b01);
    limited.valid_until = day1(18, 0);
    Entrance press_exit = exit_gate();
    press_exit.admitted_categories = {kPress};
    std::vector<AdmissionEvent> history;
    CHECK(scan(limited, known(limited), history, day2(0, 30), press_exit).admitted);
  }

  SECTION("the dashboard's on-site count follows entries and exits") {
    std::vector<AdmissionEvent> history;
    const Ticket a = example_ticket(1);
    const Ticket b = example_ticket(2);
    const Ticket c = example_ticket(3);
    scan(a, known(a), history, day1(9, 0), entrance());
    scan(b, known(b), history, day1(9, 1), entrance());
    scan(c, known(c), history, day1(9, 2), entrance());
    scan(b, known(b), history, day1(12, 0), exit_gate());
    CHECK(count_on_site(merge_events(history, {}, allow), 1) == 2);
    scan(b, known(b), history, day1(13, 0), entrance());
    scan(a, known(a), history, day1(17, 0), exit_gate());
    scan(c, known(c), history, day1(17, 1), exit_gate());
    CHECK(count_on_site(merge_events(history, {}, allow), 1) == 1);
  }
}
