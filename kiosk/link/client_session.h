#pragma once
// The kiosk's side of one sync connection, with no sockets: what to send on connect, what each
// frame from the server means for the replica, which of its own events to push next. The TLS
// connection (sync_client.cpp) drives it; a new connection starts a new session.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sync/frame.h"
#include "sync/messages.h"

namespace einlass {

class ReplicaSync;
struct ApplySummary;

struct ClientStep {
  std::vector<std::string> frames;  // to send, in order
  std::vector<std::string> log;
  std::optional<std::string> close;  // the connection is beyond repair; why
  std::optional<ClaimResult> claim_result;
  std::vector<Command> commands;  // to carry out, in order
  bool replica_changed = false;   // attendees, revocations, admissions or config arrived
  bool config_changed = false;
  bool sequence_raised = false;  // the desk must reopen: the server knew later own events
  std::optional<Hlc> observed;   // the highest clock stamp received
  std::optional<std::int64_t> server_time_ms;
};

class ClientSession {
 public:
  ClientSession(ReplicaSync& sync, std::string kiosk_id);

  // version, hello and pull, sent at once after the TLS handshake.
  ClientStep start();
  ClientStep on_frame(const Frame& frame);
  // New own events were committed: push them unless enough batches are in flight.
  ClientStep pump();
  std::string claim_frame(const Claim& claim) const;
  std::string heartbeat_frame(const Heartbeat& heartbeat) const;

  bool ready() const { return version_agreed_; }

 private:
  ClientStep refuse(std::string reason);
  void push_more(ClientStep& step);
  void apply(ClientStep& step, const Frame& frame);
  static void note(ClientStep& step, const ApplySummary& summary);

  ReplicaSync& sync_;
  std::string kiosk_id_;
  bool version_agreed_ = false;
  bool closed_ = false;
  std::uint64_t sent_up_to_ = 0;  // the highest own seq sent on this connection
  int batches_in_flight_ = 0;
};

// Two batches in flight keep the link busy while the server stores the previous one, without
// letting a long offline backlog crowd out claims and heartbeats.
inline constexpr int kMaxPushesInFlight = 2;

}  // namespace einlass
