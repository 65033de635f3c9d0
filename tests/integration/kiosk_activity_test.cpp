// What a kiosk did reaches the server with its heartbeats: refusals by reason, the newest refusals
// with their tickets, and its print jobs by state, kept in the kiosks table for the desk.
#include <catch2/catch.hpp>
#include <string>

#include "support/files.h"
#include "support/frames/frame_maker.h"
#include "support/ipp_eve_printer.h"
#include "sync_site.h"

using namespace einlass::test;
using nlohmann::json;

namespace {

// kiosks.health of `id` on the server, as JSON (null before the kiosk's first heartbeat).
json server_health(SyncSite& venue, const std::string& id) {
  const auto health = text_scalar(venue.site().dir() / "event.db",
                                  "SELECT health FROM kiosks WHERE kiosk_id = '" + id + "'");
  return health ? json::parse(*health, nullptr, false) : json(nullptr);
}

// A ticket code with one character of its signed part changed: not a ticket of this event.
std::string forged(std::string code) {
  char& c = code[code.size() - 3];
  c = c == 'A' ? 'B' : 'A';
  return code;
}

}  // namespace

TEST_CASE("a kiosk's refusals and print jobs reach the server's kiosks table",
          "[integration][sync]") {
  SyncSite venue(venue_people());
  venue.start_server();
  auto& k1 = venue.start_kiosk("K1");
  REQUIRE(wait_until_online(k1));

  venue.site().drop_frame("K1", make_frame(forged(venue.code(2)), FrameStyle::clean).view(),
                          "forged");
  REQUIRE(wait_for_decisions(k1, 1));
  CHECK(scan(venue, "K1", 3, "first") == "admitted");
  CHECK(scan(venue, "K1", 3, "again") == "already_admitted");

  json health;
  const bool reported = eventually([&] {
    health = server_health(venue, "K1");
    return health.is_object() && health.contains("print_jobs") &&
           health["print_jobs"] == json{{"done", 1}} && health["recent_refusals"].size() == 2;
  });
  INFO("server health: " << health.dump() << "\nK1:\n" << k1.out());
  REQUIRE(reported);
  CHECK(health["refusals"] == json{{"already_admitted", 1}, {"invalid", 1}});
  const json& recent = health["recent_refusals"];
  CHECK(recent[0]["ticket"] == 3);
  CHECK(recent[0]["reason"] == "already_admitted");
  CHECK(recent[1]["ticket"].is_null());
  CHECK(recent[1]["reason"] == "invalid");
  // Kiosk clock times, newest first, within this test's run.
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  CHECK(recent[0]["at"].get<std::int64_t>() >= recent[1]["at"].get<std::int64_t>());
  CHECK(recent[1]["at"].get<std::int64_t>() > now_ms - 120'000);
  CHECK(recent[0]["at"].get<std::int64_t>() <= now_ms + 5'000);
}

TEST_CASE("a kiosk's printer reaches the server with the printer's own words",
          "[integration][sync][ipp]") {
  IppEvePrinter printer;
  SyncSite venue(venue_people());
  venue.start_server();
  // SyncSite's own start_kiosk has no printer choice: the same [sync] section, an IPP printer.
  const std::string sync = "\n[sync]\nserver = \"127.0.0.1:" + std::to_string(venue.server_port()) +
                           "\"\nca = \"tls/ca.crt\"\ncertificate = \"tls/kiosk.crt\"\n"
                           "private_key = \"tls/kiosk.key\"\nheartbeat_seconds = 1\n";
  auto& k1 = venue.site().start_kiosk("K1", printer.uri(), sync);
  REQUIRE(wait_until_online(k1));

  write_file(printer.dir() / "media-empty", "");
  // The simulated printer reports the empty tray only while it prints, and says "Idle." to the
  // kiosk's status poll every 10 s: another badge if a poll came between fault and heartbeat.
  json health;
  bool reported = false;
  for (int ticket = 1; ticket <= 4 && !reported; ++ticket) {
    CHECK(scan(venue, "K1", ticket, "t" + std::to_string(ticket)) == "admitted");
    reported = eventually(
        [&] {
          health = server_health(venue, "K1");
          return health.is_object() && health.value("printer", "") == "paper_out";
        },
        std::chrono::seconds(5));
  }
  INFO("server health: " << health.dump() << "\nK1:\n" << k1.out());
  REQUIRE(reported);
  CHECK(health["printer_detail"].get<std::string>().find("media-empty") != std::string::npos);
}
