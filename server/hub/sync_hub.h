#pragma once
// The server's sync logic without sockets. The network layer calls it from its one io_context
// thread for every message a kiosk sends; each call is a few statements on the server database
// and returns the messages to send back. Ordering always follows the hybrid logical clocks the
// kiosks stamped (scenario 23), never scan times or arrival.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "hub/catch_up.h"
#include "hub/claim_book.h"
#include "hub/hub_error.h"
#include "hub/push_ingest.h"
#include "storage/database.h"
#include "sync/handshake.h"
#include "sync/messages.h"

namespace einlass {

// A kiosk clock further off than this raises a clock_skew alert (scenario 23).
inline constexpr std::chrono::milliseconds kClockSkewAlert{30'000};

struct KioskPush {
  std::string kiosk_id;
  Push push;
};

class SyncHub {
 public:
  SyncHub(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // At server start: no connection survived the restart.
  HubResult<void> reset_connections();
  HubResult<void> kiosk_connected(const Hello& hello, std::string_view address);
  HubResult<void> kiosk_disconnected(std::string_view kiosk_id);

  // Stores the kiosk's events (scenarios 4, 5, 10) and ends the claims they report.
  HubResult<PushOutcome> push(std::string_view kiosk_id, const Push& push);
  // Several kiosks' pushes in one transaction: one commit (one fsync) for all of them, which is
  // what lets a hundred kiosks push at once. Each push succeeds or fails alone (in order, one
  // result each); a failed commit fails them all.
  std::vector<HubResult<PushOutcome>> push_batch(std::span<const KioskPush> pushes);
  // The messages that bring a kiosk at `cursor` up to date; empty when it is.
  HubResult<std::vector<OutgoingChanges>> catch_up(std::string_view kiosk_id,
                                                   std::string_view cursor);
  // Strict single use while online (scenario 3).
  HubResult<ClaimResult> claim(std::string_view kiosk_id, const Claim& claim);
  // Records the kiosk's health; returns the alerts raised, one line each.
  HubResult<std::vector<std::string>> heartbeat(std::string_view kiosk_id,
                                                const Heartbeat& heartbeat);
  HubResult<std::vector<Command>> pending_commands(std::string_view kiosk_id,
                                                   std::uint64_t after_id);

  // The newest sync_log id: polled to notice changes other processes made.
  HubResult<std::int64_t> latest_change();
  HubResult<std::vector<std::string>> revoked_certificate_serials();

  std::int64_t now_ms() const { return to_unix_ms(clock_.now()); }

 private:
  Database& db_;
  const Clock& clock_;
  ClaimBook claims_;
};

}  // namespace einlass
