#include "sync_site.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <thread>

#include "support/files.h"
#include "support/frames/frame_maker.h"
#include "support/ports.h"
#include "ticket/ticket.h"

namespace einlass::test {

namespace {

const std::string kServer = EINLASS_SERVER_BINARY;

}  // namespace

SyncSite::SyncSite(const std::vector<Registrant>& people) : site_(people) {}

DaemonProcess& SyncSite::start_server(std::vector<std::string> environment) {
  const auto folder = site_.dir() / "server";
  if (!server_) {
    port_ = unused_loopback_port();
    const auto r = admin({"setup-server", "--out", folder.string(), "--listen",
                          "127.0.0.1:" + std::to_string(port_), "--host", "127.0.0.1"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    // The database is the test's own, not the one setup-server's sample points at.
    auto config = read_file(folder / "server.toml");
    const auto at = config.find("database = ");
    REQUIRE(at != std::string::npos);
    config.replace(at, config.find('\n', at) - at,
                   "database = \"" + (site_.dir() / "event.db").string() + "\"");
    // The dashboard on a port of its own, kept across restarts like the sync port.
    web_port_ = unused_loopback_port();
    const auto web = config.find("listen = \"0.0.0.0:8443\"");
    REQUIRE(web != std::string::npos);
    config.replace(web, config.find('\n', web) - web,
                   "listen = \"127.0.0.1:" + std::to_string(web_port_) + "\"");
    write_file(folder / "server.toml", config);
    server_ = std::make_unique<DaemonProcess>(
        std::vector<std::string>{kServer, "--config", (folder / "server.toml").string()},
        folder / "server", std::move(environment));
  }
  // Sync listens first, the dashboard next: wait for both, or a test may knock on the dashboard's
  // port in between.
  const auto count = [](const std::string& out, const std::string& marker) {
    std::size_t n = 0;
    for (auto at = out.find(marker); at != std::string::npos; at = out.find(marker, at + 1)) ++n;
    return n;
  };
  const auto sync_before = count(server_->out(), ": sync on ");
  const auto web_before = count(server_->out(), ": dashboard on ");
  server_->start();
  const bool listening = server_->wait_for_output([&](const std::string& out) {
    return count(out, ": sync on ") > sync_before && count(out, ": dashboard on ") > web_before;
  });
  INFO(server_->err());
  REQUIRE(listening);
  return *server_;
}

DaemonProcess& SyncSite::start_kiosk(const std::string& id, int via_port,
                                     const std::string& extra_config,
                                     std::vector<std::string> environment) {
  const int port = via_port != 0 ? via_port : port_;
  const std::string sync = "\n[sync]\nserver = \"127.0.0.1:" + std::to_string(port) +
                           "\"\nca = \"tls/ca.crt\"\ncertificate = \"tls/kiosk.crt\"\n"
                           "private_key = \"tls/kiosk.key\"\nheartbeat_seconds = 1\n";
  return site_.start_kiosk(id, "", extra_config + sync, std::move(environment));
}

int SyncSite::through(FaultProxy& proxy) const {
  const auto port = proxy.start("127.0.0.1", static_cast<std::uint16_t>(port_));
  INFO((port ? std::string() : port.error().message));
  REQUIRE(port);
  return *port;
}

nlohmann::json SyncSite::status() const {
  const auto r = admin({"status", "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

const std::vector<Registrant>& venue_people() {
  static const auto* people = new std::vector<Registrant>{
      {"Anna-Lena Müller", "Landesamt für Digitalisierung Sachsen-Anhalt"},
      {"Jürgen Weiß", "Bundesministerium des Innern", "Referent"},
      {"Özlem Yıldız", "Stadt Halle (Saale)", "Presse"},
      {"Søren Åberg", "Landkreis Saalekreis", "Aussteller"},
      {"Chloé Dubois-Straße", "Stadtverwaltung Magdeburg"},
      {"Ines Groß", "Kommunale IT-Union"},
      {"Ole Hansen", "Landesrechenzentrum"},
      {"Petra Schön", "Bundesamt für Sicherheit in der Informationstechnik"},
      {"Zoë Yilmaz", "Stadt Leipzig"},
      {"Karl Bauer", "Landkreis Harz"},
  };
  return *people;
}

std::string ticket_text(int n) {
  return format_ticket_id(static_cast<TicketId>(n));
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string scan(SyncSite& venue, const std::string& id, int n, const std::string& frame_name) {
  auto& kiosk = venue.kiosk(id);
  const auto before = verdicts_for(kiosk.out(), ticket_text(n)).size();
  venue.site().drop_frame(id, make_frame(venue.code(n), FrameStyle::clean).view(), frame_name);
  const bool decided = kiosk.wait_for_output(
      [&](const std::string& out) { return verdicts_for(out, ticket_text(n)).size() > before; });
  INFO(kiosk.out());
  REQUIRE(decided);
  return verdicts_for(kiosk.out(), ticket_text(n)).back();
}

std::int64_t scalar(const std::filesystem::path& db, const std::string& sql) {
  SQLite::Database connection(db.string(), SQLite::OPEN_READONLY);
  connection.setBusyTimeout(5000);
  SQLite::Statement query(connection, sql);
  return query.executeStep() && !query.getColumn(0).isNull() ? query.getColumn(0).getInt64() : -1;
}

std::optional<std::string> text_scalar(const std::filesystem::path& db, const std::string& sql) {
  SQLite::Database connection(db.string(), SQLite::OPEN_READONLY);
  connection.setBusyTimeout(5000);
  SQLite::Statement query(connection, sql);
  if (!query.executeStep() || query.getColumn(0).isNull()) return std::nullopt;
  return query.getColumn(0).getString();
}

std::int64_t server_events(SyncSite& venue, const std::string& where) {
  return scalar(venue.site().dir() / "event.db",
                "SELECT count(*) FROM admission_events WHERE " + where);
}

std::int64_t kiosk_events(SyncSite& venue, const std::string& id, const std::string& where) {
  return scalar(venue.site().bundle(id) / "replica.db",
                "SELECT count(*) FROM admission_events WHERE " + where);
}

void inject_offline_events(SyncSite& venue, const std::string& id, int count, int first_ticket) {
  SQLite::Database db((venue.site().bundle(id) / "replica.db").string(), SQLite::OPEN_READWRITE);
  SQLite::Transaction tx(db);
  std::int64_t next = 1;
  {
    SQLite::Statement q(db,
                        "SELECT max(coalesce((SELECT max(seq) FROM admission_events WHERE "
                        "kiosk_id = ?1), 0) + 1, coalesce((SELECT value FROM kiosk_state WHERE "
                        "key = 'next_seq'), 1))");
    q.bind(1, id);
    REQUIRE(q.executeStep());
    next = q.getColumn(0).getInt64();
  }
  SQLite::Statement insert(db,
                           "INSERT INTO admission_events (kiosk_id, seq, ticket_id, kind, "
                           "scan_time, hlc_wall, hlc_logical, event_day, received_at) "
                           "VALUES (?, ?, ?, 'entry', ?, ?, 0, 2, ?)");
  const std::int64_t start = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count() -
                             2 * 3600 * 1000;
  for (int i = 0; i < count; ++i) {
    const std::int64_t at = start + i * 1000;
    insert.bind(1, id);
    insert.bind(2, next + i);
    insert.bind(3, first_ticket + i);
    insert.bind(4, at);
    insert.bind(5, at);
    insert.bind(6, at);
    insert.exec();
    insert.reset();
  }
  SQLite::Statement state(db,
                          "INSERT OR REPLACE INTO kiosk_state (key, value) VALUES ('next_seq', ?)");
  state.bind(1, next + count);
  state.exec();
  tx.commit();
}

std::vector<std::string> sync_lines(const std::string& out) {
  std::vector<std::string> found;
  for (const auto& line : log_lines(out, "sync"))
    found.push_back(nlohmann::json::parse(line).value("detail", ""));
  return found;
}

bool wait_until_online(const DaemonProcess& kiosk, std::size_t times,
                       std::chrono::milliseconds timeout) {
  return kiosk.wait_for_output(
      [times](const std::string& out) {
        std::size_t n = 0;
        for (const auto& line : sync_lines(out))
          if (line.starts_with("sync: online")) ++n;
        return n >= times;
      },
      timeout);
}

bool wait_until_offline(const DaemonProcess& kiosk, std::chrono::milliseconds timeout) {
  return kiosk.wait_for_output(
      [](const std::string& out) {
        const auto lines = sync_lines(out);
        return !lines.empty() && lines.back().starts_with("sync: offline");
      },
      timeout);
}

std::vector<std::string> verdicts_for(const std::string& out, const std::string& ticket) {
  std::vector<std::string> verdicts;
  for (const auto& line : decisions_for(out, ticket)) {
    const auto json = nlohmann::json::parse(line);
    verdicts.push_back(json["reason"].is_string() ? json["reason"].get<std::string>()
                                                  : json["verdict"].get<std::string>());
  }
  return verdicts;
}

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < end) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

}  // namespace einlass::test
