// provision-kiosk's bundle as the kiosk reads it: its kiosk.toml through parse_kiosk_config and
// its TLS files through OpenSSL.
#include <openssl/pem.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <catch2/catch.hpp>

#include "admin/kiosk_provisioning.h"
#include "admin/server_setup.h"
#include "admin_tls_fixture.h"
#include "core/kiosk_config.h"
#include "pki/certificate_info.h"
#include "storage/command_repository.h"
#include "storage/kiosk_registry.h"
#include "storage/tls_repository.h"
#include "support/files.h"

using namespace einlass;
using namespace einlass::test;

namespace {

// X509_verify_cert of `leaf` against a store that trusts only `ca` (both PEM files).
int verify(const std::filesystem::path& ca, const std::filesystem::path& leaf) {
  const auto load = [](const std::filesystem::path& file) {
    const auto pem = read_file(file);
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    REQUIRE(cert);
    return cert;
  };
  X509* trusted = load(ca);
  X509* cert = load(leaf);
  X509_STORE* store = X509_STORE_new();
  X509_STORE_add_cert(store, trusted);
  X509_STORE_CTX* ctx = X509_STORE_CTX_new();
  X509_STORE_CTX_init(ctx, store, cert, nullptr);
  X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_CLIENT);
  X509_verify_cert(ctx);
  const int error = X509_STORE_CTX_get_error(ctx);
  X509_STORE_CTX_free(ctx);
  X509_STORE_free(store);
  X509_free(cert);
  X509_free(trusted);
  return error;
}

// The replica's cursor of carried-out commands; 0 when it has none.
std::int64_t last_command(const std::filesystem::path& replica) {
  SQLite::Database db(replica.string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT value FROM kiosk_state WHERE key = 'last_command'");
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

}  // namespace

TEST_CASE("the sample kiosk config parses with and without a sync server", "[admin]") {
  auto standalone = parse_kiosk_config(sample_kiosk_config("K1"), "/bundle");
  INFO((standalone ? "" : standalone.error().message));
  REQUIRE(standalone);
  CHECK(standalone->kiosk_id == "K1");
  CHECK_FALSE(standalone->sync);
  CHECK(sample_kiosk_config("K1").find("# server = \"HOST:7443\"") != std::string::npos);

  auto syncing = parse_kiosk_config(sample_kiosk_config("K1", "[fd00::5]:7443"), "/bundle");
  INFO((syncing ? "" : syncing.error().describe("kiosk.toml")));
  REQUIRE(syncing);
  REQUIRE(syncing->sync);
  CHECK(syncing->sync->server_host == "fd00::5");
  CHECK(syncing->sync->server_port == 7443);
  CHECK(syncing->sync->ca == "/bundle/tls/ca.crt");
  CHECK(syncing->sync->certificate == "/bundle/tls/kiosk.crt");
  CHECK(syncing->sync->private_key == "/bundle/tls/kiosk.key");
  CHECK(syncing->sync->claim_deadline == std::chrono::milliseconds{300});
  CHECK(syncing->sync->heartbeat_interval == std::chrono::seconds{5});

  // Uncommenting the section as its comment says gives a kiosk that syncs.
  std::string edited = sample_kiosk_config("K1");
  edited = edited.substr(0, edited.find("# [sync]"));
  std::string section = sample_kiosk_config("K1").substr(edited.size());
  std::string uncommented;
  for (std::size_t at = 0; at < section.size();) {
    const auto end = section.find('\n', at);
    const auto line = section.substr(at, end - at);
    if (line.starts_with("# [sync]") || line.starts_with("# server") || line.starts_with("# ca") ||
        line.starts_with("# certificate") || line.starts_with("# private_key") ||
        line.starts_with("# claim") || line.starts_with("# heartbeat"))
      uncommented += line.substr(2) + "\n";
    at = end + 1;
  }
  auto joined = parse_kiosk_config(edited + uncommented, "/bundle");
  INFO((joined ? "" : joined.error().message));
  REQUIRE(joined);
  REQUIRE(joined->sync);
  CHECK(joined->sync->server_host == "HOST");
}

TEST_CASE(
    "provision-kiosk puts the CA, the kiosk's certificate and key and the server address "
    "into the bundle",
    "[admin]") {
  AdminTlsFixture f;
  REQUIRE(setup_server(f.event, {f.dir / "server", "0.0.0.0:7443", {"10.0.0.5"}}, f.actor));
  const auto out = f.dir / "K1";
  auto bundle = provision_kiosk(f.event, "K1", out, f.actor);
  INFO((bundle ? "" : bundle.error().message));
  REQUIRE(bundle);
  CHECK(bundle->server == "10.0.0.5:7443");
  CHECK(file_mode(out / "tls" / "kiosk.key") == 0600);
  CHECK(file_mode(out / "tls") == 0700);
  CHECK(read_file(out / "tls" / "ca.crt") == read_file(f.dir / "server" / "tls" / "ca.crt"));
  CHECK(verify(out / "tls" / "ca.crt", out / "tls" / "kiosk.crt") == X509_V_OK);
  auto info = certificate_info(read_file(out / "tls" / "kiosk.crt"));
  REQUIRE(info);
  CHECK(info->subject_cn == "K1");
  CHECK(info->serial_hex == bundle->serial);
  CHECK(f.count("SELECT count(*) FROM kiosk_certificates WHERE kiosk_id = 'K1' AND serial = '" +
                info->serial_hex + "'") == 1);

  auto config = load_kiosk_config(out / "kiosk.toml");
  INFO((config ? "" : config.error()));
  REQUIRE(config);
  REQUIRE(config->sync);
  CHECK(config->sync->server_host == "10.0.0.5");
  CHECK(config->sync->server_port == 7443);
  CHECK(config->sync->certificate == out / "tls" / "kiosk.crt");
  CHECK(config->sync->private_key == out / "tls" / "kiosk.key");
  CHECK(config->sync->ca == out / "tls" / "ca.crt");

  // --server wins over the stored address; a second bundle gets a new certificate.
  auto second = provision_kiosk(f.event, "K1", f.dir / "K1-new", f.actor, "einlass.local:9443");
  REQUIRE(second);
  CHECK(second->server == "einlass.local:9443");
  CHECK(second->serial != bundle->serial);
  CHECK(TlsRepository(f.event.db).kiosk_certificates("K1").value().size() == 2);
  CHECK(provision_kiosk(f.event, "K2", f.dir / "K2", f.actor, "einlass.local")
            .error()
            .message.starts_with("--server: "));
}

TEST_CASE(
    "without a known server the bundle's [sync] is commented out; key files are never "
    "overwritten",
    "[admin]") {
  AdminTlsFixture f;
  auto bundle = provision_kiosk(f.event, "K1", f.dir / "K1", f.actor);
  REQUIRE(bundle);
  CHECK_FALSE(bundle->server);
  auto config = load_kiosk_config(f.dir / "K1" / "kiosk.toml");
  REQUIRE(config);
  CHECK_FALSE(config->sync);
  CHECK(std::filesystem::exists(f.dir / "K1" / "tls" / "kiosk.key"));

  std::filesystem::create_directories(f.dir / "K2" / "tls");
  test::write_file(f.dir / "K2" / "tls" / "kiosk.key", "keep me");
  auto refused = provision_kiosk(f.event, "K2", f.dir / "K2", f.actor);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message ==
        (f.dir / "K2" / "tls" / "kiosk.key").string() + " exists; it is never overwritten");
  CHECK(read_file(f.dir / "K2" / "tls" / "kiosk.key") == "keep me");
  CHECK_FALSE(std::filesystem::exists(f.dir / "K2" / "replica.db"));
  CHECK(f.count("SELECT count(*) FROM kiosk_certificates WHERE kiosk_id = 'K2'") == 0);
}

TEST_CASE("provision-kiosk refuses the name the desk's manual admissions are recorded under",
          "[admin]") {
  AdminTlsFixture f;
  auto refused = provision_kiosk(f.event, "desk", f.dir / "desk", f.actor);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("\"desk\" is reserved") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(f.dir / "desk" / "replica.db"));
  CHECK(f.count("SELECT count(*) FROM kiosk_certificates") == 0);
  // Other names, "desk-2" too, are kiosks like any other.
  CHECK(provision_kiosk(f.event, "desk-2", f.dir / "desk-2", f.actor));
}

TEST_CASE(
    "a kiosk provisioned again continues after the commands it carried out and still gets "
    "the ones it never did",
    "[admin]") {
  AdminTlsFixture f;
  // K1 reprinted and paused (commands 1 and 2 carried out, as its heartbeats said); command 3
  // was queued after it died.
  for (auto kind : {KioskCommandKind::reprint, KioskCommandKind::pause, KioskCommandKind::resume})
    REQUIRE(CommandRepository(f.event.db)
                .add({0, "K1", kind,
                      kind == KioskCommandKind::reprint ? std::optional<TicketId>(1) : std::nullopt,
                      "cli:anna", "test", f.actor.at}));
  REQUIRE(KioskRegistry(f.event.db).connected("K1", "0.1.0", "10.0.0.21", f.actor.at));
  REQUIRE(KioskRegistry(f.event.db).report("K1", {"{}", 0, 0, 2}, f.actor.at));

  auto bundle = provision_kiosk(f.event, "K1", f.dir / "K1", f.actor);
  INFO((bundle ? "" : bundle.error().message));
  REQUIRE(bundle);
  CHECK(last_command(f.dir / "K1" / "replica.db") == 2);

  // A kiosk the server never heard from starts from the first command.
  REQUIRE(
      CommandRepository(f.event.db)
          .add({0, "K2", KioskCommandKind::pause, std::nullopt, "cli:anna", "test", f.actor.at}));
  REQUIRE(provision_kiosk(f.event, "K2", f.dir / "K2", f.actor));
  CHECK(last_command(f.dir / "K2" / "replica.db") == 0);
}
