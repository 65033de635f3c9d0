// Replays the kiosk fuzzer's seeds and saved crashes through the fuzzer's own checks in the
// ordinary (and the ASan) build, so that a fixed crash stays fixed.
#include <catch2/catch.hpp>
#include <filesystem>

#include "fuzz/kiosk_input_check.h"
#include "support/files.h"

namespace fs = std::filesystem;

TEST_CASE("every seed and saved crash of the kiosk input fuzzer passes its checks",
          "[kiosk][fuzz]") {
  const fs::path fuzz_dir = EINLASS_FUZZ_DIR;
  std::size_t replayed = 0;
  for (const auto* folder : {"corpus/kiosk", "regressions/kiosk"}) {
    for (const auto& entry : fs::directory_iterator(fuzz_dir / folder)) {
      if (!entry.is_regular_file() || entry.path().filename().string().starts_with("README"))
        continue;
      INFO(entry.path().string());
      const std::string input = einlass::test::read_file(entry.path());
      einlass::fuzz::check_kiosk_input(
          {reinterpret_cast<const std::uint8_t*>(input.data()), input.size()});
      ++replayed;
    }
  }
  CHECK(replayed >= 8);
}
