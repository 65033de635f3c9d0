#include "storage/alert_repository.h"

#include <catch2/catch.hpp>

#include "storage_test_support.h"

using namespace einlass;
using test::open_db;
using test::utc;

TEST_CASE("an alert is raised once per kind, kiosk and seq and keeps its first detail",
          "[storage][sync]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  AlertRepository alerts(db);
  const NewAlert duplicate{AlertKind::duplicate, "K2", 3, 12, "repeats K1#7"};
  CHECK(*alerts.raise(duplicate, utc(2026, 3, 28, 9)) == true);
  CHECK(*alerts.raise({AlertKind::duplicate, "K2", 3, 12, "other words"}, utc(2026, 3, 28, 10)) ==
        false);
  CHECK(*alerts.raise({AlertKind::clock_skew, "K2", 0, std::nullopt, "45 s ahead"},
                      utc(2026, 3, 28, 11)) == true);

  auto all = *alerts.all();
  REQUIRE(all.size() == 2);
  CHECK(all[0].what == duplicate);
  CHECK(all[0].raised_at == utc(2026, 3, 28, 9));
  CHECK_FALSE(all[0].acknowledged_at);
  CHECK(all[1].what.kind == AlertKind::clock_skew);
  CHECK_FALSE(all[1].what.ticket_id);

  CHECK(*alerts.acknowledge(all[0].id, "anna", utc(2026, 3, 28, 12)) == true);
  CHECK(*alerts.acknowledge(all[0].id, "ben", utc(2026, 3, 28, 13)) == false);
  CHECK(*alerts.acknowledge(999, "ben", utc(2026, 3, 28, 13)) == false);
  auto open = *alerts.open();
  REQUIRE(open.size() == 1);
  CHECK(open[0].what.kind == AlertKind::clock_skew);
  all = *alerts.all();
  CHECK(all[0].acknowledged_by == "anna");
  CHECK(all[0].acknowledged_at == utc(2026, 3, 28, 12));
}

TEST_CASE("every alert kind is stored under the word the schema allows", "[storage][sync]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  AlertRepository alerts(db);
  std::uint64_t seq = 0;
  for (auto kind :
       {AlertKind::duplicate, AlertKind::admitted_after_revocation, AlertKind::key_conflict,
        AlertKind::clock_skew, AlertKind::kiosk_offline, AlertKind::printer}) {
    REQUIRE(alerts.raise({kind, "K1", ++seq, std::nullopt, ""}, utc(2026, 3, 28)));
  }
  auto all = *alerts.all();
  REQUIRE(all.size() == 6);
  CHECK(all[1].what.kind == AlertKind::admitted_after_revocation);
  CHECK(all[5].what.kind == AlertKind::printer);
  CHECK(to_string(AlertKind::admitted_after_revocation) == "admitted_after_revocation");
}
