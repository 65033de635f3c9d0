#pragma once
// Builds a run of `changes` or `snapshot` messages from entries added one at a time, starting a
// new message whenever one holds kMaxChangeEntries entries in all its lists. Every message but
// the last says more=true; all carry the server's clock.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sync/frame.h"
#include "sync/messages.h"

namespace einlass {

struct OutgoingChanges {
  MessageType type = MessageType::changes;  // changes or snapshot
  Changes changes;
};

class ChangeSplitter {
 public:
  ChangeSplitter(MessageType type, std::int64_t server_time_ms)
      : type_(type), server_time_ms_(server_time_ms) {}

  // The message to add one entry to. `cursor` becomes that message's cursor (the position after
  // this entry); a snapshot passes "" since only its last part carries one.
  Changes& add_entry(std::string cursor);
  // The current message, for fields that are not entries (the config).
  Changes& current();
  // The messages; the last gets `final_cursor`. At least one message.
  std::vector<OutgoingChanges> finish(std::string final_cursor);

 private:
  MessageType type_;
  std::int64_t server_time_ms_;
  std::vector<OutgoingChanges> messages_;
  std::size_t entries_in_current_ = 0;
};

}  // namespace einlass
