#pragma once
// Sync frames on the wire: a 4-byte big-endian length, then one byte of message type, then the
// payload (length counts type and payload). The reader is a pure state machine fed with whatever
// bytes the socket delivered; it never allocates more than the announced, bounded frame.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sync/sync_error.h"

namespace einlass {

// Large enough for a batch of a few thousand events or a snapshot chunk; small enough that a
// hostile peer cannot make either side buffer much.
inline constexpr std::size_t kMaxFramePayload = 1 << 20;

enum class MessageType : std::uint8_t {
  version = 1,        // both sides, first: the protocol versions spoken
  hello = 2,          // kiosk: who it is and where its pull cursor stands
  push = 3,           // kiosk: a batch of its admission events
  ack = 4,            // server: the events stored, by kiosk id and sequence
  pull = 5,           // kiosk: changes since a cursor
  changes = 6,        // server: attendees, revocations, others' admissions, config
  snapshot = 7,       // server: a whole replica for a fresh or far-behind kiosk
  heartbeat = 8,      // kiosk: device health
  command = 9,        // server: reprint, pause, resume
  error = 10,         // either: why the connection is being closed
  claim = 11,         // kiosk: may this ticket be admitted now (strict single use while online)
  claim_result = 12,  // server: granted, or refused with the admissions it holds
};

// "push", "ack", ...; "unknown" for anything else.
std::string_view to_string(MessageType type);
std::optional<MessageType> message_type_from_byte(std::uint8_t byte);

struct Frame {
  MessageType type = MessageType::error;
  std::string payload;
  bool operator==(const Frame&) const = default;
};

// Requires payload.size() <= kMaxFramePayload (a bug otherwise: senders build bounded batches).
std::string encode_frame(MessageType type, std::string_view payload);

class FrameReader {
 public:
  explicit FrameReader(std::size_t max_payload = kMaxFramePayload) : max_payload_(max_payload) {}

  // Appends received bytes.
  void feed(std::span<const std::uint8_t> bytes);
  void feed(std::string_view bytes);

  // The next complete frame, nullopt when more bytes are needed, or an error: the connection
  // must then be closed (the stream cannot be resynchronised). An oversized frame is refused as
  // soon as its length is read, before any of it is buffered.
  SyncResult<std::optional<Frame>> next();

  // Bytes received but not yet returned as frames (a peer that announces a frame and stops
  // sending shows here; the connection's read timeout ends it).
  std::size_t buffered() const { return buffer_.size() - consumed_; }
  // Bytes held in memory, frames already handed out included until they are dropped.
  std::size_t held() const { return buffer_.size(); }

 private:
  std::size_t max_payload_;
  std::string buffer_;
  std::size_t consumed_ = 0;
  bool failed_ = false;
};

}  // namespace einlass
