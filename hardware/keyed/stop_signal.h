#pragma once
// Lets stop() on any thread wake a next() that waits for a device. An eventfd rather than a poll
// timeout: the waiting thread sleeps until there is input or a stop, and wakes at once for both.
#include <expected>

#include "device/device_error.h"
#include "device/unique_fd.h"

namespace einlass::keyed {

enum class Wake { readable, stopped };

class StopSignal {
 public:
  static DeviceResult<StopSignal> create();

  // Thread-safe; stays signalled, so every later wait returns `stopped` too.
  void stop();
  // Without blocking: has stop() been called?
  bool stopped() const;
  // Blocks until `fd` is readable, hung up or in error (the caller's read tells which) or until
  // stop(). The error is the errno of a failed poll().
  std::expected<Wake, int> wait_readable(int fd) const;

 private:
  explicit StopSignal(UniqueFd event) : event_(std::move(event)) {}
  UniqueFd event_;
};

}  // namespace einlass::keyed
