#pragma once
// The venue's real processes on loopback: the event made with einlass-admin, einlass-server with
// its dashboard, a real IPP printer, K2 and K3 syncing through fault proxies, K1 with its clock
// ten minutes ahead (libfaketime), K4 printing over IPP, and a desk staff account for the API.
#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "integration/sync_site.h"
#include "soak/venue_plan.h"
#include "support/ipp_eve_printer.h"
#include "support/proxy/fault_proxy.h"
#include "support/web/https_client.h"

namespace einlass::test {

class VenueRig {
 public:
  // The event, its registrations and tickets (no process runs yet).
  explicit VenueRig(const Plan& plan);

  // Cancels and revokes what the plan changes before the doors open, starts the server, the
  // printer, the proxies and the four kiosks, and returns once every kiosk is online and holds
  // those changes.
  void open();

  const std::string& code(int ticket) const { return venue_.code(ticket); }
  SyncSite& venue() { return venue_; }
  DaemonProcess& server() { return venue_.server(); }
  DaemonProcess& kiosk(int k) { return venue_.kiosk(kiosk_name(k)); }
  // Starts (or restarts) kiosk `k` with its configuration; waits until it logged "started".
  void start_kiosk(int k);
  void restart_server() { venue_.start_server(); }
  FaultProxy& link(int k) { return *links_.at(static_cast<std::size_t>(k)); }
  IppEvePrinter& printer() { return *printer_; }

  std::filesystem::path dir() { return venue_.site().dir().path(); }
  std::filesystem::path frames(int k) { return venue_.site().frames(kiosk_name(k)); }
  std::filesystem::path badges(int k) { return venue_.site().badges(kiosk_name(k)); }
  std::filesystem::path replica(int k) {
    return venue_.site().bundle(kiosk_name(k)) / "replica.db";
  }
  std::filesystem::path server_db() { return dir() / "event.db"; }

  // einlass-admin cancel/revoke with a reason; false (and `error`) when it failed.
  bool change(ChangeKind kind, int ticket, std::string& error);

  // The dashboard API as the desk's staff member; signs in again after a server restart.
  // nullopt when the server does not answer (it may be down).
  std::optional<HttpsReply> api(const std::string& method, const std::string& target,
                                const std::string& body = "");

 private:
  const Plan& plan_;
  SyncSite venue_;
  std::unique_ptr<IppEvePrinter> printer_;
  std::array<std::unique_ptr<FaultProxy>, kVenueKiosks> links_;
  std::array<int, kVenueKiosks> via_port_{};
  std::unique_ptr<HttpsClient> client_;
  std::optional<HttpsClient::Session> session_;
};

}  // namespace einlass::test
