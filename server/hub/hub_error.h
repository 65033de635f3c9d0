#pragma once
// Why the sync hub refused or failed a request. The network layer closes the connection on
// `protocol` (the kiosk broke the protocol), tells the operator on `invalid` (einlass-admin input)
// and logs `storage` (the database failed; the kiosk retries later).
#include <expected>
#include <string>

#include "storage/storage_error.h"

namespace einlass {

struct HubError {
  enum class Kind { protocol, invalid, storage };
  Kind kind = Kind::storage;
  std::string message;
};

template <class T>
using HubResult = std::expected<T, HubError>;

inline std::unexpected<HubError> hub_error(HubError::Kind kind, std::string message) {
  return std::unexpected(HubError{kind, std::move(message)});
}

inline std::unexpected<HubError> storage_error(const StorageError& error) {
  return std::unexpected(HubError{HubError::Kind::storage, error.message});
}

}  // namespace einlass
