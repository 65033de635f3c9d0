// Replays the sync message fuzzer's seeds and saved crashes through the fuzzer's own checks in the
// ordinary (and the ASan) build, so that a fixed crash stays fixed.
#include <catch2/catch.hpp>
#include <filesystem>

#include "fuzz/sync_message_check.h"
#include "support/files.h"
#include "sync/frame.h"
#include "sync/messages.h"

namespace fs = std::filesystem;

TEST_CASE("every seed and saved crash of the sync message fuzzer passes its checks",
          "[sync][fuzz]") {
  const fs::path fuzz_dir = EINLASS_FUZZ_DIR;
  std::size_t replayed = 0;
  std::size_t frames = 0;
  for (const auto* folder : {"corpus/sync", "regressions/sync"}) {
    for (const auto& entry : fs::directory_iterator(fuzz_dir / folder)) {
      if (!entry.is_regular_file() || entry.path().filename().string().starts_with("README"))
        continue;
      INFO(entry.path().string());
      const std::string input = einlass::test::read_file(entry.path());
      einlass::fuzz::check_sync_messages(
          {reinterpret_cast<const std::uint8_t*>(input.data()), input.size()});
      ++replayed;
      if (std::string_view(folder) != "corpus/sync") continue;
      // A seed is framed messages after one split byte, each of which parses: a seed the parsers
      // no longer accept would only exercise their first error.
      REQUIRE(input.size() > 1);
      einlass::FrameReader reader;
      reader.feed(std::string_view(input).substr(1));
      std::size_t seed_frames = 0;
      for (;;) {
        auto frame = reader.next();
        REQUIRE(frame);
        if (!*frame) break;
        INFO(to_string((*frame)->type));
        CHECK(einlass::fuzz::check_sync_frame(**frame));
        ++seed_frames;
      }
      CHECK(seed_frames >= 1);
      CHECK(reader.buffered() == 0);
      frames += seed_frames;
    }
  }
  CHECK(replayed >= 17);
  CHECK(frames >= 21);
}
