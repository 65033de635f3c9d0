#include "storage/settings_repository.h"

#include <catch2/catch.hpp>

#include "storage_test_support.h"

using namespace einlass;
using test::open_db;

TEST_CASE("settings are stored as text by key and replaced", "[storage]") {
  test::TempDir dir;
  {
    auto db = open_db(dir / "server.db", DatabaseKind::server);
    SettingsRepository settings(db);
    CHECK(settings.get(kSyncAddressSetting).value() == std::optional<std::string>{});
    REQUIRE(settings.set(kSyncAddressSetting, "10.0.0.5:7443"));
    REQUIRE(settings.set("other", "x"));
    REQUIRE(settings.set(kSyncAddressSetting, "einlass.local:7443"));
    CHECK_FALSE(settings.set("", "x"));
  }
  auto db = open_db(dir / "server.db", DatabaseKind::server);
  SettingsRepository settings(db);
  CHECK(settings.get("sync_address").value() == std::optional<std::string>{"einlass.local:7443"});
  CHECK(settings.get("other").value() == std::optional<std::string>{"x"});
  CHECK(db.connection().execAndGet("SELECT count(*) FROM settings").getInt() == 2);
}

TEST_CASE("a kiosk replica has no settings table", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  auto value = SettingsRepository(db).get(kSyncAddressSetting);
  REQUIRE_FALSE(value);
  CHECK(value.error().kind == StorageError::Kind::wrong_database_kind);
}
