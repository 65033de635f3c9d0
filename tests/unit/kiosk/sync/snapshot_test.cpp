#include <catch2/catch.hpp>

#include <chrono>

#include "storage/attendee_repository.h"
#include "storage/key_repository.h"
#include "storage/kiosk_state_repository.h"
#include "storage/staff_card_repository.h"
#include "sync/replica_sync.h"
#include "sync_fixture.h"

using namespace einlass;
using test::admission;
using test::attendee_record;
using test::SyncFixture;

namespace {

// A server's snapshot in parts: the config, revocations and admissions first, then the
// attendees, `per_part` at a time; the cursor in the last part.
std::vector<Changes> snapshot(const SigningKey& key, std::vector<AttendeeRecord> attendees,
                              std::size_t per_part, std::string cursor) {
  std::vector<Changes> parts;
  Changes first;
  first.config = test::config_trusting({PublicKeyEntry{2, key.public_key()}});
  first.config->revoked_staff_cards = {RevokedCard{33, test::first_morning()}};
  first.revocations = {Revocation{101, test::first_morning(), "Storniert"}};
  first.admissions = {admission("K2", 1, 102), admission("K2", 2, 103)};
  parts.push_back(std::move(first));
  for (std::size_t i = 0; i < attendees.size(); i += per_part) {
    const auto end = std::min(attendees.size(), i + per_part);
    Changes part;
    part.attendees.assign(attendees.begin() + static_cast<std::ptrdiff_t>(i),
                          attendees.begin() + static_cast<std::ptrdiff_t>(end));
    parts.push_back(std::move(part));
  }
  for (auto& part : parts) part.more = true;
  parts.back().more = false;
  parts.back().cursor = std::move(cursor);
  return parts;
}

std::vector<AttendeeRecord> numbered_attendees(TicketId first, std::size_t count) {
  std::vector<AttendeeRecord> out;
  for (std::size_t i = 0; i < count; ++i) {
    const auto id = static_cast<TicketId>(first + i);
    out.push_back(attendee_record(id, "Person " + std::to_string(id)));
  }
  return out;
}

std::int64_t attendee_count(Replica& replica) {
  SystemClock clock;
  auto count = AttendeeRepository(replica.db(), clock).count();
  REQUIRE(count);
  return *count;
}

}  // namespace

TEST_CASE("a snapshot replaces the replica but keeps the kiosk's own admissions (scenario 21)",
          "[kiosk_sync]") {
  SyncFixture f;
  REQUIRE(f.scan(f.fixture.ticket(1)).admitted);  // K1#1, before the snapshot
  Changes before;
  before.cursor = "c-old";
  before.revocations = {Revocation{2, test::first_morning(), ""}};
  REQUIRE(f.sync.apply(before));
  const SigningKey server_key = SigningKey::generate();
  auto parts = snapshot(server_key, numbered_attendees(100, 5000), 1000, "c-snap");
  REQUIRE(parts.size() == 6);
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    auto staged = f.sync.apply_snapshot_part(std::move(parts[i]));
    REQUIRE(staged);
    CHECK_FALSE(*staged);
    CHECK(f.sync.snapshot_in_progress());
  }
  CHECK(attendee_count(f.replica) == 3);  // nothing applied before the last part
  auto applied = f.sync.apply_snapshot_part(std::move(parts.back()));
  REQUIRE(applied);
  REQUIRE(*applied);
  const ApplySummary& summary = **applied;
  CHECK(summary.snapshot);
  CHECK(summary.attendees == 5000);
  CHECK(summary.admissions_added == 2);
  CHECK(summary.config_changed);
  CHECK_FALSE(f.sync.snapshot_in_progress());

  CHECK(attendee_count(f.replica) == 5000);
  CHECK_FALSE(f.attendee(1));  // the old attendees are the snapshot's now
  CHECK(f.attendee(4242)->display_name == "Person 4242");
  REQUIRE(f.revocations().size() == 1);
  CHECK(f.revocations()[0].ticket_id == 101);
  auto keys = KeyRepository(f.replica.db()).keys();
  REQUIRE(keys);
  REQUIRE(keys->size() == 1);
  CHECK((*keys)[0].id == 2);
  CHECK(StaffCardRepository(f.replica.db()).is_revoked(33) == true);
  CHECK(f.stored_cursor() == "c-snap");
  const auto all = f.admissions();
  REQUIRE(all.size() == 3);
  CHECK(std::ranges::count(all, EventKey{"K1", 1}, &AdmissionEvent::key) == 1);

  // Deciding with the snapshot at once: its key, its attendees, its revocations and admissions.
  const Decision admitted = f.scan(test::ticket_signed(server_key, 2, 4242, "Alter Name"), 1);
  REQUIRE(admitted.admitted);
  CHECK(admitted.display_name == "Person 4242");
  CHECK(f.scan(test::ticket_signed(server_key, 2, 101), 2).reason == Reason::revoked);
  CHECK(f.scan(test::ticket_signed(server_key, 2, 102), 3).reason == Reason::already_admitted);
  CHECK(f.scan(f.fixture.ticket(2), 4).reason == Reason::unknown_key);
}

TEST_CASE("a snapshot cut short is discarded and the next one applies alone", "[kiosk_sync]") {
  SyncFixture f;
  const SigningKey server_key = SigningKey::generate();
  auto cut = snapshot(server_key, numbered_attendees(100, 3000), 1000, "c-cut");
  REQUIRE(cut.size() >= 3);
  REQUIRE(f.sync.apply_snapshot_part(std::move(cut[0])));
  REQUIRE(f.sync.apply_snapshot_part(std::move(cut[1])));
  f.sync.reset_snapshot();  // the connection dropped
  CHECK_FALSE(f.sync.snapshot_in_progress());
  CHECK(attendee_count(f.replica) == 3);
  CHECK(f.stored_cursor().empty());
  CHECK(f.scan(f.fixture.ticket(2)).admitted);  // still the old keys and attendees

  auto whole = snapshot(server_key, numbered_attendees(9000, 10), 1000, "c-new");
  for (auto& part : whole) REQUIRE(f.sync.apply_snapshot_part(std::move(part)));
  CHECK(attendee_count(f.replica) == 10);
  CHECK_FALSE(f.attendee(100));
  CHECK(f.attendee(9005));
  CHECK(f.stored_cursor() == "c-new");
}

TEST_CASE("changes in the middle of a snapshot are refused", "[kiosk_sync]") {
  SyncFixture f;
  auto parts = snapshot(SigningKey::generate(), numbered_attendees(100, 10), 5, "c-1");
  REQUIRE(f.sync.apply_snapshot_part(std::move(parts[0])));
  Changes changes;
  changes.cursor = "c-x";
  auto refused = f.sync.apply(changes);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == ReplicaSyncError::Kind::protocol);
  CHECK(f.stored_cursor().empty());
}

TEST_CASE("a snapshot without the event's config is refused and changes nothing", "[kiosk_sync]") {
  SyncFixture f;
  Changes only_part;
  only_part.cursor = "c-1";
  only_part.attendees = {attendee_record(500, "Niemand")};
  auto applied = f.sync.apply_snapshot_part(only_part);
  REQUIRE_FALSE(applied);
  CHECK(applied.error().kind == ReplicaSyncError::Kind::protocol);
  CHECK(attendee_count(f.replica) == 3);
  CHECK(f.stored_cursor().empty());
  CHECK_FALSE(f.sync.snapshot_in_progress());
}

// By hand: kiosk_sync_tests "[.bench]". Prints how long applying 50,000 attendees takes.
TEST_CASE("applying a 50,000-attendee snapshot", "[.bench]") {
  SyncFixture f;
  const SigningKey server_key = SigningKey::generate();
  auto parts = snapshot(server_key, numbered_attendees(1, 50'000), 2000, "c-big");
  const auto start = std::chrono::steady_clock::now();
  std::optional<ApplySummary> summary;
  for (auto& part : parts) {
    auto applied = f.sync.apply_snapshot_part(std::move(part));
    REQUIRE(applied);
    if (*applied) summary = **applied;
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(summary);
  CHECK(attendee_count(f.replica) == 50'000);
  WARN("50,000 attendees in " << parts.size() << " parts applied in " << ms << " ms");
}
