#pragma once
// What the PKI functions report instead of throwing: a message that names what is wrong (the
// host, the kiosk id, the PEM that does not parse), with OpenSSL's own reason appended.
#include <expected>
#include <string>

namespace einlass {

struct PkiError {
  std::string message;
};

template <class T>
using PkiResult = std::expected<T, PkiError>;

}  // namespace einlass
