// kill -9 during sync with real processes on loopback (issue 4, part 4): of the server in the
// middle of a push, of a kiosk in the middle of a pull, and of a kiosk right after a scan. After
// the restarts every event exists exactly once on the server and on every kiosk.
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <thread>
#include <tuple>

#include "support/frames/frame_maker.h"
#include "sync_site.h"
#include "ticket/ticket.h"

using namespace einlass::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

constexpr int kKilled = 128 + SIGKILL;

using Clock = std::chrono::steady_clock;
// An admission event as its key (kiosk_id, seq) with the ticket and hybrid clock it carries.
using EventKeys = std::set<std::tuple<std::string, std::int64_t, std::int64_t, std::int64_t>>;

fs::path server_db(SyncSite& venue) {
  return venue.site().dir() / "event.db";
}
fs::path replica(SyncSite& venue, const std::string& id) {
  return venue.site().bundle(id) / "replica.db";
}

std::string text(const fs::path& db, const std::string& sql) {
  SQLite::Database connection(db.string(), SQLite::OPEN_READONLY);
  connection.setBusyTimeout(5000);
  SQLite::Statement query(connection, sql);
  return query.executeStep() ? query.getColumn(0).getString() : std::string{};
}

// The admission events in `db` that match `where`.
EventKeys event_keys(const fs::path& db, const std::string& where = "1") {
  SQLite::Database connection(db.string(), SQLite::OPEN_READONLY);
  connection.setBusyTimeout(5000);
  SQLite::Statement query(
      connection, "SELECT kiosk_id, seq, ticket_id, hlc_wall FROM admission_events WHERE " + where);
  EventKeys keys;
  while (query.executeStep())
    keys.emplace(query.getColumn(0).getString(), query.getColumn(1).getInt64(),
                 query.getColumn(2).getInt64(), query.getColumn(3).getInt64());
  return keys;
}

std::string own(const std::string& id) {
  return "kiosk_id = '" + id + "'";
}

std::int64_t acked_seq(SyncSite& venue, const std::string& id) {
  return scalar(replica(venue, id), "SELECT value FROM kiosk_state WHERE key = 'acked_seq'");
}
std::int64_t highest_seq(SyncSite& venue, const std::string& id) {
  return scalar(replica(venue, id), "SELECT max(seq) FROM admission_events WHERE " + own(id));
}

std::size_t occurrences(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

// The kiosk's "sync: received..." lines (changes or snapshot parts it applied).
std::size_t received_lines(const DaemonProcess& kiosk) {
  std::size_t n = 0;
  for (const auto& line : sync_lines(kiosk.out()))
    if (line.starts_with("sync: received")) ++n;
  return n;
}

// Polls much tighter than wait_for_output: a kill should land while the work is under way.
bool poll_tightly(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto end = Clock::now() + timeout;
  while (Clock::now() < end) {
    if (done()) return true;
    std::this_thread::sleep_for(1ms);
  }
  return done();
}

std::string tail(const std::string& log, std::size_t lines = 30) {
  std::size_t at = log.size();
  for (std::size_t n = 0; n <= lines && at != std::string::npos && at > 0; ++n)
    at = log.rfind('\n', at - 1);
  return at == std::string::npos ? log : log.substr(at + 1);
}

// Frames the kiosk had not taken yet when it died: the attendee walked on, nobody rescans them.
std::size_t discard_waiting_frames(SyncSite& venue, const std::string& id) {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(venue.site().frames(id)))
    if (entry.is_regular_file()) {
      fs::remove(entry.path());
      ++n;
    }
  return n;
}

}  // namespace

TEST_CASE(
    "kill -9 of the server in the middle of a push: after restarts every event of both "
    "kiosks is on the server and on the other kiosk exactly once",
    "[integration][sync][crash]") {
  constexpr int kBacklog = 4000;  // offline events per kiosk
  SyncSite venue(venue_people());
  auto& server = venue.start_server();
  auto& k1 = venue.start_kiosk("K1");
  auto& k2 = venue.start_kiosk("K2");
  REQUIRE(wait_until_online(k1));
  REQUIRE(wait_until_online(k2));
  CHECK(scan(venue, "K1", 1, "online") == "admitted");
  CHECK(scan(venue, "K2", 2, "online") == "admitted");
  REQUIRE(eventually([&] { return server_events(venue) == 2; }));

  // Both kiosks were offline for hours; the server is down when they come back.
  REQUIRE(server.stop(SIGTERM) == 0);
  REQUIRE(k1.stop(SIGTERM) == 0);
  REQUIRE(k2.stop(SIGTERM) == 0);
  inject_offline_events(venue, "K1", kBacklog, 100000);
  inject_offline_events(venue, "K2", kBacklog, 200000);
  venue.start_kiosk("K1");
  venue.start_kiosk("K2");
  CHECK(scan(venue, "K1", 3, "offline") == "admitted");
  CHECK(scan(venue, "K2", 4, "offline") == "admitted");
  const auto k1_own = event_keys(replica(venue, "K1"), own("K1"));
  const auto k2_own = event_keys(replica(venue, "K2"), own("K2"));
  REQUIRE(k1_own.size() == kBacklog + 2);
  REQUIRE(k2_own.size() == kBacklog + 2);

  const auto pushed = [&] { return occurrences(server.out(), " pushed "); };
  const auto kill_server = [&](const char* moment) {
    REQUIRE(server.stop(SIGKILL) == kKilled);
    std::printf("server crash: killed %s; stored then: K1 %lld, K2 %lld of %d each\n", moment,
                static_cast<long long>(server_events(venue, own("K1"))),
                static_cast<long long>(server_events(venue, own("K2"))), kBacklog + 2);
  };

  // 1: at the first push the server logs.
  auto before = pushed();
  venue.start_server();
  REQUIRE(poll_tightly([&] { return pushed() > before; }, 30s));
  kill_server("at the first push");

  // 2: a few pushes into the backlog that is left.
  before = pushed();
  venue.start_server();
  if (poll_tightly([&] { return pushed() >= before + 3; }, 10s))
    kill_server("after three more pushes");
  else
    kill_server("10 s after restarting (fewer than three pushes came)");

  // 3: while the server hands the kiosks each other's admissions.
  const auto received_before = received_lines(k1) + received_lines(k2);
  venue.start_server();
  if (poll_tightly([&] { return received_lines(k1) + received_lines(k2) > received_before; }, 10s))
    kill_server("while fanning out the admissions");
  else
    kill_server("10 s after restarting (no changes reached a kiosk)");

  const auto restarted = Clock::now();
  venue.start_server();
  const auto converged = [&] {
    return server_events(venue) == 2 * (kBacklog + 2) &&
           kiosk_events(venue, "K1", own("K2")) == kBacklog + 2 &&
           kiosk_events(venue, "K2", own("K1")) == kBacklog + 2 &&
           acked_seq(venue, "K1") == highest_seq(venue, "K1") &&
           acked_seq(venue, "K2") == highest_seq(venue, "K2");
  };
  const bool done = eventually(converged, 60s);
  std::printf("server crash: converged %.2f s after the last restart (%d events per kiosk)\n",
              seconds_since(restarted), kBacklog + 2);
  INFO("server:\n"
       << tail(server.out(), 60) << "\nK1:\n"
       << tail(k1.out()) << "\nK2:\n"
       << tail(k2.out()));
  INFO("server K1 " << server_events(venue, own("K1")) << ", server K2 "
                    << server_events(venue, own("K2")) << ", K1 has K2's "
                    << kiosk_events(venue, "K1", own("K2")) << ", K2 has K1's "
                    << kiosk_events(venue, "K2", own("K1")) << ", K1 acked "
                    << acked_seq(venue, "K1") << "/" << highest_seq(venue, "K1") << ", K2 acked "
                    << acked_seq(venue, "K2") << "/" << highest_seq(venue, "K2"));
  CHECK(done);

  // Exactly the kiosks' events, nothing missing, nothing extra (the key forbids doubles), with
  // the tickets and clocks they were written with.
  EventKeys both = k1_own;
  both.insert(k2_own.begin(), k2_own.end());
  CHECK(event_keys(server_db(venue)) == both);
  CHECK(event_keys(replica(venue, "K1")) == both);
  CHECK(event_keys(replica(venue, "K2")) == both);
  CHECK(acked_seq(venue, "K1") == highest_seq(venue, "K1"));
  CHECK(acked_seq(venue, "K2") == highest_seq(venue, "K2"));
}

TEST_CASE(
    "kill -9 of a kiosk in the middle of a pull: after restarts it holds every admission "
    "exactly once, is up to date and admits",
    "[integration][sync][crash]") {
  // Two backlogs of K1: the first reaches K3 as its first-contact snapshot, the second as
  // changes (a kiosk with a cursor pulls changes, up to kMaxChangesBehind).
  constexpr int kFirst = 3000, kSecond = 3000, kBacklog = kFirst + kSecond;
  SyncSite venue(venue_people());
  auto& server = venue.start_server();
  auto& k1 = venue.start_kiosk("K1");
  REQUIRE(wait_until_online(k1));
  // K3 is provisioned now, before K1's backlog reaches the server.
  REQUIRE(venue.admin({"provision-kiosk", "K3", "--out", venue.site().bundle("K3").string()})
              .exit_code == 0);
  const auto k1_backlog = [&](int count, int first_ticket, int expected) {
    REQUIRE(k1.stop(SIGTERM) == 0);
    inject_offline_events(venue, "K1", count, first_ticket);
    const auto started = Clock::now();
    venue.start_kiosk("K1");
    REQUIRE(eventually([&] { return server_events(venue, own("K1")) == expected; }, 60s));
    std::printf("kiosk crash in a pull: %d events of K1 on the server %.2f s after its start\n",
                count, seconds_since(started));
  };
  k1_backlog(kFirst, 100000, kFirst);

  const auto has = [&] { return kiosk_events(venue, "K3", own("K1")); };
  const auto k3_onlines = [&](const DaemonProcess& k3) {
    std::size_t n = 0;
    for (const auto& line : sync_lines(k3.out()))
      if (line.starts_with("sync: online")) ++n;
    return n;
  };
  const auto kill_k3 = [&](DaemonProcess& k3, const std::string& moment) {
    REQUIRE(k3.stop(SIGKILL) == kKilled);
    std::printf("kiosk crash in a pull: K3 killed %s, holding %lld of K1's events\n",
                moment.c_str(), static_cast<long long>(has()));
  };
  // Started from the DaemonProcess, the kiosk is polled from its first millisecond on, not
  // from start_kiosk's "started".
  const auto start_k3 = [&](DaemonProcess& k3) { k3.start(); };
  const auto converge_k3 = [&](DaemonProcess& k3, std::int64_t expected, const char* what) {
    const auto restarted = Clock::now();
    start_k3(k3);
    const bool done = eventually([&] { return has() == expected; }, 60s);
    std::printf("kiosk crash in a pull: K3 holds all %lld after the %s %.2f s after its restart\n",
                static_cast<long long>(expected), what, seconds_since(restarted));
    INFO("server:\n" << tail(server.out()) << "\nK3:\n" << tail(k3.out(), 60));
    REQUIRE(done);
  };
  std::mt19937 random(std::random_device{}());
  const auto some_ms = [&](int low, int high) {
    return std::chrono::milliseconds(std::uniform_int_distribution<int>(low, high)(random));
  };

  // The kiosk's config is written while the server is down, so that every start below is
  // polled tightly.
  REQUIRE(server.stop(SIGTERM) == 0);
  auto& k3 = venue.start_kiosk("K3");
  REQUIRE(k3.stop(SIGTERM) == 0);
  venue.start_server();

  // Snapshot: killed as it comes online (the snapshot's parts on their way), then a few
  // milliseconds later (parts staged, or the replica being replaced).
  for (const int late : {0, 1}) {
    const auto onlines = k3_onlines(k3);
    start_k3(k3);
    REQUIRE(poll_tightly([&] { return k3_onlines(k3) > onlines; }, 30s));
    const auto pause = late ? some_ms(5, 40) : 0ms;
    std::this_thread::sleep_for(pause);
    kill_k3(k3, std::to_string(pause.count()) + " ms after coming online, first contact");
  }
  converge_k3(k3, kFirst, "snapshot");
  CHECK(event_keys(replica(venue, "K3")) == event_keys(server_db(venue), own("K1")));
  REQUIRE(k3.stop(SIGTERM) == 0);

  // Changes: at the first part it logs as applied, then at a few random moments after starting.
  k1_backlog(kSecond, 200000, kBacklog);
  const auto k1_keys = event_keys(server_db(venue), own("K1"));
  REQUIRE(k1_keys == event_keys(replica(venue, "K1"), own("K1")));
  const auto received_at_start = received_lines(k3);
  start_k3(k3);
  REQUIRE(poll_tightly([&] { return received_lines(k3) > received_at_start; }, 30s));
  kill_k3(k3, "at its first received changes");
  for (const auto& [low, high] : {std::pair{20, 120}, std::pair{120, 400}}) {
    const auto pause = some_ms(low, high);
    start_k3(k3);
    std::this_thread::sleep_for(pause);
    kill_k3(k3, std::to_string(pause.count()) + " ms after its start");
  }
  converge_k3(k3, kBacklog, "changes");
  CHECK(event_keys(replica(venue, "K3")) == k1_keys);
  CHECK(kiosk_events(venue, "K3") == kBacklog);

  // Up to date: its cursor is where the server's log ends, and heartbeats bring nothing more.
  const auto server_cursor = [&] {
    return std::to_string(scalar(server_db(venue), "SELECT event_id FROM event")) + "." +
           std::to_string(scalar(server_db(venue), "SELECT max(id) FROM sync_log"));
  };
  const auto k3_cursor = [&] {
    return text(replica(venue, "K3"), "SELECT value FROM kiosk_state WHERE key = 'sync_cursor'");
  };
  CHECK(eventually([&] { return k3_cursor() == server_cursor(); }, 10s));
  CHECK(k3_cursor() == server_cursor());
  const auto received = received_lines(k3);
  std::this_thread::sleep_for(3s);  // three heartbeats
  CHECK(received_lines(k3) == received);
  CHECK(kiosk_events(venue, "K3") == kBacklog);

  CHECK(scan(venue, "K3", 5, "fresh") == "admitted");
  CHECK(eventually([&] { return server_events(venue, own("K3") + " AND ticket_id = 5") == 1; }));
  CHECK(server_events(venue) == kBacklog + 1);
}

TEST_CASE(
    "kill -9 of a kiosk right after a scan while online: the server holds exactly the "
    "admissions the kiosk committed, and a claim without one lapses",
    "[integration][sync][crash]") {
  SyncSite venue(venue_people());
  auto& server = venue.start_server();
  FaultProxy link;
  const int port = venue.through(link);
  auto& k1 = venue.start_kiosk("K1", port);
  auto& k2 = venue.start_kiosk("K2");
  REQUIRE(wait_until_online(k1));
  REQUIRE(wait_until_online(k2));
  std::size_t k1_starts = 1;
  const auto restart_k1 = [&] {
    const auto discarded = discard_waiting_frames(venue, "K1");
    if (discarded > 0)
      std::printf("kiosk crash after a scan: %zu frame(s) never taken\n", discarded);
    venue.start_kiosk("K1", port);
    REQUIRE(wait_until_online(k1, ++k1_starts));
  };

  // Committed, not yet reported: online at once, then with 100 ms each way the kill comes right
  // after the decision while the push is still on its way (claims stay under their deadline).
  CHECK(scan(venue, "K1", 1, "online") == "admitted");
  link.delay(100ms);
  venue.site().drop_frame("K1", make_frame(venue.code(2), FrameStyle::clean).view(), "committed");
  REQUIRE(poll_tightly([&] { return !verdicts_for(k1.out(), ticket_text(2)).empty(); }, 10s));
  REQUIRE(k1.stop(SIGKILL) == kKilled);
  CHECK(verdicts_for(k1.out(), ticket_text(2)) == std::vector<std::string>{"admitted"});
  std::printf("kiosk crash after a scan: committed admission on the server at the kill: %lld\n",
              static_cast<long long>(server_events(venue, "ticket_id = 2")));
  link.pass();
  restart_k1();
  REQUIRE(eventually([&] { return server_events(venue, own("K1") + " AND ticket_id = 2") == 1; }));

  // Claimed, not committed: with 100 ms each way the claim's answer is still on its way when the
  // kiosk dies. The first bytes to reach the server after a heartbeat are the claim.
  link.delay(100ms);
  int held = 0;  // the ticket whose claim the server granted to a kiosk that died
  Clock::time_point killed;
  for (const int ticket : {3, 4, 6, 7, 8}) {
    const auto upstream = [&] { return link.stats().bytes_to_upstream; };
    auto seen = upstream();
    REQUIRE(poll_tightly([&] { return upstream() > seen; }, 5s));  // a heartbeat arrived
    venue.site().drop_frame("K1", make_frame(venue.code(ticket), FrameStyle::clean).view(),
                            "claimed-" + std::to_string(ticket));
    // Once the kiosk has taken the frame, the next bytes it sends are the claim (a slow build
    // decodes for a while; bytes counted before the frame was taken were a heartbeat).
    const auto taken = [&] {
      for (const auto& entry : fs::directory_iterator(venue.site().frames("K1")))
        if (entry.is_regular_file()) return false;
      return true;
    };
    REQUIRE(poll_tightly(taken, 10s));
    seen = upstream();
    REQUIRE(poll_tightly([&] { return upstream() > seen; }, 5s));
    REQUIRE(k1.stop(SIGKILL) == kKilled);
    killed = Clock::now();
    const auto k1_verdicts = verdicts_for(k1.out(), ticket_text(ticket));
    // K2 asks at once: the server still holds the ticket for K1, which never reported it.
    const auto k2_verdict = scan(venue, "K2", ticket, "during-hold-" + std::to_string(ticket));
    std::printf(
        "kiosk crash after a scan: ticket %d: K1 decided %zu time(s) before dying, K2 "
        "then: %s\n",
        ticket, k1_verdicts.size(), k2_verdict.c_str());
    link.pass();
    restart_k1();
    link.delay(100ms);
    if (k1_verdicts.empty() && k2_verdict == "already_admitted" &&
        server_events(venue, "ticket_id = " + std::to_string(ticket)) == 0) {
      held = ticket;
      break;
    }
    // Timing missed (a heartbeat went first, or K1 decided): the invariants below still hold.
  }
  link.pass();
  REQUIRE(held != 0);
  // No phantom: K1 committed nothing for the ticket, so nothing of it reaches the server.
  CHECK(kiosk_events(venue, "K1", own("K1") + " AND ticket_id = " + std::to_string(held)) == 0);
  std::this_thread::sleep_until(killed + 10500ms);
  CHECK(scan(venue, "K2", held, "after-hold") == "admitted");
  std::printf("kiosk crash after a scan: K2 admitted ticket %d %.2f s after K1 died\n", held,
              seconds_since(killed));
  CHECK(eventually([&] {
    return server_events(venue, "ticket_id = " + std::to_string(held)) == 1 &&
           server_events(venue, own("K2") + " AND ticket_id = " + std::to_string(held)) == 1;
  }));

  // Everything K1 committed is on the server once and nothing else of K1, and what it committed
  // is exactly what it logged as admitted: no kill fell between a commit and its log line.
  INFO("server:\n" << tail(server.out()) << "\nK1:\n" << tail(k1.out(), 60));
  const auto k1_committed = [&] { return event_keys(replica(venue, "K1"), own("K1")); };
  CHECK(eventually([&] { return event_keys(server_db(venue), own("K1")) == k1_committed(); }));
  CHECK(event_keys(server_db(venue), own("K1")) == k1_committed());
  std::set<std::string> committed_tickets;
  {
    SQLite::Database db(replica(venue, "K1").string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT ticket_id FROM admission_events WHERE " + own("K1"));
    while (q.executeStep())
      committed_tickets.insert(ticket_text(static_cast<int>(q.getColumn(0).getInt64())));
  }
  std::set<std::string> logged_admitted;
  for (const auto& line : log_lines(k1.out(), "decision")) {
    const auto json = nlohmann::json::parse(line);
    if (json["verdict"] == "admitted") logged_admitted.insert(json["ticket"].get<std::string>());
  }
  CHECK(logged_admitted == committed_tickets);
  CHECK(eventually([&] {
    return event_keys(replica(venue, "K1")) == event_keys(server_db(venue)) &&
           event_keys(replica(venue, "K2")) == event_keys(server_db(venue));
  }));
}

TEST_CASE("a server sent SIGTERM again and again while it stops still ends cleanly",
          "[integration][sync]") {
  SyncSite venue(venue_people());
  // Each round stops the server under a stream of signals, one a millisecond, while a kiosk is
  // connected: some arrive while it drains the kiosk and closes the database.
  for (int round = 1; round <= 3; ++round) {
    auto& server = venue.start_server();
    auto& k1 = venue.start_kiosk("K1");
    REQUIRE(wait_until_online(k1));
    CHECK(scan(venue, "K1", round, "r" + std::to_string(round)) == "admitted");
    REQUIRE(eventually([&] { return server_events(venue) == round; }));
    INFO("round " << round);
    CHECK(server.stop_insisting(SIGTERM) == 0);
    CHECK(server.out().find("einlass-server: stopped") != std::string::npos);
    REQUIRE(k1.stop(SIGTERM) == 0);
  }
}
