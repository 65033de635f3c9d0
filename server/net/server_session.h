#pragma once
// One kiosk's sync conversation as seen by the server, with no sockets: frames in, frames out.
// The TLS connection (sync_server.cpp) feeds every received frame here and sends what comes
// back; the tests drive it directly. Order: version → hello → anything of the ready state.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/hub_error.h"
#include "net/change_feed.h"
#include "sync/frame.h"
#include "sync/messages.h"

namespace einlass {

class SyncHub;
struct PushOutcome;

struct SessionStep {
  std::vector<SharedFrame> frames;   // encoded frames to send, in order
  std::vector<std::string> log;      // lines for the server's log (never a name)
  std::optional<std::string> close;  // close once the frames are sent; the reason, for the log
  bool stored_new = false;           // other kiosks have something to hear about
  // A push to store; its ack comes from on_stored(). The connection hands it to the server,
  // which commits the pushes of all kiosks that arrived together in one transaction.
  std::optional<Push> store;
};

class ServerSession {
 public:
  // `certificate_kiosk_id` is the common name of the client certificate the TLS handshake
  // verified: a kiosk may only speak for itself.
  ServerSession(SyncHub& hub, ChangeFeed& feed, std::string peer, std::string certificate_kiosk_id);
  ServerSession(const ServerSession&) = delete;
  ServerSession& operator=(const ServerSession&) = delete;

  // The server's version offer, sent as soon as TLS is up.
  SharedFrame greeting() const;
  SessionStep on_frame(const Frame& frame);
  // The push handed over in a step was stored (or not): the ack, or the reason to close.
  SessionStep on_stored(const HubResult<PushOutcome>& outcome, std::size_t events);
  // The database changed: the changes this kiosk has not seen (nothing before its first pull).
  SessionStep on_changes();
  // Commands were queued: those for this kiosk it has not been sent yet.
  SessionStep on_commands();
  // The connection is gone: the hub marks the kiosk offline (once hello had identified it).
  void closed();

  const std::string& kiosk_id() const { return kiosk_id_; }
  const std::string& peer() const { return peer_; }
  bool ready() const { return state_ == State::ready; }

 private:
  enum class State { awaiting_version, awaiting_hello, ready, closed };

  SessionStep refuse(std::string reason);
  SessionStep on_version(const Frame& frame);
  SessionStep on_hello(const Frame& frame);
  SessionStep on_push(const Frame& frame);
  SessionStep on_pull(const Frame& frame);
  SessionStep on_claim(const Frame& frame);
  SessionStep on_heartbeat(const Frame& frame);
  void send_changes(SessionStep& step, bool even_if_empty);
  void send_commands(SessionStep& step);

  SyncHub& hub_;
  ChangeFeed& feed_;
  std::string peer_;
  std::string certificate_kiosk_id_;
  std::string kiosk_id_;
  State state_ = State::awaiting_version;
  bool subscribed_ = false;  // pulled once: gets changes unasked from now on
  std::string cursor_;
  bool heard_heartbeat_ = false;
  std::uint64_t commands_sent_ = 0;
};

}  // namespace einlass
