#pragma once
// What went wrong with a device, in words an operator can act on ("camera /dev/video0: no such
// device"). Expected failures of drivers are values of this type; exceptions stay inside drivers.
#include <expected>
#include <string>

namespace einlass {

struct DeviceError {
  enum class Kind {
    bad_uri,      // the configured URI is wrong; fix the config
    unavailable,  // the device is missing, busy or offline; retrying may help
    bad_input,    // one frame or one code was unusable; skip it and go on
    stopped,      // stop() was called
  };
  Kind kind = Kind::unavailable;
  std::string message;
};

template <class T>
using DeviceResult = std::expected<T, DeviceError>;

inline std::unexpected<DeviceError> device_error(DeviceError::Kind kind, std::string message) {
  return std::unexpected(DeviceError{kind, std::move(message)});
}

}  // namespace einlass
