#pragma once
// The kiosk daemon, wired: scanners → admission desk → screen, lights and print worker, plus
// staff mode and the systemd watchdog, all on one io_context thread. Scanner and printer
// threads hand their results to that thread; nothing else touches the kiosk's state.
#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/kiosk_config.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace einlass {

class KioskApp {
 public:
  using LogSink = std::function<void(std::string_view line)>;

  // Opens the replica and the devices; a missing scanner is not fatal (it is retried), a bad
  // URI or an unreadable replica is.
  static std::expected<std::unique_ptr<KioskApp>, std::string> create(const KioskConfig& config,
                                                                      boost::asio::io_context& io,
                                                                      LogSink log);
  ~KioskApp();

  // Starts serving the screen (the bound port), the print worker and the scanners, and stops
  // everything on SIGINT or SIGTERM; io.run() returns once all has drained.
  std::expected<unsigned short, std::string> start();
  void stop();

 private:
  class Impl;
  explicit KioskApp(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace einlass
