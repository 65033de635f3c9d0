#include "admin/server_setup.h"

#include <grp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "admin_tls_fixture.h"
#include "config/server_config.h"
#include "pki/certificate_info.h"
#include "storage/settings_repository.h"
#include "storage/tls_repository.h"
#include "support/files.h"

using namespace einlass;
using namespace einlass::test;

namespace {

// X509_check_host / X509_check_ip_asc on the PEM file: 1 when the name is in the certificate.
int names(const std::filesystem::path& pem_file, const std::string& name, bool ip) {
  const auto pem = read_file(pem_file);
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  REQUIRE(cert);
  const int result = ip ? X509_check_ip_asc(cert, name.c_str(), 0)
                        : X509_check_host(cert, name.c_str(), name.size(), 0, nullptr);
  X509_free(cert);
  return result;
}

}  // namespace

TEST_CASE("setup-server writes the TLS files and a server.toml that ServerConfig reads",
          "[admin]") {
  AdminTlsFixture f;
  const auto out = f.dir / "server";
  auto setup = setup_server(f.event, {out, "0.0.0.0:7443", {"einlass.local", "10.0.0.5"}}, f.actor);
  INFO((setup ? "" : setup.error().message));
  REQUIRE(setup);
  CHECK(setup->names ==
        std::vector<std::string>{"einlass.local", "10.0.0.5", "localhost", "127.0.0.1", "::1"});
  CHECK(setup->sync_address == "einlass.local:7443");
  CHECK(SettingsRepository(f.event.db).get(kSyncAddressSetting).value() ==
        std::optional<std::string>{"einlass.local:7443"});

  CHECK(file_mode(out / "tls" / "server.key") == 0600);
  CHECK(file_mode(out / "tls" / "server.crt") == 0644);
  CHECK(file_mode(out / "tls" / "ca.crt") == 0644);
  CHECK(read_file(out / "tls" / "ca.crt") ==
        TlsRepository(f.event.db).authority().value()->certificate_pem);
  for (const auto& [name, ip] :
       {std::pair{"einlass.local", false}, std::pair{"localhost", false},
        std::pair{"10.0.0.5", true}, std::pair{"127.0.0.1", true}, std::pair{"::1", true}}) {
    INFO(name);
    CHECK(names(out / "tls" / "server.crt", name, ip) == 1);
  }
  CHECK(names(out / "tls" / "server.crt", "10.0.0.6", true) == 0);

  auto config = load_server_config(out / "server.toml");
  INFO((config ? "" : config.error()));
  REQUIRE(config);
  CHECK(config->database == std::filesystem::absolute(f.dir / "event.db").lexically_normal());
  CHECK(config->listen == HostPort{"0.0.0.0", 7443});
  CHECK(config->certificate == out / "tls" / "server.crt");
  CHECK(config->private_key == out / "tls" / "server.key");
  CHECK(config->ca == out / "tls" / "ca.crt");
  CHECK(config->heartbeat_timeout == std::chrono::seconds{20});
  CHECK(config->max_connections == 500);
  REQUIRE(config->web);
  CHECK(config->web->listen == HostPort{"0.0.0.0", 8443});
  CHECK(config->web->certificate == out / "tls" / "server.crt");
  CHECK(config->web->session_lifetime == std::chrono::hours{12});
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'setup_server' AND subject = "
                "'einlass.local, 10.0.0.5, localhost, 127.0.0.1, ::1'") == 1);
}

TEST_CASE("setup-server never overwrites server.toml or a key, and checks its arguments",
          "[admin]") {
  AdminTlsFixture f;
  const auto out = f.dir / "server";
  REQUIRE(setup_server(f.event, {out, "[::]:7443", {}}, f.actor));
  const auto key = read_file(out / "tls" / "server.key");
  auto again = setup_server(f.event, {out, "[::]:7443", {"einlass.local"}}, f.actor);
  REQUIRE_FALSE(again);
  CHECK(again.error().message ==
        (out / "server.toml").string() + " exists; it is never overwritten");
  std::filesystem::remove(out / "server.toml");
  again = setup_server(f.event, {out, "[::]:7443", {"einlass.local"}}, f.actor);
  REQUIRE_FALSE(again);
  CHECK(again.error().message.find("exists") != std::string::npos);
  CHECK(read_file(out / "tls" / "server.key") == key);
  // Neither run stored a sync address: the first had no --host, the second failed.
  CHECK_FALSE(SettingsRepository(f.event.db).get(kSyncAddressSetting).value());

  CHECK(setup_server(f.event, {f.dir / "a", "0.0.0.0", {}}, f.actor)
            .error()
            .message.starts_with("--listen: "));
  CHECK(setup_server(f.event, {f.dir / "b", "0.0.0.0:7443", {"bad host"}}, f.actor)
            .error()
            .message.find("\"bad host\"") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(f.dir / "b" / "server.toml"));

  // An IPv6 host goes into the sync address in brackets; the CA is the one stored before.
  auto v6 = setup_server(f.event, {f.dir / "c", "0.0.0.0:8443", {"fd00::5"}}, f.actor);
  REQUIRE(v6);
  CHECK(v6->sync_address == "[fd00::5]:8443");
  CHECK(read_file(f.dir / "c" / "tls" / "ca.crt") == read_file(out / "tls" / "ca.crt"));
  CHECK(f.count("SELECT count(*) FROM tls_authority") == 1);
}

TEST_CASE(
    "setup-server --service-group lets the service's group read tls/ and the key, and "
    "nobody else",
    "[admin]") {
  AdminTlsFixture f;
  const auto out = f.dir / "server";
  // The test's own primary group stands in for "einlass": changing to it needs no root.
  const group* own = getgrgid(getgid());
  REQUIRE(own != nullptr);
  auto setup = setup_server(f.event, {out, "0.0.0.0:7443", {"10.0.0.5"}, std::string(own->gr_name)},
                            f.actor);
  INFO((setup ? "" : setup.error().message));
  REQUIRE(setup);
  struct stat tls {};
  struct stat key {};
  REQUIRE(stat((out / "tls").c_str(), &tls) == 0);
  REQUIRE(stat(setup->private_key.c_str(), &key) == 0);
  CHECK((tls.st_mode & 07777) == 0750);
  CHECK((key.st_mode & 07777) == 0640);
  CHECK(tls.st_gid == getgid());
  CHECK(key.st_gid == getgid());

  // Without it, both stay the writer's alone.
  REQUIRE(setup_server(f.event, {f.dir / "own", "0.0.0.0:7443", {}}, f.actor));
  REQUIRE(stat((f.dir / "own" / "tls" / "server.key").c_str(), &key) == 0);
  CHECK((key.st_mode & 07777) == 0600);

  // An unknown group is refused before anything is written.
  auto unknown =
      setup_server(f.event, {f.dir / "none", "0.0.0.0:7443", {}, "no-such-group-xyz"}, f.actor);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message.starts_with("--service-group: there is no group"));
  CHECK_FALSE(std::filesystem::exists(f.dir / "none"));
}

TEST_CASE("init run as root in a service's state directory gives the database to its owner",
          "[admin]") {
  if (geteuid() != 0) {
    WARN("not root: chown cannot be checked");
    return;
  }
  TempDir dir;
  const auto state = dir.path() / "server";
  std::filesystem::create_directory(state);
  constexpr uid_t kService = 65534;  // nobody/nogroup stand in for einlass
  REQUIRE(chown(state.c_str(), kService, kService) == 0);
  using std::chrono::year;
  auto created =
      init_event(state / "event.db", NewEvent{"Owned", year{2026} / 3 / 28, 1}, 7, utc(2026, 3, 1));
  INFO((created ? "" : created.error().message));
  REQUIRE(created);
  struct stat db {};
  REQUIRE(stat((state / "event.db").c_str(), &db) == 0);
  CHECK(db.st_uid == kService);
  CHECK(db.st_gid == kService);

  // A folder of root's own keeps root's file.
  REQUIRE(init_event(dir.path() / "root.db", NewEvent{"Root", year{2026} / 3 / 28, 1}, 8,
                     utc(2026, 3, 1)));
  REQUIRE(stat((dir.path() / "root.db").c_str(), &db) == 0);
  CHECK(db.st_uid == 0);
}
