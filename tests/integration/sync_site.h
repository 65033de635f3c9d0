#pragma once
// A venue on loopback: the event of a KioskSite, einlass-server on a known port with the
// certificates `einlass-admin setup-server` issues, and kiosks that sync with it, directly or
// through a FaultProxy, each from the bundle `einlass-admin provision-kiosk` wrote.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kiosk_site.h"
#include "support/proxy/fault_proxy.h"

namespace einlass::test {

class SyncSite {
 public:
  explicit SyncSite(const std::vector<Registrant>& people);

  KioskSite& site() { return site_; }
  ProcessResult admin(std::vector<std::string> args) const { return site_.admin(std::move(args)); }
  const std::string& code(int ticket) const { return site_.code(ticket); }

  // Issues the server's certificates on first use and starts einlass-server; waits until it
  // listens. Restarts keep the port.
  // `environment` is added to the server's on its first start.
  DaemonProcess& start_server(std::vector<std::string> environment = {});
  DaemonProcess& server() { return *server_; }
  int server_port() const { return port_; }
  // The staff dashboard's HTTPS port on 127.0.0.1.
  int web_port() const { return web_port_; }

  // Provisions (first time) and starts kiosk `id`, syncing with 127.0.0.1:`via_port` (the
  // server's port, or a proxy's); 0 means the server's.
  DaemonProcess& start_kiosk(const std::string& id, int via_port = 0,
                             const std::string& extra_config = "",
                             std::vector<std::string> environment = {});
  DaemonProcess& kiosk(const std::string& id) { return site_.kiosk(id); }
  // Starts `proxy` in front of the server; its port is what a kiosk then syncs through.
  int through(FaultProxy& proxy) const;

  // `einlass-admin status --json`.
  nlohmann::json status() const;

 private:
  KioskSite site_;
  std::unique_ptr<DaemonProcess> server_;
  int port_ = 0;
  int web_port_ = 0;
};

// Ten registrants with the names a German congress has: umlauts, ß, double names, accents.
const std::vector<Registrant>& venue_people();
// "T000003".
std::string ticket_text(int n);
double seconds_since(std::chrono::steady_clock::time_point start);

// Drops ticket `n` into kiosk `id`'s scanner folder (as `frame_name`) and waits for the kiosk's
// decision on it: "admitted", or the refusal reason.
std::string scan(SyncSite& venue, const std::string& id, int n, const std::string& frame_name);

// The first column of the first row of `sql` on `db` (read-only, beside the running daemons);
// -1 when there is none or it is NULL.
std::int64_t scalar(const std::filesystem::path& db, const std::string& sql);
// The same as text; nullopt when there is none or it is NULL.
std::optional<std::string> text_scalar(const std::filesystem::path& db, const std::string& sql);
// Admission events matching `where` on the server, and in kiosk `id`'s replica.
std::int64_t server_events(SyncSite& venue, const std::string& where = "1");
std::int64_t kiosk_events(SyncSite& venue, const std::string& id, const std::string& where = "1");

// Hours of offline admissions, written as kiosk `id`'s desk writes them while it is stopped:
// `count` entries of distinct tickets from `first_ticket` on, after its own last event.
void inject_offline_events(SyncSite& venue, const std::string& id, int count, int first_ticket);

// The kiosk's sync log lines ("online: ...", "offline ...").
std::vector<std::string> sync_lines(const std::string& out);
bool wait_until_online(const DaemonProcess& kiosk, std::size_t times = 1,
                       std::chrono::milliseconds timeout = std::chrono::seconds(30));
// Waits until the kiosk's latest sync line says it is offline (deciding alone).
bool wait_until_offline(const DaemonProcess& kiosk,
                        std::chrono::milliseconds timeout = std::chrono::seconds(30));
// The verdicts ("admitted", "already_admitted", ...) of the decisions logged for `ticket`.
std::vector<std::string> verdicts_for(const std::string& out, const std::string& ticket);
// Polls `done` until it holds or `timeout` passes.
bool eventually(const std::function<bool()>& done,
                std::chrono::milliseconds timeout = std::chrono::seconds(30));

}  // namespace einlass::test
