#pragma once
// Why the kiosk's side of sync refused a message or could not store it: what the network client
// logs, and for a protocol fault the reason it closes the connection with.
#include <expected>
#include <string>

#include "storage/storage_error.h"

namespace einlass {

struct ReplicaSyncError {
  enum class Kind {
    storage,   // the replica could not be read or written; nothing of the message was kept
    protocol,  // the server sent something that makes no sense here (an ack for another kiosk)
    config,    // the event or keys the server sent cannot be used; nothing was applied
  };
  Kind kind = Kind::storage;
  std::string message;
};

template <class T>
using ReplicaSyncResult = std::expected<T, ReplicaSyncError>;

inline std::unexpected<ReplicaSyncError> replica_sync_error(ReplicaSyncError::Kind kind,
                                                            std::string message) {
  return std::unexpected(ReplicaSyncError{kind, std::move(message)});
}

inline std::unexpected<ReplicaSyncError> replica_sync_error(const StorageError& error) {
  return replica_sync_error(ReplicaSyncError::Kind::storage, error.message);
}

}  // namespace einlass
