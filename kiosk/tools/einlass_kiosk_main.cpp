// einlass-kiosk: the kiosk daemon. Reads its config, wires the kiosk and runs until SIGTERM.
#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <iostream>

#include "app/kiosk_app.h"
#include "base/version.h"
#include "core/kiosk_config.h"
#include "service/stop_signals.h"

int main(int argc, char** argv) {
  CLI::App cli{"einlass-kiosk: admits attendees at the entrance, with or without a server"};
  std::string config_path = "/etc/einlass/kiosk.toml";
  cli.add_option("--config", config_path, "The kiosk's TOML config")->capture_default_str();
  cli.set_version_flag("--version", std::string(einlass::software_version()));
  CLI11_PARSE(cli, argc, argv);

  auto config = einlass::load_kiosk_config(config_path);
  if (!config) {
    std::cerr << "einlass-kiosk: " << config.error() << '\n';
    return 1;
  }
  boost::asio::io_context io;
  // One JSON object per line; every line is written by the io_context's thread.
  auto log = [](std::string_view line) {
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
  };
  auto app = einlass::KioskApp::create(*config, io, log);
  if (!app) {
    std::cerr << "einlass-kiosk: " << app.error() << '\n';
    return 1;
  }
  if (auto started = (*app)->start(); !started) {
    std::cerr << "einlass-kiosk: " << started.error() << '\n';
    return 1;
  }
  io.run();
  einlass::hold_stop_signals();
  app->reset();  // joins the kiosk's threads and closes the replica with the signals held
  return 0;
}
