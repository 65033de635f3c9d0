#include "sync/replica_sync.h"

#include <catch2/catch.hpp>

#include "storage/key_repository.h"
#include "storage/kiosk_state_repository.h"
#include "storage/staff_card_repository.h"
#include "sync_fixture.h"

using namespace einlass;
using test::admission;
using test::attendee_record;
using test::SyncFixture;

namespace {

Changes changes_with_cursor(std::string cursor) {
  Changes c;
  c.cursor = std::move(cursor);
  return c;
}

}  // namespace

TEST_CASE("an attendee added on the server is admitted with the replica's record (scenario 22)",
          "[kiosk_sync]") {
  SyncFixture f;
  Changes c = changes_with_cursor("c-1");
  c.attendees = {attendee_record(60, "Neu Importierte Person", 2, 0b01)};
  auto applied = f.sync.apply(c);
  REQUIRE(applied);
  CHECK(applied->attendees == 1);
  CHECK(applied->cursor == "c-1");
  REQUIRE(f.attendee(60));
  CHECK(f.attendee(60)->display_name == "Neu Importierte Person");
  // The ticket carries older fields; the synced record wins on the badge.
  const Decision d = f.scan(f.fixture.ticket(60, "Alter Name", 1, 0b11));
  REQUIRE(d.admitted);
  CHECK(d.display_name == "Neu Importierte Person");
  CHECK(d.category == 2);
}

TEST_CASE("an attendee changed on the server is decided by the new record", "[kiosk_sync]") {
  SyncFixture f;
  Changes c = changes_with_cursor("c-1");
  // Only the second day now: refused on the first morning.
  c.attendees = {attendee_record(1, "Jürgen Weiß", 1, 0b10)};
  REQUIRE(f.sync.apply(c));
  CHECK(f.scan(f.fixture.ticket(1)).reason == Reason::wrong_day);
}

TEST_CASE("a registration cancelled on the server is refused as canceled", "[kiosk_sync]") {
  SyncFixture f;
  Changes c = changes_with_cursor("c-1");
  c.attendees = {attendee_record(1, "Jürgen Weiß", 1, 0b11, AttendeeStatus::canceled)};
  REQUIRE(f.sync.apply(c));
  const Decision d = f.scan(f.fixture.ticket(1));
  CHECK_FALSE(d.admitted);
  CHECK(d.reason == Reason::canceled);
  CHECK(f.admissions().empty());
}

TEST_CASE("a ticket revoked on the server is refused; withdrawn, it is admitted again",
          "[kiosk_sync]") {
  SyncFixture f;
  Changes revoke = changes_with_cursor("c-1");
  revoke.revocations = {Revocation{1, test::first_morning(), "Doppelt ausgestellt"}};
  auto applied = f.sync.apply(revoke);
  REQUIRE(applied);
  CHECK(applied->revocations == 1);
  REQUIRE(f.revocations().size() == 1);
  CHECK(f.revocations()[0].reason == "Doppelt ausgestellt");
  CHECK(f.scan(f.fixture.ticket(1)).reason == Reason::revoked);

  Changes withdraw = changes_with_cursor("c-2");
  withdraw.withdrawn_revocations = {1, 99};
  applied = f.sync.apply(withdraw);
  REQUIRE(applied);
  CHECK(applied->withdrawn_revocations == 1);
  CHECK(f.revocations().empty());
  CHECK(f.scan(f.fixture.ticket(1), 1).admitted);
}

TEST_CASE("an attendee removed on the server is gone from the replica", "[kiosk_sync]") {
  SyncFixture f;
  Changes c = changes_with_cursor("c-1");
  c.removed_attendees = {2, 4711};
  auto applied = f.sync.apply(c);
  REQUIRE(applied);
  CHECK(applied->removed_attendees == 1);
  CHECK_FALSE(f.attendee(2));
  CHECK(f.attendee(1));
}

TEST_CASE("a key the server no longer sends makes its tickets unknown_key at once",
          "[kiosk_sync]") {
  SyncFixture f;
  const SigningKey rotated = SigningKey::generate();
  Changes c = changes_with_cursor("c-1");
  c.config = test::config_trusting({PublicKeyEntry{2, rotated.public_key()}});
  c.config->event.name = "Digitaler Staat 2026 (verlegt)";
  c.config->revoked_staff_cards = {RevokedCard{17, test::first_morning()}};
  auto applied = f.sync.apply(c);
  REQUIRE(applied);
  CHECK(applied->config_changed);
  // No reopening: the desk decides with the reloaded replica.
  CHECK(f.scan(f.fixture.ticket(1)).reason == Reason::unknown_key);
  CHECK(f.scan(test::ticket_signed(rotated, 2, 1)).admitted);
  CHECK(f.replica.event().name == "Digitaler Staat 2026 (verlegt)");
  auto keys = KeyRepository(f.replica.db()).keys();
  REQUIRE(keys);
  REQUIRE(keys->size() == 1);
  CHECK((*keys)[0].id == 2);
  CHECK(StaffCardRepository(f.replica.db()).is_revoked(17) == true);
}

TEST_CASE("a config the kiosk could not use is refused and nothing of the message is stored",
          "[kiosk_sync]") {
  SyncFixture f;
  Changes c = changes_with_cursor("c-1");
  c.attendees = {attendee_record(60, "Neue Person")};
  c.config = test::config_trusting({});
  c.config->event.time_zone = "Mars/Olympus_Mons";
  auto refused = f.sync.apply(c);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == ReplicaSyncError::Kind::config);
  CHECK_FALSE(f.attendee(60));
  CHECK(f.stored_cursor().empty());
  CHECK(f.scan(f.fixture.ticket(1)).admitted);
}

TEST_CASE("applying the same changes twice stores them once", "[kiosk_sync]") {
  SyncFixture f;
  Changes c = changes_with_cursor("c-1");
  c.attendees = {attendee_record(60, "Neue Person")};
  c.revocations = {Revocation{2, test::first_morning(), ""}};
  c.admissions = {admission("K2", 1, 3), admission("K2", 2, 60)};
  auto first = f.sync.apply(c);
  REQUIRE(first);
  CHECK(first->admissions_added == 2);
  auto second = f.sync.apply(c);
  REQUIRE(second);
  CHECK(second->admissions_added == 0);
  CHECK(second->admissions_known == 2);
  CHECK(f.admissions().size() == 2);
  CHECK(f.revocations().size() == 1);
  CHECK(f.attendee(60)->display_name == "Neue Person");
  CHECK(f.stored_cursor() == "c-1");
}

TEST_CASE("the cursor is committed with the data, and a failed message stores neither",
          "[kiosk_sync]") {
  SyncFixture f;
  Changes good = changes_with_cursor("c-1");
  good.attendees = {attendee_record(60, "Neue Person")};
  REQUIRE(f.sync.apply(good));

  Changes broken = changes_with_cursor("c-2");
  broken.attendees = {attendee_record(61, "Noch eine Person")};
  broken.revocations = {Revocation{1, test::first_morning(), ""}};
  broken.admissions = {admission("K2", 1, 3)};
  broken.admissions[0].key.kiosk_id = "";  // the schema refuses it, after everything else
  auto refused = f.sync.apply(broken);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == ReplicaSyncError::Kind::storage);
  CHECK_FALSE(f.attendee(61));
  CHECK(f.revocations().empty());
  CHECK(f.stored_cursor() == "c-1");

  // What a restart finds: the first message and its cursor.
  const auto path = f.fixture.replica_path;
  {
    auto reopened = Replica::open(path);
    REQUIRE(reopened);
    CHECK(KioskStateRepository(reopened->db()).sync_cursor() == std::string("c-1"));
  }
}

TEST_CASE("a part of split changes without a cursor keeps the cursor before it", "[kiosk_sync]") {
  SyncFixture f;
  REQUIRE(f.sync.apply(changes_with_cursor("c-1")));
  Changes part;
  part.more = true;
  part.attendees = {attendee_record(60, "Neue Person")};
  auto applied = f.sync.apply(part);
  REQUIRE(applied);
  CHECK(applied->cursor == "c-1");
  CHECK(f.stored_cursor() == "c-1");
  CHECK(f.attendee(60));
}

TEST_CASE("an admission known with other content is skipped and counted, the rest is applied",
          "[kiosk_sync]") {
  SyncFixture f;
  REQUIRE(f.sync.store_admissions(std::vector{admission("K2", 1, 3)}));
  Changes c = changes_with_cursor("c-7");
  c.admissions = {admission("K2", 1, 2), admission("K2", 2, 1)};
  c.attendees = {attendee_record(60, "Neue Person")};
  auto applied = f.sync.apply(c);
  REQUIRE(applied);
  CHECK(applied->admissions_added == 1);
  REQUIRE(applied->admissions_conflicting.size() == 1);
  CHECK(applied->admissions_conflicting[0] == EventKey{"K2", 1});
  CHECK(f.stored_cursor() == "c-7");
  const auto all = f.admissions();
  REQUIRE(all.size() == 2);
  CHECK(all[0].key == EventKey{"K2", 1});
  CHECK(all[0].ticket_id == 3);  // the first content stays
  // K2 admitted ticket 1: this kiosk now refuses it.
  const Decision d = f.scan(f.fixture.ticket(1), 5);
  CHECK(d.reason == Reason::already_admitted);
  REQUIRE(d.prior);
  CHECK(d.prior->key == EventKey{"K2", 2});
}

TEST_CASE("received admissions raise the replica's clock stamp", "[kiosk_sync]") {
  SyncFixture f;
  const std::int64_t ahead = to_unix_ms(test::first_morning()) + 3'600'000;
  Changes c = changes_with_cursor("c-1");
  c.admissions = {admission("K2", 1, 3, ahead - 5), admission("K3", 1, 2, ahead)};
  c.admissions[1].hlc.logical = 4;
  auto applied = f.sync.apply(c);
  REQUIRE(applied);
  REQUIRE(applied->highest_hlc);
  CHECK(*applied->highest_hlc == Hlc{ahead, 4});
  CHECK(KioskStateRepository(f.replica.db()).last_hlc() == Hlc{ahead, 4});
  // Older stamps never lower it.
  Changes older = changes_with_cursor("c-2");
  older.admissions = {admission("K2", 2, 1, 10)};
  REQUIRE(f.sync.apply(older));
  CHECK(KioskStateRepository(f.replica.db()).last_hlc() == Hlc{ahead, 4});
}

TEST_CASE("a refused claim's admissions make the desk refuse with where and when", "[kiosk_sync]") {
  SyncFixture f;
  AdmissionEvent elsewhere = admission("K2", 41, 1);
  elsewhere.scan_time = test::first_morning() - std::chrono::minutes(2);
  const std::vector carried{elsewhere};
  auto stored = f.sync.store_admissions(carried);
  REQUIRE(stored);
  CHECK(stored->admissions_added == 1);
  auto again = f.sync.store_admissions(carried);
  REQUIRE(again);
  CHECK(again->admissions_known == 1);
  const Decision d = f.scan(f.fixture.ticket(1));
  CHECK_FALSE(d.admitted);
  CHECK(d.reason == Reason::already_admitted);
  REQUIRE(d.prior);
  CHECK(d.prior->key == EventKey{"K2", 41});
  CHECK(d.prior->scan_time == elsewhere.scan_time);
  CHECK(f.admissions().size() == 1);
}

TEST_CASE("own events the replica did not hold move its next sequence number past them",
          "[kiosk_sync]") {
  SyncFixture f;
  REQUIRE(f.scan(f.fixture.ticket(1)).admitted);  // K1#1
  Changes echo = changes_with_cursor("c-1");
  echo.admissions = f.admissions();
  auto applied = f.sync.apply(echo);
  REQUIRE(applied);
  CHECK_FALSE(applied->next_sequence_raised);
  Changes lost = changes_with_cursor("c-2");
  lost.admissions = {admission("K1", 9, 2)};
  applied = f.sync.apply(lost);
  REQUIRE(applied);
  CHECK(applied->next_sequence_raised);
  CHECK(KioskStateRepository(f.replica.db()).next_sequence() == std::uint64_t{10});
}

TEST_CASE("the last command carried out survives a restart and never goes back", "[kiosk_sync]") {
  SyncFixture f;
  CHECK(f.sync.last_command() == std::uint64_t{0});
  REQUIRE(f.sync.set_last_command(7));
  REQUIRE(f.sync.set_last_command(5));
  CHECK(f.sync.last_command() == std::uint64_t{7});
  auto reopened = Replica::open(f.fixture.replica_path);
  REQUIRE(reopened);
  CHECK(KioskStateRepository(reopened->db()).last_command() == std::uint64_t{7});
}
