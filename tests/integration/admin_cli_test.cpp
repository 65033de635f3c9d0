// einlass-admin as organisers use it: a real process on a real SQLite file in a temp folder.
#include <SQLiteCpp/Database.h>

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "process.h"
#include "support/files.h"
#include "support/temp_dir.h"

using einlass::test::ProcessResult;
using einlass::test::run_process;
using einlass::test::TempDir;
using einlass::test::write_file;

namespace {

const std::string kAdmin = EINLASS_ADMIN_BINARY;

ProcessResult admin(const TempDir& dir, std::vector<std::string> args) {
  std::vector<std::string> argv{kAdmin, "--db", (dir / "event.db").string()};
  argv.insert(argv.end(), args.begin(), args.end());
  auto result = run_process(argv);
  REQUIRE_FALSE(result.timed_out);
  return result;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in{text};
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

const char* kRegistrations =
    "id,name,organisation,email,category,days\n"
    "R-1,Anna-Lena Müller,Landesamt für Digitalisierung,anna@example.org,Teilnehmer,\n"
    "R-2,Jürgen Weiß,Bundesministerium des Innern,juergen@example.org,Referent,1\n"
    "R-3,Özlem Yıldız,Stadt Halle (Saale),oezlem@example.org,Presse,2\n";

// The codes `tickets --format text` prints; fails the test unless there are `expected` of them.
std::vector<std::string> ticket_codes(const TempDir& dir, std::size_t expected) {
  const auto r = admin(dir, {"tickets", "--format", "text"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto codes = lines(r.out);
  REQUIRE(codes.size() == expected);
  return codes;
}

// The JSON decision of `verify CODE --at AT`.
nlohmann::json verdict(const TempDir& dir, const std::string& code, const std::string& at) {
  const auto r = admin(dir, {"verify", code, "--at", at});
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 3));
  return nlohmann::json::parse(r.out);
}

void init_event(const TempDir& dir) {
  const auto r = admin(dir, {"init", "--name", "Digitale Verwaltung 2026", "--first-day",
                             "2026-03-28", "--days", "2"});
  REQUIRE(r.exit_code == 0);
}

void import_sample(const TempDir& dir) {
  write_file(dir / "reg.csv", kRegistrations);
  const auto r = admin(dir, {"import", (dir / "reg.csv").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("init, import, tickets and verify admit a registered attendee on a valid day",
          "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  import_sample(dir);
  const auto codes = ticket_codes(dir, 3);
  CHECK(codes[0].starts_with("EINLASS:"));

  const auto verified = admin(dir, {"verify", codes[0], "--at", "2026-03-28T09:15"});
  INFO(verified.out << verified.err);
  REQUIRE(verified.exit_code == 0);
  const auto json = nlohmann::json::parse(verified.out);
  CHECK(json["verdict"] == "admit");
  CHECK(json["reason"].is_null());
  CHECK(json["ticket"]["ticket_id"] == "T000001");
  CHECK(json["ticket"]["name"] == "Anna-Lena Müller");
  CHECK(json["message_de"].get<std::string>().find("Anna-Lena Müller") != std::string::npos);
}

TEST_CASE("verify refuses a day-1 ticket on day 2 with wrong_day and exit code 3",
          "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  import_sample(dir);
  const auto codes = ticket_codes(dir, 3);
  const auto verified = admin(dir, {"verify", codes[1], "--at", "2026-03-29T10:00"});
  CHECK(verified.exit_code == 3);
  const auto json = nlohmann::json::parse(verified.out);
  CHECK(json["verdict"] == "refuse");
  CHECK(json["reason"] == "wrong_day");
}

TEST_CASE("verify says a product barcode is not a ticket for this event", "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  const auto json = verdict(dir, "4006381333931", "2026-03-28T09:00");
  CHECK(json["reason"] == "invalid");
  CHECK(json["message_en"].get<std::string>().find("Digitale Verwaltung 2026") !=
        std::string::npos);
  CHECK(json["ticket"].is_null());
}

TEST_CASE("a CSV with bad rows imports nothing and names every bad line and field",
          "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  write_file(dir / "bad.csv",
             "id,name,organisation,email,category,days\n"
             "R-1,Anna,Amt,a@example.org,Teilnehmer,\n"
             "R-2,Bernd,Amt,b@example.org,Gast,\n"
             "R-3,Clara,Amt,c@example.org,Teilnehmer,7\n");
  const auto r = admin(dir, {"import", (dir / "bad.csv").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("bad.csv:3: category: ") != std::string::npos);
  CHECK(r.err.find("bad.csv:4: days: ") != std::string::npos);
  CHECK(r.err.find("bad.csv:2") == std::string::npos);
  ticket_codes(dir, 0);
}

TEST_CASE("re-importing the same registrations updates them instead of duplicating",
          "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  import_sample(dir);
  write_file(dir / "reg.csv", std::string{kRegistrations} +
                                  "R-4,Marie Schröder,IT-Dienstleistungszentrum,m@example.org,"
                                  "Aussteller,\n");
  const auto r = admin(dir, {"import", (dir / "reg.csv").string()});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("1 added, 0 updated, 3 unchanged") != std::string::npos);
  ticket_codes(dir, 4);
}

TEST_CASE("tickets --out writes a PDF and a PNG per ticket", "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  import_sample(dir);
  const auto r = admin(dir, {"tickets", "--out", (dir / "out").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* name : {"T000001.pdf", "T000001.png", "T000003.pdf", "T000003.png"}) {
    CHECK(std::filesystem::file_size(dir / "out" / name) > 1000);
  }
}

TEST_CASE("a cancelled registration is refused as canceled and gets no new ticket",
          "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  import_sample(dir);
  const auto codes = ticket_codes(dir, 3);
  REQUIRE(admin(dir, {"cancel", "T000002"}).exit_code == 0);
  CHECK(verdict(dir, codes[1], "2026-03-28T09:00")["reason"] == "canceled");
  ticket_codes(dir, 2);
}

TEST_CASE("retiring a key makes its tickets unknown_key while a rotated key keeps them valid",
          "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  import_sample(dir);
  const auto old_codes = ticket_codes(dir, 3);
  REQUIRE(admin(dir, {"keys", "rotate"}).exit_code == 0);
  const auto new_codes = ticket_codes(dir, 3);
  CHECK(old_codes[0] != new_codes[0]);
  CHECK(verdict(dir, old_codes[0], "2026-03-28T09:00")["verdict"] == "admit");
  REQUIRE(admin(dir, {"keys", "retire", "1"}).exit_code == 0);
  CHECK(verdict(dir, old_codes[0], "2026-03-28T09:00")["reason"] == "unknown_key");
  CHECK(verdict(dir, new_codes[0], "2026-03-28T09:00")["verdict"] == "admit");
}

TEST_CASE("init never overwrites an existing database", "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  const auto again = admin(dir, {"init", "--name", "X", "--first-day", "2026-03-28"});
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("already exists") != std::string::npos);
}

TEST_CASE("commands on a missing database or with bad arguments fail with a clear message",
          "[integration][admin]") {
  TempDir dir;
  const auto missing = admin(dir, {"tickets", "--format", "text"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("event.db") != std::string::npos);
  const auto bad_date = admin(dir, {"init", "--name", "X", "--first-day", "2026-02-30"});
  CHECK(bad_date.exit_code == 1);
  CHECK(bad_date.err.find("2026-02-30") != std::string::npos);
  const auto bad_zone =
      admin(dir, {"init", "--name", "X", "--first-day", "2026-03-28", "--time-zone", "Mars/Base"});
  CHECK(bad_zone.exit_code == 1);
  CHECK(bad_zone.err.find("Mars/Base") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "event.db"));
}

TEST_CASE("revocations, cancellations and key changes land in the audit log with who and why",
          "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  import_sample(dir);
  REQUIRE(admin(dir, {"revoke", "T000001", "--reason", "ticket reported stolen"}).exit_code == 0);
  REQUIRE(admin(dir, {"cancel", "T000002", "--reason", "registration withdrawn"}).exit_code == 0);
  REQUIRE(admin(dir, {"keys", "rotate"}).exit_code == 0);
  const auto audit = admin(dir, {"audit"});
  REQUIRE(audit.exit_code == 0);
  const auto entries = lines(audit.out);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].find("revoke  T000001  \"ticket reported stolen\"") != std::string::npos);
  CHECK(entries[0].find("cli:") != std::string::npos);
  CHECK(entries[1].find("cancel  T000002  \"registration withdrawn\"") != std::string::npos);
  CHECK(entries[2].find("rotate_key  key 2") != std::string::npos);
}

TEST_CASE("a failed change writes no audit entry", "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  import_sample(dir);
  const auto missing = admin(dir, {"cancel", "T000099", "--reason", "no such person"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("T000099: no such ticket") != std::string::npos);
  CHECK(admin(dir, {"audit"}).out.empty());
}

TEST_CASE("a revoked ticket is refused as revoked", "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  import_sample(dir);
  const auto codes = ticket_codes(dir, 3);
  REQUIRE(admin(dir, {"revoke", "T000001", "--reason", "lost"}).exit_code == 0);
  CHECK(verdict(dir, codes[0], "2026-03-28T09:00")["reason"] == "revoked");
}

TEST_CASE("provision-kiosk writes a replica without e-mail and a config, and never overwrites",
          "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  write_file(dir / "r.csv", kRegistrations);
  REQUIRE(admin(dir, {"import", (dir / "r.csv").string()}).exit_code == 0);
  REQUIRE(admin(dir, {"revoke", "T000002", "--reason", "stolen"}).exit_code == 0);

  const auto bundle = dir / "kiosk-K1";
  const auto r = admin(dir, {"provision-kiosk", "K1", "--out", bundle.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("3 attendees, 1 keys, 1 revocations") != std::string::npos);
  REQUIRE(std::filesystem::exists(bundle / "replica.db"));
  REQUIRE(std::filesystem::exists(bundle / "kiosk.toml"));
  CHECK_FALSE(std::filesystem::exists(bundle / ".replica.db.partial"));
  const auto config = einlass::test::read_file(bundle / "kiosk.toml");
  CHECK(config.find("id = \"K1\"") != std::string::npos);
  // No e-mail address leaves the server.
  const auto replica = einlass::test::read_file(bundle / "replica.db");
  CHECK(replica.find("@example.org") == std::string::npos);
  CHECK(replica.find("Özlem Yıldız") != std::string::npos);

  const auto again = admin(dir, {"provision-kiosk", "K1", "--out", bundle.string()});
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("exists") != std::string::npos);
  const auto bad = admin(dir, {"provision-kiosk", "K 1", "--out", (dir / "x").string()});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("letters, digits") != std::string::npos);
  CHECK(admin(dir, {"audit"}).out.find("provision_kiosk  K1") != std::string::npos);
}

TEST_CASE(
    "staff cards are issued with a PIN from stdin, listed, revoked, and the revocation "
    "travels to kiosks",
    "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  auto run = [&](std::vector<std::string> args, const std::string& input = {}) {
    std::vector<std::string> argv{kAdmin, "--db", (dir / "event.db").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto result = run_process(argv, std::chrono::seconds{60}, input);
    REQUIRE_FALSE(result.timed_out);
    return result;
  };
  const auto issued =
      run({"staff-card", "add", "Hanna Berger", "--out", (dir / "card.pdf").string()}, "2580\n");
  INFO(issued.err);
  REQUIRE(issued.exit_code == 0);
  CHECK(issued.out.starts_with("S000001"));
  CHECK(std::filesystem::file_size(dir / "card.pdf") > 1000);
  const auto text = run({"staff-card", "add", "Paul Kern"}, "7391\n");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("EINLASS-STAFF:") != std::string::npos);
  const auto trivial = run({"staff-card", "add", "Eva Lang"}, "1234\n");
  CHECK(trivial.exit_code == 1);
  CHECK(trivial.err.find("PIN") != std::string::npos);

  CHECK(run({"staff-card", "revoke", "S000001"}).exit_code != 0);  // --reason is required
  const auto revoked = run({"staff-card", "revoke", "S000001", "--reason", "lost"});
  INFO(revoked.err);
  CHECK(revoked.exit_code == 0);
  const auto list = run({"staff-card", "list"});
  CHECK(list.out.find("S000001  Hanna Berger") != std::string::npos);
  CHECK(list.out.find("S000002  Paul Kern") != std::string::npos);
  CHECK(run({"audit"}).out.find("revoke_staff_card  S000001  \"lost\"") != std::string::npos);

  REQUIRE(run({"provision-kiosk", "K1", "--out", (dir / "k1").string()}).exit_code == 0);
  SQLite::Database replica((dir / "k1" / "replica.db").string());
  CHECK(replica.execAndGet("SELECT count(*) FROM revoked_staff_cards WHERE card_id = 1").getInt() ==
        1);
  CHECK(replica.execAndGet("SELECT count(*) FROM revoked_staff_cards").getInt() == 1);
}

namespace {

unsigned file_mode(const std::filesystem::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777u;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("setup-server writes TLS files and server.toml once and stores the sync address",
          "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  const auto out = dir / "server";
  const auto r = admin(dir, {"setup-server", "--out", out.string(), "--host", "einlass.local",
                             "--host", "10.0.0.5"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "einlass.local, 10.0.0.5, localhost, 127.0.0.1, ::1"));
  CHECK(contains(r.out, "sync address: einlass.local:7443"));
  CHECK(file_mode(out / "tls" / "server.key") == 0600);
  CHECK(contains(einlass::test::read_file(out / "tls" / "server.key"), "BEGIN PRIVATE KEY"));
  CHECK(contains(einlass::test::read_file(out / "tls" / "server.crt"), "BEGIN CERTIFICATE"));
  CHECK(contains(einlass::test::read_file(out / "tls" / "ca.crt"), "BEGIN CERTIFICATE"));
  const auto config = einlass::test::read_file(out / "server.toml");
  CHECK(contains(config, "listen = \"0.0.0.0:7443\""));
  CHECK(contains(config, "database = \"" + (dir / "event.db").string() + "\""));
  CHECK(contains(config, "private_key = \"tls/server.key\""));

  const auto again = admin(dir, {"setup-server", "--out", out.string()});
  CHECK(again.exit_code == 1);
  CHECK(contains(again.err, "server.toml exists; it is never overwritten"));

  SQLite::Database db((dir / "event.db").string());
  CHECK(db.execAndGet("SELECT value FROM settings WHERE key = 'sync_address'").getString() ==
        "einlass.local:7443");
  CHECK(db.execAndGet("SELECT count(*) FROM tls_authority").getInt() == 1);
  const auto audit = admin(dir, {"audit"}).out;
  CHECK(contains(audit, "create_tls_authority"));
  CHECK(contains(audit, "setup_server  einlass.local, 10.0.0.5"));
}

TEST_CASE("provision-kiosk bundles the kiosk's certificate, key and CA and the sync address",
          "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  REQUIRE(admin(dir, {"setup-server", "--out", (dir / "server").string(), "--host", "10.0.0.5",
                      "--listen", "0.0.0.0:8443"})
              .exit_code == 0);
  const auto bundle = dir / "kiosk-K1";
  const auto r = admin(dir, {"provision-kiosk", "K1", "--out", bundle.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "syncs with 10.0.0.5:8443"));
  CHECK(file_mode(bundle / "tls" / "kiosk.key") == 0600);
  CHECK(file_mode(bundle / "tls" / "kiosk.crt") == 0644);
  CHECK(einlass::test::read_file(bundle / "tls" / "ca.crt") ==
        einlass::test::read_file(dir / "server" / "tls" / "ca.crt"));
  const auto config = einlass::test::read_file(bundle / "kiosk.toml");
  CHECK(contains(config, "\n[sync]\nserver = \"10.0.0.5:8443\""));
  CHECK(contains(config, "\ncertificate = \"tls/kiosk.crt\""));
  CHECK(contains(config, "\nprivate_key = \"tls/kiosk.key\""));
  CHECK(contains(config, "\nca = \"tls/ca.crt\""));

  const auto other = admin(dir, {"provision-kiosk", "K2", "--out", (dir / "k2").string(),
                                 "--server", "einlass.local:7443"});
  REQUIRE(other.exit_code == 0);
  CHECK(contains(einlass::test::read_file(dir / "k2" / "kiosk.toml"),
                 "server = \"einlass.local:7443\""));

  SQLite::Database db((dir / "event.db").string());
  CHECK(db.execAndGet("SELECT count(*) FROM kiosk_certificates").getInt() == 2);
  CHECK(db.execAndGet("SELECT count(*) FROM kiosk_certificates WHERE kiosk_id = 'K1'").getInt() ==
        1);
}

TEST_CASE("provision-kiosk without a known server comments the [sync] section out",
          "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  const auto r = admin(dir, {"provision-kiosk", "K1", "--out", (dir / "k1").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "no server address known"));
  const auto config = einlass::test::read_file(dir / "k1" / "kiosk.toml");
  CHECK(contains(config, "\n# [sync]\n# server = \"HOST:7443\""));
  CHECK_FALSE(contains(config, "\n[sync]"));
  CHECK(std::filesystem::exists(dir / "k1" / "tls" / "kiosk.key"));
}

TEST_CASE("revoke-kiosk marks every certificate of the kiosk revoked, audited with the reason",
          "[integration][admin]") {
  TempDir dir;
  init_event(dir);
  REQUIRE(admin(dir, {"provision-kiosk", "K1", "--out", (dir / "a").string()}).exit_code == 0);
  REQUIRE(admin(dir, {"provision-kiosk", "K1", "--out", (dir / "b").string()}).exit_code == 0);
  REQUIRE(admin(dir, {"provision-kiosk", "K2", "--out", (dir / "c").string()}).exit_code == 0);
  CHECK(admin(dir, {"revoke-kiosk", "K1"}).exit_code != 0);  // --reason is required
  const auto unknown = admin(dir, {"revoke-kiosk", "K9", "--reason", "typo"});
  CHECK(unknown.exit_code == 1);
  CHECK(contains(unknown.err, "kiosk K9 has no certificate"));

  const auto r = admin(dir, {"revoke-kiosk", "K1", "--reason", "stolen at the entrance"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "2 certificate(s) revoked"));
  CHECK(contains(admin(dir, {"revoke-kiosk", "K1", "--reason", "again"}).out, "revoked before"));

  SQLite::Database db((dir / "event.db").string());
  CHECK(db.execAndGet("SELECT count(*) FROM kiosk_certificates WHERE kiosk_id = 'K1' AND "
                      "revoked_at IS NOT NULL AND revoke_reason = 'stolen at the entrance'")
            .getInt() == 2);
  CHECK(db.execAndGet("SELECT count(*) FROM kiosk_certificates WHERE kiosk_id = 'K2' AND "
                      "revoked_at IS NULL")
            .getInt() == 1);
  CHECK(db.execAndGet("SELECT count(*) FROM sync_log WHERE kind = 'tls'").getInt() == 2);
  CHECK(contains(admin(dir, {"audit"}).out, "revoke_kiosk  K1  \"stolen at the entrance\""));
}
