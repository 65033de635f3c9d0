// libFuzzer entry for sync protocol messages as they arrive from a peer: frames cut at arbitrary
// points, every message type's parser, and the round trip of what parses. See
// sync_message_check.cpp.
#include <cstddef>
#include <cstdint>

#include "fuzz/sync_message_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  einlass::fuzz::check_sync_messages({data, size});
  return 0;
}
