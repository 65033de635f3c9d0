#pragma once
// Why a sync frame or message was refused: what the connection logs and, where the peer can be
// told, sends back in an error message before it closes.
#include <expected>
#include <string>

namespace einlass {

struct SyncError {
  enum class Kind {
    too_large,    // a frame announced beyond the maximum size
    bad_frame,    // an empty frame or an unknown message type
    bad_message,  // a payload that is not the message its type says
    unsupported_version,
  };
  Kind kind = Kind::bad_message;
  std::string message;
};

template <class T>
using SyncResult = std::expected<T, SyncError>;

inline std::unexpected<SyncError> sync_error(SyncError::Kind kind, std::string message) {
  return std::unexpected(SyncError{kind, std::move(message)});
}

}  // namespace einlass
