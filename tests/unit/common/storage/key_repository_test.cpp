#include "storage/key_repository.h"

#include <catch2/catch.hpp>

#include "storage_test_support.h"

using namespace einlass;
using test::open_db;

namespace {
Ed25519PublicKey key_bytes(std::uint8_t fill) {
  Ed25519PublicKey k{};
  k.fill(fill);
  return k;
}
}  // namespace

TEST_CASE("the server stores signing keys with their private key and hands out fresh ids",
          "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "server.db", DatabaseKind::server);
  KeyRepository keys(db);
  CHECK(keys.next_free_key_id() == KeyId{1});
  REQUIRE(keys.add_signing_key(1, "-----BEGIN PRIVATE KEY-----\n...", key_bytes(0xAB),
                               test::utc(2026, 1, 10)));
  CHECK(keys.next_free_key_id() == KeyId{2});

  auto all = keys.keys();
  REQUIRE(all);
  REQUIRE(all->size() == 1);
  CHECK(all->front().id == 1);
  CHECK(all->front().public_key == key_bytes(0xAB));
  CHECK(all->front().private_pem == "-----BEGIN PRIVATE KEY-----\n...");
  CHECK(all->front().created == test::utc(2026, 1, 10));
  CHECK_FALSE(all->front().retired());
}

TEST_CASE("a key id is never stored twice", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "server.db", DatabaseKind::server);
  KeyRepository keys(db);
  REQUIRE(keys.add_signing_key(1, "pem", key_bytes(1), test::utc(2026, 1, 1)));
  auto again = keys.add_signing_key(1, "pem2", key_bytes(2), test::utc(2026, 1, 2));
  REQUIRE_FALSE(again);
  CHECK(again.error().kind == StorageError::Kind::constraint);
}

TEST_CASE("a retired key stays listed and the newest active key signs", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "server.db", DatabaseKind::server);
  KeyRepository keys(db);
  REQUIRE(keys.add_signing_key(1, "pem1", key_bytes(1), test::utc(2026, 1, 1)));
  REQUIRE(keys.add_signing_key(2, "pem2", key_bytes(2), test::utc(2026, 2, 1)));
  CHECK((*keys.current_signing_key())->id == 2);

  CHECK(keys.retire(2, test::utc(2026, 2, 5)) == true);
  CHECK(keys.retire(2, test::utc(2026, 2, 9)) == true);  // keeps the first time
  CHECK(keys.retire(7, test::utc(2026, 2, 9)) == false);
  CHECK((*keys.current_signing_key())->id == 1);

  auto all = *keys.keys();
  REQUIRE(all.size() == 2);
  CHECK(all[1].retired_at == test::utc(2026, 2, 5));
  CHECK(keys.next_free_key_id() == KeyId{3});  // retired ids are not reused
}

TEST_CASE("a kiosk keeps public keys only and can forget one", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  KeyRepository keys(db);
  REQUIRE(keys.put_public_key(1, key_bytes(1)));
  REQUIRE(keys.put_public_key(2, key_bytes(2)));
  REQUIRE(keys.put_public_key(2, key_bytes(3)));  // replaced
  auto all = *keys.keys();
  REQUIRE(all.size() == 2);
  CHECK(all[1].public_key == key_bytes(3));
  CHECK(all[1].private_pem.empty());

  CHECK(keys.remove_public_key(1) == true);
  CHECK(keys.remove_public_key(1) == false);
  CHECK(keys.keys()->size() == 1);
}

TEST_CASE("signing keys cannot be stored on a kiosk", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  auto added = KeyRepository(db).add_signing_key(1, "pem", key_bytes(1), test::utc(2026, 1, 1));
  REQUIRE_FALSE(added);
  CHECK(added.error().kind == StorageError::Kind::wrong_database_kind);
  CHECK_THAT(added.error().message, Catch::Contains("server database"));
}
