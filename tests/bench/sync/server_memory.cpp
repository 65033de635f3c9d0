#include "server_memory.h"

#include <signal.h>

#include <boost/asio/io_context.hpp>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <thread>

#include "../../integration/daemon_process.h"
#include "lean_kiosk.h"
#include "support/files.h"
#include "support/ports.h"
#include "support/temp_dir.h"

namespace einlass::bench {

namespace {

// DaemonProcess keeps the pid to itself: find the process by its unique config path.
long pid_of(const std::filesystem::path& config) {
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::ifstream cmdline(entry.path() / "cmdline");
    std::string args;
    std::getline(cmdline, args);
    if (args.find(config.string()) != std::string::npos &&
        args.find("einlass-server") != std::string::npos)
      return std::stol(entry.path().filename().string());
  }
  return -1;
}

// Runs the kiosks until `done` or `limit`.
bool run_until(boost::asio::io_context& io, const std::function<bool()>& done,
               std::chrono::milliseconds limit) {
  const auto end = Stopwatch::now() + limit;
  while (!done() && Stopwatch::now() < end) {
    if (io.stopped()) io.restart();
    io.run_for(std::chrono::milliseconds(20));
  }
  return done();
}

std::vector<LeanKioskPlan> plans(const Authority& authority, int kiosks, const std::string& prefix,
                                 unsigned short port, const std::string& cursor) {
  std::vector<LeanKioskPlan> all;
  for (int k = 1; k <= kiosks; ++k) {
    LeanKioskPlan plan;
    plan.kiosk_id = prefix + kiosk_name(k);
    plan.tls = authority.kiosk(plan.kiosk_id);
    plan.port = port;
    plan.cursor = cursor;
    plan.heartbeat_interval = std::chrono::seconds(1);
    all.push_back(std::move(plan));
  }
  return all;
}

}  // namespace

ServerMemoryRun server_memory(const std::string& server_binary, int kiosks, int attendees,
                              std::chrono::seconds heartbeating) {
  test::TempDir dir;
  Authority authority(dir / "tls");
  std::string cursor;
  {
    Database db = make_server_database(dir / "event.db", attendees);
    cursor = current_cursor(db);
  }
  const int port = test::unused_loopback_port();
  const auto config = dir / "server.toml";
  test::write_file(config, "[server]\ndatabase = \"event.db\"\n[sync]\nlisten = \"127.0.0.1:" +
                               std::to_string(port) +
                               "\"\ncertificate = \"tls/server.crt\"\n"
                               "private_key = \"tls/server.key\"\nca = \"tls/ca.crt\"\n");
  test::DaemonProcess server({server_binary, "--config", config.string()}, dir / "server");
  server.start();
  ServerMemoryRun run;
  if (!server.wait_for_output(
          [](const std::string& out) { return out.find(": sync on ") != std::string::npos; })) {
    run.failure = "einlass-server did not start: " + server.err();
    return run;
  }
  const long pid = pid_of(config);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  run.idle = memory_of(pid);

  boost::asio::io_context io;
  {
    // Kiosks that synced before (their cursor is current), heartbeating every second.
    LeanFleet fleet(io);
    fleet.connect(plans(authority, kiosks, "", static_cast<unsigned short>(port), cursor), {});
    run_until(
        io, [&] { return fleet.ready() + fleet.failed() >= fleet.size(); },
        std::chrono::seconds(120));
    const auto until = Stopwatch::now() + heartbeating;
    run_until(
        io, [&] { return Stopwatch::now() >= until; }, heartbeating + std::chrono::seconds(1));
    run.kiosks_ready = fleet.ready() - fleet.failed();
    run.connected = memory_of(pid);
    for (std::size_t i = 0; i < fleet.size() && run.failure.empty(); ++i)
      run.failure = fleet.counts(i).failure;

    // As many fresh kiosks (empty cursor), all asking for the whole event at once.
    LeanFleet fresh(io);
    const auto start = Stopwatch::now();
    fresh.connect(plans(authority, kiosks, "F", static_cast<unsigned short>(port), ""), {});
    run_until(
        io, [&] { return fresh.ready() + fresh.failed() >= fresh.size(); },
        std::chrono::seconds(600));
    run.snapshots_seconds = seconds_since(start);
    run.fresh_ready = fresh.ready();
    run.after_snapshots = memory_of(pid);
    for (std::size_t i = 0; i < fresh.size() && run.failure.empty(); ++i)
      run.failure = fresh.counts(i).failure;
    fleet.close_all();
    fresh.close_all();
    run_until(
        io, [] { return false; }, std::chrono::milliseconds(200));
  }
  server.stop(SIGTERM);
  return run;
}

}  // namespace einlass::bench
