#include "sync/frame.h"

#include <cassert>

namespace einlass {

namespace {

constexpr std::size_t kLengthBytes = 4;

}  // namespace

std::string_view to_string(MessageType type) {
  switch (type) {
    case MessageType::version:
      return "version";
    case MessageType::hello:
      return "hello";
    case MessageType::push:
      return "push";
    case MessageType::ack:
      return "ack";
    case MessageType::pull:
      return "pull";
    case MessageType::changes:
      return "changes";
    case MessageType::snapshot:
      return "snapshot";
    case MessageType::heartbeat:
      return "heartbeat";
    case MessageType::command:
      return "command";
    case MessageType::error:
      return "error";
    case MessageType::claim:
      return "claim";
    case MessageType::claim_result:
      return "claim_result";
  }
  return "unknown";
}

std::optional<MessageType> message_type_from_byte(std::uint8_t byte) {
  if (byte < static_cast<std::uint8_t>(MessageType::version) ||
      byte > static_cast<std::uint8_t>(MessageType::claim_result))
    return std::nullopt;
  return static_cast<MessageType>(byte);
}

std::string encode_frame(MessageType type, std::string_view payload) {
  assert(payload.size() <= kMaxFramePayload);
  const auto length = static_cast<std::uint32_t>(payload.size() + 1);
  std::string out;
  out.reserve(kLengthBytes + length);
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((length >> shift) & 0xFF));
  out.push_back(static_cast<char>(type));
  out.append(payload);
  return out;
}

void FrameReader::feed(std::span<const std::uint8_t> bytes) {
  feed(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

void FrameReader::feed(std::string_view bytes) {
  if (failed_) return;
  // Drop what was handed out before growing, so a long connection does not keep every frame.
  if (consumed_ > 0 && consumed_ == buffer_.size()) {
    buffer_.clear();
    consumed_ = 0;
  } else if (consumed_ > 64 * 1024) {
    buffer_.erase(0, consumed_);
    consumed_ = 0;
  }
  buffer_.append(bytes);
}

SyncResult<std::optional<Frame>> FrameReader::next() {
  if (failed_) return sync_error(SyncError::Kind::bad_frame, "the stream failed before");
  const std::string_view pending = std::string_view(buffer_).substr(consumed_);
  if (pending.size() < kLengthBytes) return std::nullopt;
  std::uint32_t length = 0;
  for (std::size_t i = 0; i < kLengthBytes; ++i)
    length = (length << 8) | static_cast<std::uint8_t>(pending[i]);
  if (length == 0) {
    failed_ = true;
    return sync_error(SyncError::Kind::bad_frame, "an empty frame (length 0) has no message type");
  }
  if (length - 1 > max_payload_) {
    failed_ = true;
    return sync_error(SyncError::Kind::too_large, "a frame of " + std::to_string(length - 1) +
                                                      " bytes is over the limit of " +
                                                      std::to_string(max_payload_));
  }
  if (pending.size() < kLengthBytes + length) return std::nullopt;
  const auto type_byte = static_cast<std::uint8_t>(pending[kLengthBytes]);
  const auto type = message_type_from_byte(type_byte);
  if (!type) {
    failed_ = true;
    return sync_error(SyncError::Kind::bad_frame,
                      "unknown message type " + std::to_string(type_byte));
  }
  Frame frame{*type, std::string(pending.substr(kLengthBytes + 1, length - 1))};
  consumed_ += kLengthBytes + length;
  return frame;
}

}  // namespace einlass
