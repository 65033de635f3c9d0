#include "storage/tls_repository.h"

#include <catch2/catch.hpp>

#include "storage_test_support.h"

using namespace einlass;
using test::open_db;

namespace {

KioskCertificate certificate(std::string serial, std::string kiosk, Timestamp issued) {
  return {std::move(serial), std::move(kiosk), issued, issued + std::chrono::days{731}, {}, {}};
}

int sync_log_rows(Database& db, const std::string& kind) {
  return db.connection()
      .execAndGet("SELECT count(*) FROM sync_log WHERE kind = '" + kind + "'")
      .getInt();
}

}  // namespace

TEST_CASE("the TLS authority is stored once and read back", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "server.db", DatabaseKind::server);
  TlsRepository tls(db);
  CHECK(tls.authority().value() == std::optional<StoredAuthority>{});
  const StoredAuthority ca{"-----BEGIN CERTIFICATE-----\nA\n", "-----BEGIN PRIVATE KEY-----\nB\n",
                           test::utc(2026, 3, 1)};
  REQUIRE(tls.put_authority(ca));
  CHECK(tls.authority().value() == std::optional{ca});

  auto again = tls.put_authority({"other", "other", test::utc(2026, 3, 2)});
  REQUIRE_FALSE(again);
  CHECK(again.error().kind == StorageError::Kind::constraint);
  CHECK(tls.authority().value() == std::optional{ca});
}

TEST_CASE("kiosk certificates are recorded, listed and revoked per kiosk with a reason",
          "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "server.db", DatabaseKind::server);
  TlsRepository tls(db);
  REQUIRE(tls.add_kiosk_certificate(certificate("A1", "K1", test::utc(2026, 3, 1))));
  REQUIRE(tls.add_kiosk_certificate(certificate("B2", "K2", test::utc(2026, 3, 2))));
  REQUIRE(tls.add_kiosk_certificate(certificate("C3", "K1", test::utc(2026, 3, 3))));
  CHECK(tls.add_kiosk_certificate(certificate("A1", "K9", test::utc(2026, 3, 4))).error().kind ==
        StorageError::Kind::constraint);

  auto all = tls.kiosk_certificates();
  REQUIRE(all);
  REQUIRE(all->size() == 3);
  CHECK(all->at(0) == certificate("A1", "K1", test::utc(2026, 3, 1)));
  CHECK(all->at(2).serial == "C3");
  CHECK(tls.revoked_serials()->empty());
  CHECK(sync_log_rows(db, "tls") == 0);

  CHECK(tls.revoke_kiosk("K1", test::utc(2026, 3, 10), "stolen") == std::size_t{2});
  CHECK(tls.revoke_kiosk("K1", test::utc(2026, 3, 11), "again") == std::size_t{0});
  CHECK(tls.revoke_kiosk("K7", test::utc(2026, 3, 11), "unknown") == std::size_t{0});
  CHECK(tls.revoked_serials() == std::vector<std::string>{"A1", "C3"});
  auto k1 = tls.kiosk_certificates("K1");
  REQUIRE(k1);
  REQUIRE(k1->size() == 2);
  CHECK(k1->at(0).revoked_at == test::utc(2026, 3, 10));  // the first revocation stays
  CHECK(k1->at(0).revoke_reason == "stolen");
  CHECK_FALSE(tls.kiosk_certificates("K2")->at(0).revoked());
  // The running server learns of each revocation through sync_log.
  CHECK(sync_log_rows(db, "tls") == 2);

  // A certificate issued after the revocation is valid.
  REQUIRE(tls.add_kiosk_certificate(certificate("D4", "K1", test::utc(2026, 3, 12))));
  CHECK(tls.revoked_serials() == std::vector<std::string>{"A1", "C3"});
}

TEST_CASE("a kiosk replica has no TLS tables", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  auto authority = TlsRepository(db).authority();
  REQUIRE_FALSE(authority);
  CHECK(authority.error().kind == StorageError::Kind::wrong_database_kind);
}
