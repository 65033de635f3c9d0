#pragma once
// A kiosk as the venue runs it, in a temp folder: an event made with einlass-admin (days around
// today, so the wall clock the daemon decides with is inside it), registrations, their tickets,
// a provisioned bundle, and einlass-kiosk started on it with a dir: scanner and a file: printer.
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "daemon_process.h"
#include "process.h"
#include "support/frames/frame_maker.h"
#include "support/temp_dir.h"

namespace einlass::test {

struct Registrant {
  std::string name;
  std::string organisation;
  std::string category = "Teilnehmer";
};

class KioskSite {
 public:
  explicit KioskSite(const std::vector<Registrant>& people);

  ProcessResult admin(std::vector<std::string> args) const;
  // Ticket codes by ticket number (1-based, import order).
  const std::string& code(int ticket) const {
    return codes_.at(static_cast<std::size_t>(ticket - 1));
  }

  // Provisions kiosk `id` into its own folder with a config of `printer` (default its own
  // file: folder) and starts it; waits until it logged "started".
  DaemonProcess& start_kiosk(const std::string& id, const std::string& printer = "",
                             const std::string& extra_config = "",
                             std::vector<std::string> environment = {});
  DaemonProcess& kiosk(const std::string& id) { return *kiosks_.at(id); }
  std::filesystem::path bundle(const std::string& id) const { return dir_ / ("kiosk-" + id); }
  std::filesystem::path frames(const std::string& id) const { return bundle(id) / "frames"; }
  std::filesystem::path badges(const std::string& id) const { return bundle(id) / "badges"; }

  // Writes a frame atomically (dot-temp file, then rename) so the scanner never sees half a file.
  void drop_frame(const std::string& id, GrayView frame, const std::string& name,
                  bool jpeg = false) const;

  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::vector<std::string> codes_;
  std::map<std::string, std::unique_ptr<DaemonProcess>> kiosks_;
};

// The kiosk's JSON log lines of one event kind ("decision", "print", ...).
std::vector<std::string> log_lines(const std::string& out, const std::string& event);
// Waits until the kiosk has logged at least `count` decisions.
bool wait_for_decisions(const DaemonProcess& kiosk, std::size_t count,
                        std::chrono::milliseconds timeout = std::chrono::seconds(30));
// The decision lines for `ticket` ("T000003").
std::vector<std::string> decisions_for(const std::string& out, const std::string& ticket);

}  // namespace einlass::test
