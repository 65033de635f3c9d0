#pragma once
// What the live WebSocket tells browsers: "something you show changed", with the new summary, at
// most once per poll and only after a change (the desk service's fingerprint moved). No sockets.
#include <optional>
#include <string>

#include "desk/desk_service.h"

namespace einlass {

class LiveFeed {
 public:
  explicit LiveFeed(DeskService& desk) : desk_(desk) {}

  // {"type":"changed","summary":{...}} when the fingerprint moved since the last call (the first
  // call only records it); nullopt otherwise, and while the database cannot be read.
  std::optional<std::string> poll();

  // The first message on every new live socket.
  static std::string hello();

 private:
  DeskService& desk_;
  std::optional<std::string> last_;
};

}  // namespace einlass
