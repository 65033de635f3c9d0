#pragma once
// Decoding what a sync session produced, as the other side's FrameReader would: every frame, and
// nothing left over. For the kiosk's and the server's session tests alike.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sync/frame.h"

namespace einlass::test {

inline std::string_view frame_bytes(const std::string& frame) {
  return frame;
}
inline std::string_view frame_bytes(const std::shared_ptr<const std::string>& frame) {
  return *frame;
}

template <class Frames>
std::vector<Frame> decode_frames(const Frames& frames) {
  FrameReader reader;
  for (const auto& frame : frames) reader.feed(frame_bytes(frame));
  std::vector<Frame> out;
  for (;;) {
    auto next = reader.next();
    REQUIRE(next);
    if (!*next) break;
    out.push_back(std::move(**next));
  }
  CHECK(reader.buffered() == 0);
  CHECK(out.size() == frames.size());
  return out;
}

}  // namespace einlass::test
