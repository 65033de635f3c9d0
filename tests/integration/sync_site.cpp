#include "sync_site.h"

#include <catch2/catch.hpp>
#include <thread>

#include "support/files.h"
#include "support/ports.h"

namespace einlass::test {

namespace {

const std::string kServer = EINLASS_SERVER_BINARY;

}  // namespace

SyncSite::SyncSite(const std::vector<Registrant>& people) : site_(people) {}

DaemonProcess& SyncSite::start_server() {
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
    write_file(folder / "server.toml", config);
    server_ = std::make_unique<DaemonProcess>(
        std::vector<std::string>{kServer, "--config", (folder / "server.toml").string()},
        folder / "server");
  }
  const auto count = [](const std::string& out) {
    std::size_t n = 0;
    for (auto at = out.find(": sync on "); at != std::string::npos;
         at = out.find(": sync on ", at + 1))
      ++n;
    return n;
  };
  const auto before = count(server_->out());
  server_->start();
  const bool listening =
      server_->wait_for_output([&](const std::string& out) { return count(out) > before; });
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

nlohmann::json SyncSite::status() const {
  const auto r = admin({"status", "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
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
