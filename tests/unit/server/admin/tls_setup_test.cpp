#include "admin/tls_setup.h"

#include <catch2/catch.hpp>

#include "admin_tls_fixture.h"
#include "storage/audit_repository.h"
#include "storage/tls_repository.h"

using namespace einlass;
using namespace einlass::test;

TEST_CASE("the first kiosk certificate creates the event CA; later ones reuse it", "[admin]") {
  AdminTlsFixture f;
  CHECK_FALSE(TlsRepository(f.event.db).authority().value());
  auto first = issue_kiosk_tls(f.event, "K1", f.actor);
  REQUIRE(first);
  auto authority = TlsRepository(f.event.db).authority().value();
  REQUIRE(authority);
  CHECK(first->authority_pem == authority->certificate_pem);
  CHECK(authority->created == f.actor.at);
  CHECK(certificate_info(authority->certificate_pem)->subject_cn ==
        "Einlass CA Digitale Verwaltung 2026");
  CHECK(first->info.subject_cn == "K1");

  auto second = issue_kiosk_tls(f.event, "K1", f.actor);
  REQUIRE(second);
  CHECK(second->authority_pem == first->authority_pem);
  CHECK(second->info.serial_hex != first->info.serial_hex);

  auto rows = TlsRepository(f.event.db).kiosk_certificates().value();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].serial == first->info.serial_hex);
  CHECK(rows[0].kiosk_id == "K1");
  CHECK(rows[0].not_after == first->info.not_after);
  CHECK_FALSE(rows[1].revoked());

  auto audit = AuditRepository(f.event.db).all().value();
  REQUIRE(audit.size() >= 3);
  const auto tail = std::vector(audit.end() - 3, audit.end());
  CHECK(tail[0].action == "create_tls_authority");
  CHECK(tail[1].action == "issue_kiosk_certificate");
  CHECK(tail[1].why == "serial " + first->info.serial_hex);
  CHECK(tail[2].action == "issue_kiosk_certificate");
  CHECK(tail[2].who == "cli:anna");
}

TEST_CASE("revoking a kiosk revokes all its certificates once, with the reason audited",
          "[admin]") {
  AdminTlsFixture f;
  REQUIRE(issue_kiosk_tls(f.event, "K1", f.actor));
  REQUIRE(issue_kiosk_tls(f.event, "K1", f.actor));
  REQUIRE(issue_kiosk_tls(f.event, "K2", f.actor));
  const Actor later{"cli:ben", utc(2026, 3, 28, 10, 0)};

  CHECK(revoke_kiosk_certificates(f.event.db, "K1", later, "").error().message.find("--reason") !=
        std::string::npos);
  CHECK(revoke_kiosk_certificates(f.event.db, "K9", later, "typo").error().message ==
        "kiosk K9 has no certificate; nothing to revoke");
  CHECK(revoke_kiosk_certificates(f.event.db, "K1", later, "stolen") == std::size_t{2});
  CHECK(revoke_kiosk_certificates(f.event.db, "K1", later, "again") == std::size_t{0});

  CHECK(f.count("SELECT count(*) FROM kiosk_certificates WHERE kiosk_id = 'K1' AND revoked_at = " +
                std::to_string(to_unix_ms(later.at)) + " AND revoke_reason = 'stolen'") == 2);
  CHECK(f.count("SELECT count(*) FROM kiosk_certificates WHERE kiosk_id = 'K2' AND revoked_at IS "
                "NULL") == 1);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'revoke_kiosk' AND subject = 'K1' "
                "AND why = 'stolen' AND who = 'cli:ben'") == 1);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'revoke_kiosk'") == 1);
}

TEST_CASE("a bad kiosk id issues nothing", "[admin]") {
  AdminTlsFixture f;
  CHECK_FALSE(issue_kiosk_tls(f.event, "K 1", f.actor));
  CHECK(f.count("SELECT count(*) FROM tls_authority") == 0);
  CHECK(f.count("SELECT count(*) FROM kiosk_certificates") == 0);
}
