#include "net/server_session.h"

#include <array>

#include "base/version.h"
#include "hub/admission_alerts.h"
#include "hub/sync_hub.h"
#include "sync/handshake.h"
#include "sync/messages.h"

namespace einlass {

namespace {

constexpr std::array kOurVersions{kSyncProtocolVersion};

SharedFrame shared_frame(MessageType type, std::string payload) {
  return std::make_shared<const std::string>(encode_frame(type, payload));
}

SharedFrame error_frame(std::string_view message) {
  return shared_frame(MessageType::error, encode_error(ErrorMessage{std::string(message)}));
}

}  // namespace

ServerSession::ServerSession(SyncHub& hub, ChangeFeed& feed, std::string peer,
                             std::string certificate_kiosk_id)
    : hub_(hub),
      feed_(feed),
      peer_(std::move(peer)),
      certificate_kiosk_id_(std::move(certificate_kiosk_id)) {}

SharedFrame ServerSession::greeting() const {
  const VersionOffer offer{{kOurVersions.begin(), kOurVersions.end()},
                           std::string(software_version())};
  return shared_frame(MessageType::version, encode_version_offer(offer));
}

SessionStep ServerSession::refuse(std::string reason) {
  state_ = State::closed;  // nothing after this frame counts, whatever the connection still reads
  SessionStep step;
  step.frames.push_back(error_frame(reason));
  step.close = std::move(reason);
  return step;
}

SessionStep ServerSession::on_frame(const Frame& frame) {
  if (state_ == State::closed) return {};
  if (frame.type == MessageType::error) {
    state_ = State::closed;
    auto error = parse_error(frame.payload);
    SessionStep step;
    step.close =
        "the kiosk closed with: " + (error ? error->message : frame.payload.substr(0, 200));
    return step;
  }
  switch (state_) {
    case State::awaiting_version:
      if (frame.type != MessageType::version)
        return refuse("expected a version message first, got " +
                      std::string(to_string(frame.type)));
      return on_version(frame);
    case State::awaiting_hello:
      if (frame.type != MessageType::hello)
        return refuse("expected hello after the version, got " +
                      std::string(to_string(frame.type)));
      return on_hello(frame);
    case State::ready:
    case State::closed:
      break;
  }
  switch (frame.type) {
    case MessageType::push:
      return on_push(frame);
    case MessageType::pull:
      return on_pull(frame);
    case MessageType::claim:
      return on_claim(frame);
    case MessageType::heartbeat:
      return on_heartbeat(frame);
    default:
      return refuse("a kiosk does not send " + std::string(to_string(frame.type)) + " messages");
  }
}

SessionStep ServerSession::on_version(const Frame& frame) {
  auto offer = parse_version_offer(frame.payload);
  if (!offer) return refuse(offer.error().message);
  auto version = negotiate_version(kOurVersions, *offer, "server", "kiosk");
  if (!version) return refuse(version.error().message);
  state_ = State::awaiting_hello;
  return {};
}

SessionStep ServerSession::on_hello(const Frame& frame) {
  auto hello = parse_hello(frame.payload);
  if (!hello) return refuse(hello.error().message);
  if (hello->kiosk_id != certificate_kiosk_id_)
    return refuse("hello names kiosk " + hello->kiosk_id + " but the certificate belongs to " +
                  certificate_kiosk_id_);
  if (auto known = hub_.kiosk_connected(*hello, peer_); !known)
    return refuse("server database: " + known.error().message);
  kiosk_id_ = hello->kiosk_id;
  cursor_ = hello->cursor;
  state_ = State::ready;
  SessionStep step;
  step.log.push_back(kiosk_id_ + " connected from " + peer_ + " (software " + hello->software +
                     ")");
  return step;
}

SessionStep ServerSession::on_push(const Frame& frame) {
  auto push = parse_push(frame.payload);
  if (!push) return refuse(push.error().message);
  if (push->events.empty()) return {};
  SessionStep step;
  step.store = std::move(*push);
  return step;
}

SessionStep ServerSession::on_stored(const HubResult<PushOutcome>& outcome, std::size_t events) {
  if (state_ == State::closed) return {};
  // A database that stays busy closes the connection too: the kiosk reconnects after its backoff
  // and sends the batch again, which is harmless.
  if (!outcome)
    return refuse((outcome.error().kind == HubError::Kind::storage ? "server database: " : "") +
                  outcome.error().message);
  SessionStep step;
  step.frames.push_back(shared_frame(MessageType::ack, encode_ack(outcome->ack)));
  step.stored_new = outcome->stored > 0;
  // Repeats are logged too: they show lost acks (scenario 5) and reconnect storms.
  step.log.push_back(kiosk_id_ + " pushed " + std::to_string(events) + " events, " +
                     std::to_string(outcome->stored) + " new");
  for (const auto& alert : outcome->alerts) step.log.push_back("alert: " + alert_line(alert));
  return step;
}

SessionStep ServerSession::on_pull(const Frame& frame) {
  auto pull = parse_pull(frame.payload);
  if (!pull) return refuse(pull.error().message);
  cursor_ = pull->cursor;
  subscribed_ = true;
  SessionStep step;
  send_changes(step, true);
  return step;
}

SessionStep ServerSession::on_claim(const Frame& frame) {
  auto claim = parse_claim(frame.payload);
  if (!claim) return refuse(claim.error().message);
  auto result = hub_.claim(kiosk_id_, *claim);
  if (!result) return refuse("server database: " + result.error().message);
  SessionStep step;
  step.frames.push_back(shared_frame(MessageType::claim_result, encode_claim_result(*result)));
  return step;
}

SessionStep ServerSession::on_heartbeat(const Frame& frame) {
  auto heartbeat = parse_heartbeat(frame.payload);
  if (!heartbeat) return refuse(heartbeat.error().message);
  auto noted = hub_.heartbeat(kiosk_id_, *heartbeat);
  SessionStep step;
  if (!noted) {
    step.log.push_back(kiosk_id_ + ": heartbeat not stored: " + noted.error().message);
  } else {
    for (const auto& alert : *noted) step.log.push_back("alert: " + alert);
  }
  if (!heard_heartbeat_) {
    heard_heartbeat_ = true;
    commands_sent_ = heartbeat->last_command;
  }
  // The answer doubles as the kiosk's sign of life from the server and carries its clock.
  if (subscribed_) send_changes(step, true);
  send_commands(step);
  return step;
}

SessionStep ServerSession::on_changes() {
  SessionStep step;
  if (subscribed_) send_changes(step, false);
  return step;
}

SessionStep ServerSession::on_commands() {
  SessionStep step;
  send_commands(step);
  return step;
}

void ServerSession::send_changes(SessionStep& step, bool even_if_empty) {
  auto feed = feed_.since(cursor_);
  if (!feed) {
    // Logged; the kiosk still hears from us (below), and the next change or heartbeat retries.
    step.log.push_back(kiosk_id_ + ": changes not read: " + feed.error().message);
  } else if (!(*feed)->frames.empty()) {
    cursor_ = (*feed)->cursor;
    if ((*feed)->snapshot) step.log.push_back(kiosk_id_ + ": sent a snapshot");
    step.frames.insert(step.frames.end(), (*feed)->frames.begin(), (*feed)->frames.end());
    return;
  }
  if (!even_if_empty) return;
  Changes nothing;
  nothing.cursor = cursor_;
  nothing.server_time_ms = hub_.now_ms();
  step.frames.push_back(shared_frame(MessageType::changes, encode_changes(nothing)));
}

void ServerSession::send_commands(SessionStep& step) {
  if (!heard_heartbeat_) return;  // it says which commands it carried out already
  auto commands = hub_.pending_commands(kiosk_id_, commands_sent_);
  if (!commands) {
    step.log.push_back(kiosk_id_ + ": commands not read: " + commands.error().message);
    return;
  }
  for (const auto& command : *commands) {
    step.frames.push_back(shared_frame(MessageType::command, encode_command(command)));
    commands_sent_ = std::max(commands_sent_, command.id);
    step.log.push_back(kiosk_id_ + ": sent command " + std::to_string(command.id) + " (" +
                       std::string(to_string(command.kind)) + ")");
  }
}

void ServerSession::closed() {
  if (kiosk_id_.empty()) return;
  (void)hub_.kiosk_disconnected(kiosk_id_);
}

}  // namespace einlass
