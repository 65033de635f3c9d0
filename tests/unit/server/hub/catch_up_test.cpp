#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include "hub/sync_cursor.h"
#include "hub_fixture.h"
#include "storage/revocation_repository.h"
#include "storage/staff_card_repository.h"

using namespace einlass;
using test::entry;
using test::HubFixture;

namespace {

std::size_t entries(const Changes& c) {
  return c.attendees.size() + c.removed_attendees.size() + c.revocations.size() +
         c.withdrawn_revocations.size() + c.admissions.size();
}

std::string cursor_at(HubFixture& f) {
  return format_cursor({2026, *f.hub.latest_change()});
}

std::vector<OutgoingChanges> catch_up(HubFixture& f, std::string_view kiosk,
                                      std::string_view cursor) {
  auto messages = f.hub.catch_up(kiosk, cursor);
  if (!messages) FAIL(messages.error().message);
  return std::move(*messages);
}

}  // namespace

TEST_CASE("a fresh kiosk gets a snapshot: config with keys first, then everything, cursor last",
          "[hub][catch_up]") {
  HubFixture f;
  REQUIRE(RevocationRepository(f.db).revoke(2, test::utc(2026, 3, 28, 7), "lost"));
  REQUIRE(StaffCardRepository(f.db).add("Ben", 1, test::utc(2026, 3, 1)));
  REQUIRE(StaffCardRepository(f.db).revoke(1, test::utc(2026, 3, 2), "lost"));
  REQUIRE(f.hub.push("K1", Push{{entry("K1", 1, 1, 0)}}));
  REQUIRE(f.hub.push("K2", Push{{entry("K2", 1, 3, 1)}}));

  for (const char* cursor : {"", "garbage", "1999.3", "2026.999999"}) {
    auto messages = catch_up(f, "K1", cursor);
    REQUIRE(messages.size() == 1);
    const auto& m = messages[0];
    CHECK(m.type == MessageType::snapshot);
    CHECK_FALSE(m.changes.more);
    CHECK(m.changes.cursor == cursor_at(f));
    CHECK(m.changes.server_time_ms == to_unix_ms(f.clock.now()));
    REQUIRE(m.changes.config);
    CHECK(m.changes.config->event.name == "Digitaler Staat 2026");
    REQUIRE(m.changes.config->keys.size() == 1);
    CHECK(m.changes.config->keys[0].id == 1);
    REQUIRE(m.changes.config->revoked_staff_cards.size() == 1);
    CHECK(m.changes.config->revoked_staff_cards[0].card_id == 1);
    REQUIRE(m.changes.attendees.size() == 3);
    CHECK(m.changes.attendees[1].display_name == "Grace Hopper");
    CHECK(m.changes.revocations == std::vector{Revocation{2, test::utc(2026, 3, 28, 7), "lost"}});
    CHECK(m.changes.admissions.size() == 2);  // its own too: a re-provisioned kiosk needs them
  }
}

TEST_CASE("a retired key leaves the snapshot's keys", "[hub][catch_up]") {
  HubFixture f;
  Ed25519PublicKey second{};
  second.fill(9);
  REQUIRE(KeyRepository(f.db).add_signing_key(2, "second", second, f.clock.now()));
  REQUIRE(KeyRepository(f.db).retire(1, f.clock.now()));
  auto messages = catch_up(f, "K1", "");
  REQUIRE(messages[0].changes.config);
  REQUIRE(messages[0].changes.config->keys.size() == 1);
  CHECK(messages[0].changes.config->keys[0].id == 2);
  CHECK(messages[0].changes.config->keys[0].public_key == second);
}

TEST_CASE("a snapshot of 5,000 attendees comes in bounded parts, consistent with its cursor",
          "[hub][catch_up]") {
  HubFixture f;
  std::vector<Registration> many;
  for (int i = 0; i < 5000; ++i)
    many.push_back(test::hub_reg("x" + std::to_string(i), "Person " + std::to_string(i)));
  REQUIRE(AttendeeRepository(f.db, f.clock).upsert(many));
  std::vector<AdmissionEvent> pushed;
  for (std::uint64_t seq = 1; seq <= 400; ++seq)
    pushed.push_back(entry("K9", seq, static_cast<TicketId>(seq), 1));
  REQUIRE(f.hub.push("K9", Push{pushed}));

  auto parts = catch_up(f, "K1", "");
  // 5,003 attendees and 400 admissions in parts of at most kMaxChangeEntries.
  REQUIRE(parts.size() == (5403 + kMaxChangeEntries - 1) / kMaxChangeEntries);
  std::size_t attendees = 0;
  std::size_t admissions = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& c = parts[i].changes;
    CHECK(parts[i].type == MessageType::snapshot);
    CHECK(entries(c) <= kMaxChangeEntries);
    CHECK(c.more == (i + 1 < parts.size()));
    CHECK(c.cursor.empty() == (i + 1 < parts.size()));
    CHECK(c.config.has_value() == (i == 0));
    attendees += c.attendees.size();
    admissions += c.admissions.size();
  }
  CHECK(attendees == 5003);
  CHECK(admissions == 400);
  CHECK(parts.back().changes.cursor == cursor_at(f));
  // Continuing from the snapshot's cursor: nothing to send.
  CHECK(catch_up(f, "K1", parts.back().changes.cursor).empty());
}

TEST_CASE("changes coalesce per subject, send deletions and skip the kiosk's own admissions",
          "[hub][catch_up]") {
  HubFixture f;
  const std::string start = cursor_at(f);
  auto& conn = f.db.connection();
  for (int i = 0; i < 5; ++i)
    conn.exec("UPDATE attendees SET display_name = 'Ada " + std::to_string(i) +
              "' WHERE ticket_id = 1");
  conn.exec("UPDATE attendees SET email = 'new@example.org' WHERE ticket_id = 2");  // silent
  conn.exec("DELETE FROM attendees WHERE ticket_id = 3");
  REQUIRE(RevocationRepository(f.db).revoke(2, test::utc(2026, 3, 28, 7), "lost"));
  REQUIRE(RevocationRepository(f.db).revoke(1, test::utc(2026, 3, 28, 7), "mistake"));
  conn.exec("DELETE FROM revocations WHERE ticket_id = 1");
  REQUIRE(f.hub.push("K1", Push{{entry("K1", 1, 2, 0)}}));
  REQUIRE(f.hub.push("K2", Push{{entry("K2", 1, 1, 1)}}));
  conn.exec(
      "INSERT INTO kiosk_commands (kiosk_id, kind, staff, created_at) "
      "VALUES ('K1', 'pause', 'anna', 0)");
  REQUIRE(f.hub.push("K1", Push{{entry("K1", 2, 1, 2)}}));  // own, last: still passed

  auto messages = catch_up(f, "K1", start);
  REQUIRE(messages.size() == 1);
  const auto& c = messages[0].changes;
  CHECK(messages[0].type == MessageType::changes);
  CHECK_FALSE(c.more);
  CHECK(c.cursor == cursor_at(f));
  CHECK_FALSE(c.config);
  REQUIRE(c.attendees.size() == 1);
  CHECK(c.attendees[0].display_name == "Ada 4");
  CHECK(c.removed_attendees == std::vector<TicketId>{3});
  CHECK(c.revocations == std::vector{Revocation{2, test::utc(2026, 3, 28, 7), "lost"}});
  CHECK(c.withdrawn_revocations == std::vector<TicketId>{1});
  REQUIRE(c.admissions.size() == 1);
  CHECK(c.admissions[0].key == EventKey{"K2", 1});

  // K2 sees K1's two admissions and not its own.
  auto k2 = catch_up(f, "K2", start);
  REQUIRE(k2.size() == 1);
  REQUIRE(k2[0].changes.admissions.size() == 2);
  CHECK(k2[0].changes.admissions[0].key == EventKey{"K1", 1});
  CHECK(k2[0].changes.admissions[1].key == EventKey{"K1", 2});
}

TEST_CASE("only the kiosk's own admissions since the cursor: an empty message moves the cursor",
          "[hub][catch_up]") {
  HubFixture f;
  const std::string start = cursor_at(f);
  REQUIRE(f.hub.push("K1", Push{{entry("K1", 1, 2, 0)}}));
  auto messages = catch_up(f, "K1", start);
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].changes.cursor == cursor_at(f));
  CHECK(entries(messages[0].changes) == 0);
  CHECK(catch_up(f, "K1", cursor_at(f)).empty());
}

TEST_CASE("a config change sends the current config once", "[hub][catch_up]") {
  HubFixture f;
  const std::string start = cursor_at(f);
  EventConfig event = test::sample_event();
  event.name = "Digitaler Staat 2026 (verlegt)";
  REQUIRE(EventRepository(f.db).save(event));
  REQUIRE(EventRepository(f.db).save(event));
  auto messages = catch_up(f, "K1", start);
  REQUIRE(messages.size() == 1);
  REQUIRE(messages[0].changes.config);
  CHECK(messages[0].changes.config->event.name == "Digitaler Staat 2026 (verlegt)");
  CHECK(messages[0].changes.cursor == cursor_at(f));
}

TEST_CASE("many changes are split into bounded messages, each with the position it covers",
          "[hub][catch_up]") {
  HubFixture f;
  const std::string start = cursor_at(f);
  std::vector<Registration> many;
  for (int i = 0; i < 4500; ++i)
    many.push_back(test::hub_reg("x" + std::to_string(i), "Person " + std::to_string(i)));
  REQUIRE(AttendeeRepository(f.db, f.clock).upsert(many));
  auto messages = catch_up(f, "K1", start);
  REQUIRE(messages.size() == (4500 + kMaxChangeEntries - 1) / kMaxChangeEntries);
  std::size_t total = 0;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const auto& c = messages[i].changes;
    CHECK(entries(c) <= kMaxChangeEntries);
    CHECK(c.more == (i + 1 < messages.size()));
    total += c.attendees.size();
    // Resuming from any message's cursor sends exactly what came after it.
    std::size_t rest = 0;
    for (const auto& m : catch_up(f, "K1", c.cursor)) rest += m.changes.attendees.size();
    CHECK(rest == 4500 - total);
  }
  CHECK(total == 4500);
}

TEST_CASE("a cursor more than 20,000 changes behind gets a snapshot", "[hub][catch_up]") {
  HubFixture f;
  const std::string start = cursor_at(f);
  f.db.connection().exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20001) "
      "INSERT INTO sync_log (kind, kiosk_id) SELECT 'tls', 'K1' FROM n");
  auto messages = catch_up(f, "K1", start);
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].type == MessageType::snapshot);
}

TEST_CASE(
    "scenario 22: an attendee added through a second connection appears in the next "
    "catch_up",
    "[hub][catch_up]") {
  HubFixture f;
  const std::string start = cursor_at(f);
  const auto before = *f.hub.latest_change();
  auto admin = f.open();  // einlass-admin, another process in real life
  REQUIRE(
      AttendeeRepository(admin, f.clock).upsert(std::vector{test::hub_reg("d", "Hedy Lamarr")}));
  REQUIRE(*f.hub.latest_change() > before);
  auto messages = catch_up(f, "K1", start);
  REQUIRE(messages.size() == 1);
  REQUIRE(messages[0].changes.attendees.size() == 1);
  CHECK(messages[0].changes.attendees[0].display_name == "Hedy Lamarr");
  CHECK(messages[0].changes.attendees[0].ticket_id == 4);
}
