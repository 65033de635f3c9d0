#include "storage/admission_log.h"

#include <catch2/catch.hpp>

#include <vector>

#include "storage_test_support.h"

using namespace einlass;
using test::admission;
using test::open_db;

namespace {
struct LogFixture {
  test::TempDir dir;
  Database db = open_db(dir / "server.db", DatabaseKind::server);
  ManualClock clock{test::utc(2026, 3, 28, 9)};
  AdmissionLog log{db, clock};
};
}  // namespace

TEST_CASE("appending a known admission event again is a no-op, not an error", "[storage]") {
  LogFixture f;
  const auto e = admission("kiosk-1", 1, 42);
  CHECK(f.log.append(e) == true);
  CHECK(f.log.append(e) == false);
  CHECK(f.log.count() == 1);
  auto all = *f.log.all();
  REQUIRE(all.size() == 1);
  CHECK(all[0] == e);
}

TEST_CASE("a known event key with different content is refused", "[storage]") {
  LogFixture f;
  REQUIRE(f.log.append(admission("kiosk-1", 1, 42)));
  auto reused = f.log.append(admission("kiosk-1", 1, 43));
  REQUIRE_FALSE(reused);
  CHECK(reused.error().kind == StorageError::Kind::constraint);
  CHECK_THAT(reused.error().message, Catch::Contains("kiosk-1#1"));
  CHECK(f.log.count() == 1);
}

TEST_CASE("a batch append counts only the new events", "[storage]") {
  LogFixture f;
  REQUIRE(f.log.append(admission("kiosk-1", 1, 42)));
  const std::vector batch{admission("kiosk-1", 1, 42), admission("kiosk-1", 2, 43),
                          admission("kiosk-2", 1, 42), admission("kiosk-1", 2, 43)};
  CHECK(f.log.append_batch(batch) == std::size_t{2});
  CHECK(f.log.append_batch(batch) == std::size_t{0});
  CHECK(f.log.count() == 3);
}

TEST_CASE("a batch with a conflicting event stores none of it", "[storage]") {
  LogFixture f;
  REQUIRE(f.log.append(admission("kiosk-1", 1, 42)));
  const std::vector batch{admission("kiosk-1", 2, 43), admission("kiosk-1", 1, 99)};
  REQUIRE_FALSE(f.log.append_batch(batch));
  CHECK(f.log.count() == 1);
}

TEST_CASE("events are listed in hybrid logical clock order, then kiosk and sequence", "[storage]") {
  LogFixture f;
  const std::vector batch{
      admission("kiosk-2", 1, 42, 2000, 0), admission("kiosk-1", 7, 42, 1000, 1),
      admission("kiosk-1", 6, 43, 1000, 0), admission("kiosk-3", 1, 42, 1000, 1)};
  REQUIRE(f.log.append_batch(batch));
  auto all = *f.log.all();
  REQUIRE(all.size() == 4);
  CHECK(all[0].key == EventKey{"kiosk-1", 6});
  CHECK(all[1].key == EventKey{"kiosk-1", 7});
  CHECK(all[2].key == EventKey{"kiosk-3", 1});
  CHECK(all[3].key == EventKey{"kiosk-2", 1});

  auto for_42 = *f.log.events_for_ticket(42);
  REQUIRE(for_42.size() == 3);
  CHECK(for_42[0].key == EventKey{"kiosk-1", 7});
  CHECK(for_42[2].key == EventKey{"kiosk-2", 1});
  CHECK(f.log.events_for_ticket(7)->empty());
}

TEST_CASE("manual entries keep who admitted and why", "[storage]") {
  LogFixture f;
  auto e = admission("desk", 1, 42);
  e.kind = AdmissionKind::manual_entry;
  e.staff = "m.schmidt";
  e.reason = "QR-Code auf dem Handy unlesbar";
  REQUIRE(f.log.append(e));
  CHECK(f.log.events_for_ticket(42)->at(0) == e);
}

TEST_CASE("sequence numbers beyond 2^63 are refused instead of wrapping", "[storage]") {
  LogFixture f;
  auto stored = f.log.append(admission("kiosk-1", std::uint64_t{1} << 63, 42));
  REQUIRE_FALSE(stored);
  CHECK(stored.error().kind == StorageError::Kind::constraint);
}

TEST_CASE("a tolerant append skips and lists events known with other content", "[storage]") {
  LogFixture f;
  REQUIRE(f.log.append(admission("kiosk-1", 1, 42)));
  REQUIRE(f.log.append(admission("kiosk-1", 2, 43)));
  const std::vector batch{admission("kiosk-1", 1, 99), admission("kiosk-1", 2, 43),
                          admission("kiosk-2", 1, 42)};
  auto summary = f.log.append_skipping_conflicts(batch);
  REQUIRE(summary);
  CHECK(summary->added == 1);
  CHECK(summary->known == 1);
  CHECK(summary->conflicting == std::vector{EventKey{"kiosk-1", 1}});
  auto all = *f.log.all();
  REQUIRE(all.size() == 3);
  CHECK(all[0].ticket_id == 42);  // the stored content stays
}

TEST_CASE("one kiosk's events after a sequence number come by sequence, bounded", "[storage]") {
  test::TempDir dir;
  Database db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  ManualClock clock{test::utc(2026, 3, 28, 9)};
  AdmissionLog log{db, clock};
  // Stored out of order and mixed with another kiosk's, with a gap at 4.
  const std::vector events{admission("K1", 5, 1, 900),  admission("K2", 3, 2),
                           admission("K1", 1, 3, 5000), admission("K1", 3, 4),
                           admission("K1", 2, 5),       admission("K1", 6, 6)};
  REQUIRE(log.append_batch(events));
  auto after_one = log.events_of_kiosk_after("K1", 1, 3);
  REQUIRE(after_one);
  REQUIRE(after_one->size() == 3);
  CHECK((*after_one)[0].key == EventKey{"K1", 2});
  CHECK((*after_one)[1].key == EventKey{"K1", 3});
  CHECK((*after_one)[2].key == EventKey{"K1", 5});
  CHECK((*after_one)[2] == events[0]);
  CHECK(log.events_of_kiosk_after("K1", 6, 10)->empty());
  CHECK(log.count_of_kiosk_after("K1", 2) == std::uint64_t{3});
  CHECK(log.count_of_kiosk_after("K3", 0) == std::uint64_t{0});
  CHECK(log.highest_seq_of_kiosk("K1") == std::uint64_t{6});
  CHECK(log.highest_seq_of_kiosk("K3") == std::uint64_t{0});
}
