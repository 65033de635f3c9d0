#include "sync/outbox.h"

#include <catch2/catch.hpp>

#include <vector>

#include "storage/admission_log.h"
#include "storage/kiosk_state_repository.h"
#include "support/temp_dir.h"
#include "sync_fixture.h"

using namespace einlass;

namespace {

Database open_db(const std::filesystem::path& path) {
  auto db = Database::open(path, DatabaseKind::kiosk);
  REQUIRE(db);
  return std::move(*db);
}

// A replica holding K1's own events 1..own_count and some of K2's in between.
struct OutboxFixture {
  explicit OutboxFixture(std::uint64_t own_count) {
    std::vector<AdmissionEvent> events;
    for (std::uint64_t seq = 1; seq <= own_count; ++seq) {
      events.push_back(test::admission("K1", seq, static_cast<TicketId>(seq)));
      if (seq % 100 == 0) events.push_back(test::admission("K2", seq / 100, 7));
    }
    REQUIRE(AdmissionLog(db, clock).append_batch(events));
  }

  test::TempDir dir;
  Database db = open_db(dir / "replica.db");
  ManualClock clock{test::first_morning()};
  Outbox outbox{db, "K1", clock};
};

std::vector<std::uint64_t> seqs(const Push& push) {
  std::vector<std::uint64_t> out;
  for (const auto& e : push.events) {
    CHECK(e.key.kiosk_id == "K1");
    out.push_back(e.key.seq);
  }
  return out;
}

std::vector<std::uint64_t> range(std::uint64_t first, std::uint64_t last) {
  std::vector<std::uint64_t> out;
  for (std::uint64_t s = first; s <= last; ++s) out.push_back(s);
  return out;
}

Ack ack(std::uint64_t first, std::uint64_t last, std::string kiosk = "K1") {
  return Ack{std::move(kiosk), first, last};
}

}  // namespace

TEST_CASE("the outbox sends 1,200 own events as 500, 500 and 200, oldest first", "[kiosk_sync]") {
  OutboxFixture f(1200);
  auto first = f.outbox.next_push();
  REQUIRE(first);
  CHECK(seqs(*first) == range(1, 500));
  CHECK(first->events[41].ticket_id == 42);
  REQUIRE(f.outbox.acknowledge(ack(1, 500)) == std::uint64_t{500});
  auto second = f.outbox.next_push();
  REQUIRE(second);
  CHECK(seqs(*second) == range(501, 1000));
  REQUIRE(f.outbox.acknowledge(ack(501, 1000)) == std::uint64_t{1000});
  auto third = f.outbox.next_push();
  REQUIRE(third);
  CHECK(seqs(*third) == range(1001, 1200));
  REQUIRE(f.outbox.acknowledge(ack(1001, 1200)) == std::uint64_t{1200});
  auto none = f.outbox.next_push();
  REQUIRE(none);
  CHECK(none->events.empty());
  CHECK(f.outbox.unsynced() == std::uint64_t{0});
}

TEST_CASE("the outbox sends the next batch after the last one sent, before its ack",
          "[kiosk_sync]") {
  OutboxFixture f(1200);
  auto first = f.outbox.next_push(0);
  REQUIRE(first);
  auto second = f.outbox.next_push(first->events.back().key.seq);
  REQUIRE(second);
  CHECK(seqs(*second) == range(501, 1000));
  REQUIRE(f.outbox.acknowledge(ack(1, 500)));
  auto third = f.outbox.next_push(second->events.back().key.seq);
  REQUIRE(third);
  CHECK(seqs(*third) == range(1001, 1200));
  // A new connection starts again after the acknowledged mark, not after what was sent.
  auto resend = f.outbox.next_push(0);
  REQUIRE(resend);
  CHECK(seqs(*resend) == range(501, 1000));
}

TEST_CASE("unsynced counts only own events above the acknowledged mark", "[kiosk_sync]") {
  OutboxFixture f(1200);
  CHECK(f.outbox.unsynced() == std::uint64_t{1200});
  REQUIRE(f.outbox.acknowledge(ack(1, 500)));
  CHECK(f.outbox.unsynced() == std::uint64_t{700});
  CHECK(f.outbox.acknowledged() == std::uint64_t{500});
  REQUIRE(AdmissionLog(f.db, f.clock).append(test::admission("K1", 1201, 9)));
  REQUIRE(AdmissionLog(f.db, f.clock).append(test::admission("K3", 5000, 9)));
  CHECK(f.outbox.unsynced() == std::uint64_t{701});
}

TEST_CASE("the acknowledged mark survives reopening the replica: only the rest is sent again",
          "[kiosk_sync]") {
  test::TempDir dir;
  ManualClock clock{test::first_morning()};
  {
    Database db = open_db(dir / "replica.db");
    std::vector<AdmissionEvent> events;
    for (std::uint64_t seq = 1; seq <= 800; ++seq) events.push_back(test::admission("K1", seq, 1));
    REQUIRE(AdmissionLog(db, clock).append_batch(events));
    Outbox outbox(db, "K1", clock);
    REQUIRE(outbox.next_push());
    REQUIRE(outbox.acknowledge(ack(1, 500)));
  }
  Database db = open_db(dir / "replica.db");
  CHECK(KioskStateRepository(db).acked_sequence() == std::uint64_t{500});
  Outbox outbox(db, "K1", clock);
  auto push = outbox.next_push();
  REQUIRE(push);
  CHECK(seqs(*push) == range(501, 800));
  CHECK(outbox.unsynced() == std::uint64_t{300});
}

TEST_CASE("an ack for another kiosk is refused and changes nothing", "[kiosk_sync]") {
  OutboxFixture f(600);
  auto refused = f.outbox.acknowledge(ack(1, 5, "K2"));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == ReplicaSyncError::Kind::protocol);
  CHECK_THAT(refused.error().message, Catch::Contains("K2") && Catch::Contains("K1"));
  CHECK(f.outbox.acknowledged() == std::uint64_t{0});
  CHECK(f.outbox.unsynced() == std::uint64_t{600});
}

TEST_CASE("an ack beyond the events held, or of no range, is refused", "[kiosk_sync]") {
  OutboxFixture f(10);
  auto beyond = f.outbox.acknowledge(ack(1, 11));
  REQUIRE_FALSE(beyond);
  CHECK(beyond.error().kind == ReplicaSyncError::Kind::protocol);
  CHECK_FALSE(f.outbox.acknowledge(ack(5, 4)));
  CHECK_FALSE(f.outbox.acknowledge(ack(0, 4)));
  CHECK(f.outbox.acknowledged() == std::uint64_t{0});
}

TEST_CASE("an ack never lowers the mark", "[kiosk_sync]") {
  OutboxFixture f(1000);
  REQUIRE(f.outbox.acknowledge(ack(1, 800)) == std::uint64_t{800});
  CHECK(f.outbox.acknowledge(ack(1, 500)) == std::uint64_t{800});
  CHECK(f.outbox.acknowledged() == std::uint64_t{800});
  CHECK(f.outbox.unsynced() == std::uint64_t{200});
}

TEST_CASE("an ack arriving before the one it follows waits for it", "[kiosk_sync]") {
  OutboxFixture f(1000);
  CHECK(f.outbox.acknowledge(ack(501, 1000)) == std::uint64_t{0});
  CHECK(f.outbox.unsynced() == std::uint64_t{1000});
  CHECK(f.outbox.acknowledge(ack(1, 500)) == std::uint64_t{1000});
  CHECK(f.outbox.acknowledged() == std::uint64_t{1000});
}

TEST_CASE("an ack connects across sequence numbers no event has", "[kiosk_sync]") {
  test::TempDir dir;
  Database db = open_db(dir / "replica.db");
  ManualClock clock{test::first_morning()};
  const std::vector events{test::admission("K1", 1, 1), test::admission("K1", 2, 2),
                           test::admission("K1", 7, 3), test::admission("K1", 8, 4)};
  REQUIRE(AdmissionLog(db, clock).append_batch(events));
  Outbox outbox(db, "K1", clock);
  REQUIRE(outbox.acknowledge(ack(1, 2)) == std::uint64_t{2});
  CHECK(outbox.acknowledge(ack(7, 8)) == std::uint64_t{8});
  CHECK(outbox.unsynced() == std::uint64_t{0});
}
