// einlass-server: the venue's server. Reads its config, opens the event database, serves sync to
// the kiosks and the staff dashboard (HTTPS) on one event loop until SIGTERM, then tells every
// kiosk and browser it is going and drains.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>

#include "base/host_port.h"
#include "base/time.h"
#include "base/version.h"
#include "config/server_config.h"
#include "desk/desk_service.h"
#include "hub/sync_hub.h"
#include "net/sync_server.h"
#include "service/service_notifier.h"
#include "service/stop_signals.h"
#include "storage/database.h"
#include "web/dashboard.h"

namespace {

constexpr std::chrono::seconds kOfflineCheck{5};

// A hundred kiosks, their reconnects and a dashboard's browsers need more descriptors than the
// usual soft limit of 1024; the hard limit is what the system allows us.
void raise_descriptor_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"einlass-server: keeps the kiosks of one event in sync and serves the dashboard"};
  std::string config_path = "/etc/einlass/server.toml";
  cli.add_option("--config", config_path, "The server's TOML config")->capture_default_str();
  cli.set_version_flag("--version", std::string(einlass::software_version()));
  CLI11_PARSE(cli, argc, argv);

  auto config = einlass::load_server_config(config_path);
  if (!config) {
    std::cerr << "einlass-server: " << config.error() << '\n';
    return 1;
  }
  auto db = einlass::Database::open_existing(config->database, einlass::DatabaseKind::server);
  if (!db) {
    std::cerr << "einlass-server: " << config->database.string() << ": " << db.error().message
              << '\n';
    return 1;
  }
  raise_descriptor_limit();
  einlass::SystemClock clock;
  einlass::SyncHub hub(*db, clock);
  boost::asio::io_context io;
  // Declared before the servers, so it is destroyed after them: a second SIGTERM or Ctrl-C while
  // they drain or close the database is swallowed instead of killing the process half-way.
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  // One line per event; every line is written by the io_context's thread.
  auto log = [](std::string_view line) {
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
  };
  einlass::SyncServerOptions options;
  options.address = config->listen.host;
  options.port = config->listen.port;
  options.certificate = config->certificate;
  options.private_key = config->private_key;
  options.ca = config->ca;
  options.idle_timeout = config->heartbeat_timeout;
  options.max_connections = config->max_connections;
  auto server = einlass::SyncServer::create(io, hub, options, log);
  if (!server) {
    std::cerr << "einlass-server: " << server.error() << '\n';
    return 1;
  }
  auto port = (*server)->start();
  if (!port) {
    std::cerr << "einlass-server: " << port.error() << '\n';
    return 1;
  }
  log("einlass-server " + std::string(einlass::software_version()) + ": sync on " +
      options.address + ":" + std::to_string(*port));

  std::unique_ptr<einlass::Dashboard> dashboard;
  if (config->web) {
    einlass::WebServerOptions web;
    web.address = config->web->listen.host;
    web.port = config->web->listen.port;
    web.certificate = config->web->certificate;
    web.private_key = config->web->private_key;
    auto created = einlass::Dashboard::create(io, *db, config->database, clock, web,
                                              config->web->session_lifetime, log);
    if (!created) {
      std::cerr << "einlass-server: dashboard: " << created.error() << '\n';
      return 1;
    }
    dashboard = std::move(*created);
    auto web_port = dashboard->start();
    if (!web_port) {
      std::cerr << "einlass-server: " << web_port.error() << '\n';
      return 1;
    }
    log("einlass-server: dashboard on https://" +
        einlass::format_host_port({web.address, *web_port}) + "/");
  }

  // systemd (Type=notify): ready once both listen; alive while the event loop turns, so a
  // stuck loop is restarted by WatchdogSec.
  const einlass::ServiceNotifier notifier;
  notifier.ready();
  boost::asio::steady_timer watchdog(io);
  std::function<void()> keep_alive = [&] {
    const auto interval = notifier.watchdog_interval();
    if (!interval) return;
    watchdog.expires_after(*interval);
    watchdog.async_wait([&](const boost::system::error_code& error) {
      if (error) return;
      notifier.alive();
      keep_alive();
    });
  };
  keep_alive();

  // Kiosks gone quiet raise kiosk_offline alerts, dashboard or not (einlass-admin status and the
  // dashboard's alerts show them): a check every few seconds on the event loop, with the
  // server's connection.
  einlass::DeskService desk(*db, clock);
  boost::asio::steady_timer offline_timer(io);
  std::function<void()> check_offline = [&] {
    offline_timer.expires_after(kOfflineCheck);
    offline_timer.async_wait([&](const boost::system::error_code& error) {
      if (error) return;
      if (auto raised = desk.raise_offline_alerts(einlass::kOfflineAfter); !raised) {
        log("einlass-server: checking for silent kiosks failed: " + raised.error().message);
      } else if (*raised > 0) {
        log("einlass-server: " + std::to_string(*raised) + " kiosk_offline alert(s) raised");
      }
      check_offline();
    });
  };
  check_offline();

  signals.async_wait([&](const boost::system::error_code& error, int) {
    if (error) return;
    notifier.stopping();
    watchdog.cancel();
    offline_timer.cancel();
    log("einlass-server: stopping");
    (*server)->stop();
    if (dashboard) dashboard->stop();
  });
  io.run();
  // Everything above is destroyed on return, the database last: hold the stop signals for it.
  einlass::hold_stop_signals();
  log("einlass-server: stopped");
  return 0;
}
