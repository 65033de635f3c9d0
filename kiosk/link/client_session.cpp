#include "link/client_session.h"

#include <array>

#include "base/version.h"
#include "sync/handshake.h"
#include "sync/replica_sync.h"

namespace einlass {

namespace {

constexpr std::array kOurVersions{kSyncProtocolVersion};

}  // namespace

ClientSession::ClientSession(ReplicaSync& sync, std::string kiosk_id)
    : sync_(sync), kiosk_id_(std::move(kiosk_id)) {}

ClientStep ClientSession::refuse(std::string reason) {
  closed_ = true;  // nothing after this frame counts, whatever the connection still reads
  ClientStep step;
  step.frames.push_back(encode_frame(MessageType::error, encode_error(ErrorMessage{reason})));
  step.close = std::move(reason);
  return step;
}

ClientStep ClientSession::start() {
  ClientStep step;
  sync_.reset_snapshot();
  const VersionOffer offer{{kOurVersions.begin(), kOurVersions.end()},
                           std::string(software_version())};
  step.frames.push_back(encode_frame(MessageType::version, encode_version_offer(offer)));
  auto cursor = sync_.cursor();
  if (!cursor) return refuse("replica: " + cursor.error().message);
  const Hello hello{kiosk_id_, std::string(software_version()), *cursor};
  step.frames.push_back(encode_frame(MessageType::hello, encode_hello(hello)));
  step.frames.push_back(encode_frame(MessageType::pull, encode_pull(Pull{*cursor})));
  push_more(step);
  return step;
}

ClientStep ClientSession::pump() {
  ClientStep step;
  push_more(step);
  return step;
}

void ClientSession::push_more(ClientStep& step) {
  while (batches_in_flight_ < kMaxPushesInFlight) {
    auto push = sync_.outbox().next_push(sent_up_to_);
    if (!push) {
      step.log.push_back("replica: unsynced events not read: " + push.error().message);
      return;
    }
    if (push->events.empty()) return;
    sent_up_to_ = push->events.back().key.seq;
    ++batches_in_flight_;
    step.frames.push_back(encode_frame(MessageType::push, encode_push(*push)));
  }
}

std::string ClientSession::claim_frame(const Claim& claim) const {
  return encode_frame(MessageType::claim, encode_claim(claim));
}

std::string ClientSession::heartbeat_frame(const Heartbeat& heartbeat) const {
  return encode_frame(MessageType::heartbeat, encode_heartbeat(heartbeat));
}

ClientStep ClientSession::on_frame(const Frame& frame) {
  ClientStep step;
  if (closed_) return step;
  if (!version_agreed_ && frame.type != MessageType::version && frame.type != MessageType::error)
    return refuse("expected the server's version first, got " + std::string(to_string(frame.type)));
  switch (frame.type) {
    case MessageType::version: {
      if (version_agreed_) return refuse("the server sent its version twice");
      auto offer = parse_version_offer(frame.payload);
      if (!offer) return refuse(offer.error().message);
      auto version = negotiate_version(kOurVersions, *offer, "kiosk", "server");
      if (!version) return refuse(version.error().message);
      version_agreed_ = true;
      return step;
    }
    case MessageType::error: {
      closed_ = true;
      auto error = parse_error(frame.payload);
      step.close = "the server closed with: " +
                   (error ? error->message : std::string("an unreadable error message"));
      return step;
    }
    case MessageType::ack: {
      auto ack = parse_ack(frame.payload);
      if (!ack) return refuse(ack.error().message);
      if (auto done = sync_.outbox().acknowledge(*ack); !done)
        return refuse("ack not recorded: " + done.error().message);
      if (batches_in_flight_ > 0) --batches_in_flight_;
      push_more(step);
      return step;
    }
    case MessageType::changes:
    case MessageType::snapshot:
      apply(step, frame);
      return step;
    case MessageType::claim_result: {
      auto result = parse_claim_result(frame.payload);
      if (!result) return refuse(result.error().message);
      step.claim_result = std::move(*result);
      return step;
    }
    case MessageType::command: {
      auto command = parse_command(frame.payload);
      if (!command) return refuse(command.error().message);
      step.commands.push_back(std::move(*command));
      return step;
    }
    default:
      return refuse("a server does not send " + std::string(to_string(frame.type)) + " messages");
  }
}

void ClientSession::apply(ClientStep& step, const Frame& frame) {
  auto changes = parse_changes(frame.payload);
  if (!changes) {
    step = refuse(changes.error().message);
    return;
  }
  step.server_time_ms = changes->server_time_ms;
  ApplySummary summary;
  if (frame.type == MessageType::snapshot) {
    auto applied = sync_.apply_snapshot_part(std::move(*changes));
    if (!applied) {
      step = refuse("snapshot not stored: " + applied.error().message);
      return;
    }
    if (!*applied) return;  // more parts to come
    summary = std::move(**applied);
  } else {
    auto applied = sync_.apply(*changes);
    if (!applied) {
      step = refuse("changes not stored: " + applied.error().message);
      return;
    }
    summary = std::move(*applied);
  }
  note(step, summary);
}

void ClientSession::note(ClientStep& step, const ApplySummary& summary) {
  const std::size_t received = summary.attendees + summary.removed_attendees + summary.revocations +
                               summary.withdrawn_revocations + summary.admissions_added;
  step.replica_changed = received > 0 || summary.config_changed;
  step.config_changed = summary.config_changed;
  step.sequence_raised = summary.next_sequence_raised;
  step.observed = summary.highest_hlc;
  if (summary.snapshot || step.replica_changed)
    step.log.push_back(std::string(summary.snapshot ? "received a snapshot: " : "received: ") +
                       std::to_string(summary.attendees) + " attendees, " +
                       std::to_string(summary.removed_attendees) + " removed, " +
                       std::to_string(summary.revocations) + " revocations, " +
                       std::to_string(summary.withdrawn_revocations) + " withdrawn, " +
                       std::to_string(summary.admissions_added) + " admissions" +
                       (summary.config_changed ? ", new event settings" : ""));
  if (!summary.admissions_conflicting.empty())
    step.log.push_back(std::to_string(summary.admissions_conflicting.size()) +
                       " received admissions conflict with stored ones (kept ours)");
}

}  // namespace einlass
