#include "desk_fixture.h"
#include "storage/audit_repository.h"
#include "storage/revocation_repository.h"
#include "storage/sync_log_repository.h"

using namespace einlass;
using namespace einlass::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

template <class T>
DeskError refused(DeskResult<T> result) {
  if (result) FAIL("not refused: " << result->dump());
  return result.error();
}

}  // namespace

TEST_CASE("a manual admission is a desk event, audited and synced", "[desk][admit]") {
  DeskFixture f;
  f.admit_the_morning();
  const auto cursor = *SyncLogRepository(f.db).latest_id();
  const json answer = ok(f.desk.admit(7, "  forgot her ticket  ", "anna"));
  CHECK(answer == json{{"admission",
                        {{"kiosk", "desk"},
                         {"seq", 1},
                         {"ticket", 7},
                         {"ticket_code", "T000007"},
                         {"name", "Nina Neu"},
                         {"organisation", "Presseamt"},
                         {"category", "Presse"},
                         {"kind", "manual_entry"},
                         {"time", to_unix_ms(f.clock.now())},
                         {"day", 1},
                         {"staff", "anna"},
                         {"reason", "forgot her ticket"},
                         {"duplicate", false}}}});

  auto stored = SyncLogRepository(f.db).find_admission({"desk", 1});
  REQUIRE(stored);
  REQUIRE(*stored);
  CHECK((*stored)->kind == AdmissionKind::manual_entry);
  CHECK((*stored)->hlc == Hlc{to_unix_ms(f.clock.now()), 0});
  CHECK((*stored)->staff == "anna");

  // Kiosks learn it through the sync log.
  auto changes = SyncLogRepository(f.db).entries_after(cursor, 10);
  REQUIRE(changes);
  REQUIRE(changes->size() == 1);
  CHECK((*changes)[0].kind == SyncLogKind::admission);
  CHECK((*changes)[0].kiosk_id == "desk");
  CHECK((*changes)[0].seq == 1);

  const auto audit = *AuditRepository(f.db).all();
  REQUIRE(audit.size() == 1);
  CHECK(audit[0] == AuditEntry{audit[0].id, f.clock.now(), "staff:anna", "manual_admission",
                               "T000007", "forgot her ticket"});
}

TEST_CASE("manual admissions number on and order within one millisecond", "[desk][admit]") {
  DeskFixture f;
  ok(f.desk.admit(1, "lost ticket", "anna"));
  ok(f.desk.admit(3, "lost ticket", "anna"));
  auto second = *SyncLogRepository(f.db).find_admission({"desk", 2});
  REQUIRE(second);
  CHECK(second->ticket_id == 3);
  CHECK(second->hlc == Hlc{to_unix_ms(f.clock.now()), 1});
  f.clock.advance(1ms);
  ok(f.desk.admit(5, "lost ticket", "anna"));
  auto third = *SyncLogRepository(f.db).find_admission({"desk", 3});
  REQUIRE(third);
  CHECK(third->hlc == Hlc{to_unix_ms(f.clock.now()), 0});
}

TEST_CASE("a desk stamp follows the desk's last one when the server's clock steps back",
          "[desk][admit]") {
  DeskFixture f;
  const Timestamp first_at = f.clock.now();
  ok(f.desk.admit(1, "lost ticket", "anna"));
  f.clock.set(first_at - 2s);  // the server's clock is set back (NTP, an operator)
  ok(f.desk.admit(3, "lost ticket", "anna"));
  const auto first = *SyncLogRepository(f.db).find_admission({"desk", 1});
  const auto second = *SyncLogRepository(f.db).find_admission({"desk", 2});
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->hlc == Hlc{to_unix_ms(first_at), 0});
  CHECK(second->scan_time == f.clock.now());
  CHECK(second->hlc > first->hlc);
  CHECK(second->hlc == Hlc{to_unix_ms(first_at), 1});
  // Once the clock has caught up, stamps are its time again.
  f.clock.set(first_at + 1s);
  ok(f.desk.admit(5, "lost ticket", "anna"));
  const auto third = *SyncLogRepository(f.db).find_admission({"desk", 3});
  REQUIRE(third);
  CHECK(third->hlc == Hlc{to_unix_ms(first_at + 1s), 0});
}

TEST_CASE("a manual admission is refused for unknown, inactive, revoked or admitted tickets",
          "[desk][admit]") {
  DeskFixture f;
  f.admit_the_morning();

  auto e = refused(f.desk.admit(4711, "reason", "anna"));
  CHECK(e.kind == DeskError::Kind::not_found);
  CHECK(e.code == "not_found");

  e = refused(f.desk.admit(6, "reason", "anna"));
  CHECK(e.kind == DeskError::Kind::conflict);
  CHECK(e.code == "not_active");
  CHECK(e.message == "T000006 is canceled");

  REQUIRE(RevocationRepository(f.db).revoke(7, f.clock.now(), "stolen"));
  e = refused(f.desk.admit(7, "reason", "anna"));
  CHECK(e.kind == DeskError::Kind::conflict);
  CHECK(e.code == "revoked");

  // T1 came in at K1 at 08:10 UTC, 09:10 in Berlin.
  e = refused(f.desk.admit(1, "reason", "anna"));
  CHECK(e.kind == DeskError::Kind::conflict);
  CHECK(e.code == "already_admitted");
  CHECK(e.message == "T000001 was admitted today at 09:10:00 at kiosk K1");
  // Under "deny" an exit does not give the day's admission back.
  CHECK(refused(f.desk.admit(2, "reason", "anna")).code == "already_admitted");

  for (const char* blank : {"", "   "}) {
    e = refused(f.desk.admit(3, blank, "anna"));
    CHECK(e.kind == DeskError::Kind::invalid);
    CHECK(e.code == "reason_required");
  }
  e = refused(f.desk.admit(3, std::string(501, 'x'), "anna"));
  CHECK(e.kind == DeskError::Kind::invalid);
  CHECK(e.code == "reason_too_long");
  CHECK(refused(f.desk.admit(3, "two\nlines", "anna")).kind == DeskError::Kind::invalid);
  CHECK(refused(f.desk.admit(3, "\xff\xfe", "anna")).kind == DeskError::Kind::invalid);

  f.clock.set(utc(2026, 3, 30, 9));
  e = refused(f.desk.admit(3, "reason", "anna"));
  CHECK(e.kind == DeskError::Kind::conflict);
  CHECK(e.code == "not_event_day");

  // Nothing of it was written.
  CHECK(f.count("SELECT count(*) FROM admission_events WHERE kiosk_id = 'desk'") == 0);
  CHECK(f.count("SELECT count(*) FROM audit_log") == 0);
}

TEST_CASE("a ticket admitted by hand is refused a second time, at the desk too", "[desk][admit]") {
  DeskFixture f;
  ok(f.desk.admit(7, "forgot the ticket", "anna"));
  const auto e = refused(f.desk.admit(7, "again", "bert"));
  CHECK(e.code == "already_admitted");
  CHECK(e.message == "T000007 was admitted today at 10:00:30 at the desk");
  // Tomorrow is another day.
  f.clock.set(utc(2026, 3, 29, 7));
  ok(f.desk.admit(7, "forgot the ticket", "anna"));
}

TEST_CASE("under allow_after_exit the desk admits again after an exit, not while on site",
          "[desk][admit]") {
  DeskFixture f(ReentryPolicy::allow_after_exit);
  f.admit_the_morning();
  ok(f.desk.admit(2, "left without scanning back in", "anna"));
  CHECK(refused(f.desk.admit(1, "reason", "anna")).code == "already_admitted");
}

TEST_CASE("a kiosk's later admission of a ticket admitted by hand raises a duplicate alert",
          "[desk][admit]") {
  DeskFixture f;
  ok(f.desk.admit(7, "forgot the ticket", "anna"));
  f.clock.advance(1min);
  f.push({f.scan("K1", 1, 7, f.clock.now())});
  CHECK(f.count("SELECT count(*) FROM alerts WHERE kind = 'duplicate' AND kiosk_id = 'K1'") == 1);
  AdmissionFilter filter;
  filter.ticket = 7;
  const json page = ok(f.desk.admissions(filter));
  REQUIRE(page["items"].size() == 2);
  CHECK(page["items"][0]["kiosk"] == "K1");
  CHECK(page["items"][0]["duplicate"] == true);
  CHECK(page["items"][1]["kiosk"] == "desk");
  CHECK(page["items"][1]["duplicate"] == false);
}

TEST_CASE("a manual admission a kiosk's earlier entry makes a duplicate answers so",
          "[desk][admit]") {
  // K1's clock runs ten minutes ahead: T7's exit is stamped after the desk's admission though it
  // was scanned before. T7 has left, so the desk admits; in merge order the admission falls
  // between the entry and the exit, while T7 was still inside.
  DeskFixture f(ReentryPolicy::allow_after_exit);
  AdmissionEvent exit = f.scan("K1", 2, 7, utc(2026, 3, 28, 8, 55), AdmissionKind::exit);
  exit.hlc = {to_unix_ms(utc(2026, 3, 28, 9, 5)), 0};
  f.push({f.scan("K1", 1, 7, utc(2026, 3, 28, 8, 50)), exit});
  const json answer = ok(f.desk.admit(7, "scanner jammed", "anna"));
  CHECK(answer["admission"]["duplicate"] == true);
  CHECK(f.count("SELECT count(*) FROM alerts WHERE kind = 'duplicate' AND kiosk_id = 'desk'") == 1);
  // The answer is the admission as the list shows it.
  AdmissionFilter filter;
  filter.kiosk = "desk";
  const json page = ok(f.desk.admissions(filter));
  REQUIRE(page["items"].size() == 1);
  CHECK(answer["admission"] == page["items"][0]);
}

TEST_CASE("a reprint goes to a known kiosk for an admitted ticket, with its audit entry",
          "[desk][reprint]") {
  DeskFixture f;
  f.admit_the_morning();
  DeviceHealth fine;
  fine.printer = PrinterHealth::ok;
  f.heartbeat("K2", fine);

  auto e = refused(f.desk.reprint(1, "K9", "badge lost", "anna"));
  CHECK(e.kind == DeskError::Kind::not_found);
  CHECK(e.code == "unknown_kiosk");
  CHECK(refused(f.desk.reprint(1, "desk", "badge lost", "anna")).code == "unknown_kiosk");
  e = refused(f.desk.reprint(7, "K2", "badge lost", "anna"));
  CHECK(e.kind == DeskError::Kind::conflict);
  CHECK(e.code == "not_admitted");
  CHECK(refused(f.desk.reprint(4711, "K2", "badge lost", "anna")).kind ==
        DeskError::Kind::not_found);
  CHECK(refused(f.desk.reprint(1, "K2", " ", "anna")).code == "reason_required");
  CHECK(f.count("SELECT count(*) FROM kiosk_commands") == 0);

  const json answer = ok(f.desk.reprint(1, "K2", "badge lost", "anna"));
  const json& command = answer["command"];
  CHECK(command["kiosk"] == "K2");
  CHECK(command["kind"] == "reprint");
  CHECK(command["ticket"] == 1);
  CHECK(command["staff"] == "anna");
  CHECK(command["reason"] == "badge lost");
  CHECK(command["created_at"] == to_unix_ms(f.clock.now()));
  CHECK(command["carried_out"] == false);
  CHECK(f.count("SELECT count(*) FROM kiosk_commands WHERE kiosk_id = 'K2' AND ticket_id = 1") ==
        1);
  CHECK(f.count("SELECT count(*) FROM sync_log WHERE kind = 'command' AND kiosk_id = 'K2'") == 1);
  const auto audit = *AuditRepository(f.db).all();
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].action == "reprint");
  CHECK(audit[0].who == "staff:anna");
  CHECK(audit[0].subject == "T000001");
  CHECK(audit[0].why == "badge lost (kiosk K2)");
}

TEST_CASE("cancel changes the status, audited, once", "[desk][cancel]") {
  DeskFixture f;
  const json detail = ok(f.desk.cancel(3, "double registration", "root"));
  CHECK(detail["status"] == "canceled");
  CHECK(detail["ticket"] == 3);
  REQUIRE(detail["audit"].size() == 1);
  CHECK(detail["audit"][0]["who"] == "staff:root");
  CHECK(detail["audit"][0]["action"] == "cancel");
  CHECK(detail["audit"][0]["why"] == "double registration");
  CHECK(f.count("SELECT count(*) FROM sync_log WHERE kind = 'attendee' AND ticket_id = 3") == 2);

  auto e = refused(f.desk.cancel(3, "again", "root"));
  CHECK(e.kind == DeskError::Kind::conflict);
  CHECK(e.code == "not_active");
  CHECK(refused(f.desk.cancel(4711, "x", "root")).kind == DeskError::Kind::not_found);
  CHECK(refused(f.desk.cancel(1, "", "root")).code == "reason_required");
  CHECK(f.count("SELECT count(*) FROM audit_log") == 1);
}

TEST_CASE("revoke records the revocation, audited, once", "[desk][revoke]") {
  DeskFixture f;
  const json detail = ok(f.desk.revoke(5, "ticket sold online", "root"));
  CHECK(detail["revoked"] == true);
  CHECK(detail["revocation"] ==
        json{{"at", to_unix_ms(f.clock.now())}, {"reason", "ticket sold online"}});
  REQUIRE(detail["audit"].size() == 1);
  CHECK(detail["audit"][0]["action"] == "revoke");
  CHECK(detail["audit"][0]["who"] == "staff:root");

  auto e = refused(f.desk.revoke(5, "again", "root"));
  CHECK(e.kind == DeskError::Kind::conflict);
  CHECK(e.code == "already_revoked");
  CHECK(refused(f.desk.revoke(4711, "x", "root")).kind == DeskError::Kind::not_found);
  CHECK(f.count("SELECT count(*) FROM revocations") == 1);
  CHECK(f.count("SELECT count(*) FROM audit_log") == 1);
}
