#include "fuzz/sync_message_check.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "sync/frame.h"
#include "sync/handshake.h"
#include "sync/messages.h"

namespace einlass::fuzz {

namespace {

template <class Message>
bool round_trip(std::string_view payload, SyncResult<Message> (*parse)(std::string_view),
                std::string (*encode)(const Message&)) {
  const auto first = parse(payload);
  if (!first) return false;
  const std::string again = encode(*first);
  const auto second = parse(again);
  // A message we accepted must survive our own encoding unchanged.
  if (!second || !(*second == *first)) std::abort();
  return true;
}

}  // namespace

bool check_sync_frame(const Frame& frame) {
  const std::string_view p = frame.payload;
  switch (frame.type) {
    case MessageType::version:
      return round_trip(p, parse_version_offer, encode_version_offer);
    case MessageType::hello:
      return round_trip(p, parse_hello, encode_hello);
    case MessageType::push:
      return round_trip(p, parse_push, encode_push);
    case MessageType::ack:
      return round_trip(p, parse_ack, encode_ack);
    case MessageType::pull:
      return round_trip(p, parse_pull, encode_pull);
    case MessageType::changes:
    case MessageType::snapshot:
      return round_trip(p, parse_changes, encode_changes);
    case MessageType::heartbeat:
      return round_trip(p, parse_heartbeat, encode_heartbeat);
    case MessageType::command:
      return round_trip(p, parse_command, encode_command);
    case MessageType::error:
      return round_trip(p, parse_error, encode_error);
    case MessageType::claim:
      return round_trip(p, parse_claim, encode_claim);
    case MessageType::claim_result:
      return round_trip(p, parse_claim_result, encode_claim_result);
  }
  return false;
}

void check_sync_messages(std::span<const std::uint8_t> input) {
  if (input.empty()) return;
  const unsigned split = input[0];
  const auto bytes = input.subspan(1);
  FrameReader reader;
  std::size_t at = 0;
  for (std::size_t piece = 0; at < bytes.size(); ++piece) {
    // Piece sizes from 1 byte up to whole frames, as a socket might deliver them.
    const std::size_t size = split == 0 ? bytes.size() : 1 + (split * (piece + 1) * 7919) % 4099;
    const std::size_t take = std::min(size, bytes.size() - at);
    reader.feed(bytes.subspan(at, take));
    at += take;
    for (;;) {
      auto frame = reader.next();
      if (!frame) return;  // the stream cannot be resynchronised: the connection closes
      if (!*frame) break;
      check_sync_frame(**frame);
    }
  }
}

}  // namespace einlass::fuzz
