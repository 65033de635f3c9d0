// Sync with real processes on loopback: einlass-server and kiosks from their provisioned
// bundles, some behind a fault-injecting proxy. One test per admission scenario of the design.
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "support/frames/frame_maker.h"
#include "sync_site.h"
#include "ticket/ticket.h"

using namespace einlass::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

std::size_t open_alerts(const nlohmann::json& status, const std::string& kind) {
  std::size_t n = 0;
  for (const auto& alert : status.at("open_alerts"))
    if (alert.at("kind") == kind) ++n;
  return n;
}

}  // namespace

TEST_CASE(
    "scenario 3: the same ticket at another kiosk while both are online is "
    "already_admitted, decided by the server",
    "[integration][sync]") {
  SyncSite venue(venue_people());
  venue.start_server();
  auto& k1 = venue.start_kiosk("K1");
  auto& k2 = venue.start_kiosk("K2");
  auto& k3 = venue.start_kiosk("K3");
  REQUIRE(wait_until_online(k1));
  REQUIRE(wait_until_online(k2));
  REQUIRE(wait_until_online(k3));

  INFO("server:\n" << venue.server().out() << "\nK1:\n" << k1.out() << "\nK2:\n" << k2.out());
  CHECK(scan(venue, "K1", 1, "first") == "admitted");
  // At once: K2 may not have heard of K1's admission yet; its claim at the server refuses it.
  CHECK(scan(venue, "K2", 1, "second") == "already_admitted");
  CHECK(scan(venue, "K3", 1, "third") == "already_admitted");
  REQUIRE(eventually([&] { return server_events(venue) == 1; }));
  CHECK(open_alerts(venue.status(), "duplicate") == 0);
  // Each of the three kiosks ends up holding K1's admission.
  for (const std::string id : {"K1", "K2", "K3"})
    CHECK(eventually([&] { return kiosk_events(venue, id, "ticket_id = 1") == 1; }));
}

TEST_CASE("a claim the server does not answer within its deadline: the kiosk decides alone",
          "[integration][sync]") {
  SyncSite venue(venue_people());
  venue.start_server();
  FaultProxy slow;
  const int port = venue.through(slow);
  auto& k1 = venue.start_kiosk("K1", port);
  REQUIRE(wait_until_online(k1));
  slow.delay(400ms);  // each way: the round trip is far past the 300 ms deadline
  CHECK(scan(venue, "K1", 7, "slow") == "admitted");
  CHECK(k1.wait_for_output([](const std::string& out) {
    return out.find("unanswered in time: deciding alone") != std::string::npos;
  }));
  slow.pass();
  REQUIRE(eventually([&] { return server_events(venue, "ticket_id = 7") == 1; }));
}

TEST_CASE("a silent, half-open link is noticed by both sides and the kiosk reconnects",
          "[integration][sync]") {
  SyncSite venue(venue_people());
  venue.start_server();
  FaultProxy link;
  const int port = venue.through(link);
  auto& k1 = venue.start_kiosk("K1", port);
  REQUIRE(wait_until_online(k1));
  const auto silenced = std::chrono::steady_clock::now();
  link.blackhole();  // nothing passes either way, and nobody closes anything
  // The kiosk (heartbeat every second here) gives up after 3 heartbeats + 2 s.
  REQUIRE(k1.wait_for_output(
      [](const std::string& out) {
        return out.find("the server went silent") != std::string::npos;
      },
      20s));
  std::printf("a blackholed link: the kiosk went offline %.1f s after it fell silent\n",
              seconds_since(silenced));
  CHECK(scan(venue, "K1", 8, "offline") == "admitted");
  link.pass();
  REQUIRE(wait_until_online(k1, 2, 40s));
  REQUIRE(eventually([&] { return server_events(venue, "ticket_id = 8") == 1; }));
}

TEST_CASE(
    "scenario 4: the same ticket at two kiosks cut off from the server: both admit, "
    "the server keeps both and flags the later one",
    "[integration][sync]") {
  SyncSite venue(venue_people());
  venue.start_server();
  FaultProxy link1, link2;
  auto& k1 = venue.start_kiosk("K1", venue.through(link1));
  auto& k2 = venue.start_kiosk("K2", venue.through(link2));
  REQUIRE(wait_until_online(k1));
  REQUIRE(wait_until_online(k2));

  link1.cut();
  link2.cut();
  REQUIRE(wait_until_offline(k1));
  REQUIRE(wait_until_offline(k2));
  CHECK(scan(venue, "K1", 2, "k1") == "admitted");
  std::this_thread::sleep_for(20ms);  // K2's scan is the later one by the clock
  CHECK(scan(venue, "K2", 2, "k2") == "admitted");

  link1.heal();
  link2.heal();
  REQUIRE(eventually([&] { return server_events(venue, "ticket_id = 2") == 2; }, 40s));
  REQUIRE(eventually([&] { return open_alerts(venue.status(), "duplicate") == 1; }));
  const auto status = venue.status();
  for (const auto& alert : status.at("open_alerts"))
    if (alert.at("kind") == "duplicate") CHECK(alert.at("kiosk_id") == "K2");
  // Each kiosk learns of the other's admission; nothing is dropped anywhere.
  REQUIRE(eventually([&] {
    return kiosk_events(venue, "K1", "ticket_id = 2") == 2 &&
           kiosk_events(venue, "K2", "ticket_id = 2") == 2;
  }));
}

TEST_CASE("scenario 5: an event uploaded twice because the ack was lost is stored once",
          "[integration][sync]") {
  SyncSite venue(venue_people());
  venue.start_server();
  auto& k1 = venue.start_kiosk("K1");
  REQUIRE(wait_until_online(k1));
  CHECK(scan(venue, "K1", 3, "a") == "admitted");
  CHECK(scan(venue, "K1", 4, "b") == "admitted");
  REQUIRE(eventually([&] { return server_events(venue) == 2; }));
  REQUIRE(k1.stop(SIGTERM) == 0);

  // As if no ack had ever arrived: the kiosk sends both events again.
  {
    SQLite::Database replica((venue.site().bundle("K1") / "replica.db").string(),
                             SQLite::OPEN_READWRITE);
    replica.exec("DELETE FROM kiosk_state WHERE key = 'acked_seq'");
  }
  venue.start_kiosk("K1");
  REQUIRE(wait_until_online(k1, 2));
  REQUIRE(venue.server().wait_for_output(
      [](const std::string& out) { return out.find("K1 pushed 2 events, 0 new") != out.npos; }));
  CHECK(server_events(venue) == 2);
}

TEST_CASE(
    "scenario 10: a ticket revoked while a kiosk was offline and admitted there is "
    "flagged as admitted after revocation",
    "[integration][sync]") {
  SyncSite venue(venue_people());
  venue.start_server();
  FaultProxy link;
  const int port = venue.through(link);
  auto& k1 = venue.start_kiosk("K1", port);
  REQUIRE(wait_until_online(k1));
  link.cut();
  REQUIRE(wait_until_offline(k1));
  REQUIRE(venue.admin({"revoke", ticket_text(5), "--reason", "Ticket gestohlen"}).exit_code == 0);
  CHECK(scan(venue, "K1", 5, "offline") == "admitted");
  link.heal();
  REQUIRE(eventually([&] { return open_alerts(venue.status(), "admitted_after_revocation") == 1; },
                     40s));
  // Once synced, the kiosk itself refuses the ticket.
  REQUIRE(eventually([&] {
    return scalar(venue.site().bundle("K1") / "replica.db",
                  "SELECT count(*) FROM revocations WHERE ticket_id = 5") == 1;
  }));
  CHECK(scan(venue, "K1", 5, "again") == "revoked");
}

TEST_CASE(
    "scenario 21: a kiosk provisioned earlier downloads the replica at first contact and "
    "admits within seconds",
    "[integration][sync]") {
  SyncSite venue(venue_people());
  venue.start_server();
  // Provisioned, then the server's data moves on before the kiosk ever connects.
  REQUIRE(venue.admin({"provision-kiosk", "K1", "--out", venue.site().bundle("K1").string()})
              .exit_code == 0);
  REQUIRE(venue.admin({"cancel", ticket_text(6), "--reason", "Storniert"}).exit_code == 0);
  const auto started = std::chrono::steady_clock::now();
  auto& k1 = venue.start_kiosk("K1");
  REQUIRE(wait_until_online(k1));
  REQUIRE(eventually([&] {
    return scalar(venue.site().bundle("K1") / "replica.db",
                  "SELECT count(*) FROM attendees WHERE ticket_id = 6 AND "
                  "status = 'canceled'") == 1;
  }));
  CHECK(scan(venue, "K1", 6, "canceled") == "canceled");
  CHECK(scan(venue, "K1", 7, "admitted") == "admitted");
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("scenario 21: start to two decisions with the server's data: %.2f s\n", seconds);
  CHECK(seconds < 20);
}

TEST_CASE(
    "scenario 22: attendees added, cancelled and revoked on the server reach online "
    "kiosks within seconds",
    "[integration][sync]") {
  SyncSite venue(venue_people());
  venue.start_server();
  auto& k1 = venue.start_kiosk("K1");
  auto& k2 = venue.start_kiosk("K2");
  REQUIRE(wait_until_online(k1));
  REQUIRE(wait_until_online(k2));

  const auto changed = std::chrono::steady_clock::now();
  REQUIRE(venue.admin({"cancel", ticket_text(8), "--reason", "Storniert"}).exit_code == 0);
  REQUIRE(venue.admin({"revoke", ticket_text(9), "--reason", "Verloren"}).exit_code == 0);
  for (const std::string id : {"K1", "K2"}) {
    REQUIRE(eventually(
        [&] {
          return scalar(venue.site().bundle(id) / "replica.db",
                        "SELECT (SELECT count(*) FROM attendees WHERE ticket_id = 8 AND "
                        "status = 'canceled') + (SELECT count(*) FROM revocations WHERE "
                        "ticket_id = 9)") == 2;
        },
        10s));
  }
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - changed).count();
  std::printf("scenario 22: cancel + revoke on the server to both kiosks: %.2f s\n", seconds);
  CHECK(scan(venue, "K1", 8, "canceled") == "canceled");
  CHECK(scan(venue, "K2", 9, "revoked") == "revoked");
}

TEST_CASE(
    "scenario 23: a kiosk whose clock is ten minutes off reports the skew, and the "
    "server orders events by their hybrid clock",
    "[integration][sync]") {
  SyncSite venue(venue_people());
  venue.start_server();
  // Under ASan the sanitizer must tolerate a library preloaded before it; its other options stay.
  const char* asan = std::getenv("ASAN_OPTIONS");
  auto& ahead = venue.start_kiosk(
      "K1", 0, "",
      {"LD_PRELOAD=" EINLASS_FAKETIME_LIBRARY, "FAKETIME=+10m", "FAKETIME_DONT_FAKE_MONOTONIC=1",
       "ASAN_OPTIONS=" + std::string(asan != nullptr ? asan : "") + ":verify_asan_link_order=0"});
  auto& right = venue.start_kiosk("K2");
  REQUIRE(wait_until_online(ahead));
  REQUIRE(wait_until_online(right));
  REQUIRE(eventually([&] { return open_alerts(venue.status(), "clock_skew") == 1; }));
  const auto status = venue.status();
  for (const auto& kiosk : status.at("kiosks")) {
    if (kiosk.at("kiosk_id") != "K1") continue;
    const auto skew = kiosk.at("clock_skew_ms").get<std::int64_t>();
    CHECK(skew > 590'000);
    CHECK(skew < 610'000);
  }

  // K1 (ahead) admits first; K2 admits after hearing of it: its stamp must come after K1's,
  // although K2's clock reads ten minutes earlier.
  CHECK(scan(venue, "K1", 10, "ahead") == "admitted");
  REQUIRE(eventually([&] { return kiosk_events(venue, "K2", "kiosk_id = 'K1'") == 1; }));
  CHECK(scan(venue, "K2", 1, "right") == "admitted");
  REQUIRE(eventually([&] { return server_events(venue) == 2; }));
  SQLite::Database db((venue.site().dir() / "event.db").string(), SQLite::OPEN_READONLY);
  SQLite::Statement order(db,
                          "SELECT kiosk_id FROM admission_events "
                          "ORDER BY hlc_wall, hlc_logical, kiosk_id, seq");
  std::vector<std::string> kiosks;
  while (order.executeStep()) kiosks.push_back(order.getColumn(0).getString());
  CHECK(kiosks == std::vector<std::string>{"K1", "K2"});
}

TEST_CASE(
    "scenario 24: a kiosk offline for hours with thousands of admissions converges within "
    "seconds of reconnecting, and admits meanwhile",
    "[integration][sync]") {
  SyncSite venue(venue_people());
  venue.start_server();
  FaultProxy link;
  const int port = venue.through(link);
  auto& k1 = venue.start_kiosk("K1", port);
  REQUIRE(wait_until_online(k1));
  link.cut();
  REQUIRE(k1.stop(SIGTERM) == 0);
  // Hours of admissions while offline: 3,000 events of this kiosk, as its desk writes them.
  constexpr int kBacklog = 3000;
  inject_offline_events(venue, "K1", kBacklog, 100001);
  venue.start_kiosk("K1", port);
  const auto reconnected = std::chrono::steady_clock::now();
  link.heal();
  CHECK(scan(venue, "K1", 2, "while-converging") == "admitted");
  REQUIRE(eventually([&] { return server_events(venue, "kiosk_id = 'K1'") == kBacklog + 1; }, 60s));
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - reconnected).count();
  std::printf("scenario 24: %d offline events on the server %.2f s after reconnecting\n", kBacklog,
              seconds);
  const auto decision = nlohmann::json::parse(decisions_for(k1.out(), ticket_text(2)).back());
  std::printf("scenario 24: the admission meanwhile took %.2f ms\n",
              decision["latency_ms"].get<double>());
}

TEST_CASE("server commands reach the kiosk once: pause, resume and a reprint marked as such",
          "[integration][sync]") {
  SyncSite venue(venue_people());
  venue.start_server();
  auto& k1 = venue.start_kiosk("K1");
  REQUIRE(wait_until_online(k1));
  CHECK(scan(venue, "K1", 3, "first") == "admitted");
  REQUIRE(
      k1.wait_for_output([](const std::string& out) { return !log_lines(out, "print").empty(); }));

  const auto command = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"kiosk-command", "K1"});
    const auto r = venue.admin(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  };
  command({"pause", "--reason", "Einlass schließt"});
  REQUIRE(
      k1.wait_for_output([](const std::string& out) { return !log_lines(out, "paused").empty(); }));
  // Paused: a scan is not decided.
  venue.site().drop_frame("K1", make_frame(venue.code(4), FrameStyle::clean).view(), "paused");
  REQUIRE(eventually(  // the scanner took it while paused
      [&] { return std::filesystem::exists(venue.site().frames("K1") / "done" / "paused.png"); }));
  command({"resume", "--reason", "weiter"});
  REQUIRE(k1.wait_for_output(
      [](const std::string& out) { return !log_lines(out, "resumed").empty(); }));
  command({"reprint", ticket_text(3), "--reason", "Badge verloren"});
  REQUIRE(k1.wait_for_output([](const std::string& out) {
    for (const auto& line : log_lines(out, "print"))
      if (nlohmann::json::parse(line).value("reprint", 0) == 1) return true;
    return false;
  }));
  CHECK(verdicts_for(k1.out(), ticket_text(4)).empty());

  // A restart does not carry out any of them again.
  REQUIRE(k1.stop(SIGTERM) == 0);
  venue.start_kiosk("K1");
  REQUIRE(wait_until_online(k1, 2));
  std::this_thread::sleep_for(3s);  // three heartbeats: time for the server to resend
  CHECK(log_lines(k1.out(), "command").size() == 3);
  CHECK(log_lines(k1.out(), "paused").size() == 1);
}
