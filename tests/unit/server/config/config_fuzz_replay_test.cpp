// Replays the config fuzzer's seeds and saved crashes through the fuzzer's own checks in the
// ordinary (and the ASan) build, so that a fixed crash stays fixed; makes sure the seeds still
// reach both parsers' accepted files and their refusals; and runs the packaged sample configs
// (deploy/config) through the same checks, so the seeds copied from them cannot hide a change.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "fuzz/config_check.h"
#include "support/files.h"

namespace fs = std::filesystem;
using einlass::fuzz::ConfigOutcome;

namespace {

const fs::path kFuzzDir = EINLASS_FUZZ_DIR;

ConfigOutcome replay(const std::string& input) {
  return einlass::fuzz::check_config_input(
      {reinterpret_cast<const std::uint8_t*>(input.data()), input.size()});
}

}  // namespace

TEST_CASE("every seed and saved crash of the config fuzzer passes its checks", "[config][fuzz]") {
  std::set<std::string> server_keys;
  std::set<std::string> kiosk_keys;
  std::size_t server_parsed = 0;
  std::size_t kiosk_parsed = 0;
  std::size_t server_syntax = 0;
  std::size_t kiosk_syntax = 0;
  for (const auto& path : einlass::test::fuzz_inputs(kFuzzDir / "corpus/config")) {
    INFO(path.string());
    const auto outcome = replay(einlass::test::read_file(path));
    if (outcome.broken) FAIL_CHECK(*outcome.broken);
    // Seeds are named after the file they are: 0-server-..., 1-kiosk-...
    CHECK(outcome.kiosk == path.filename().string().starts_with("1-kiosk-"));
    if (outcome.kiosk) {
      kiosk_parsed += outcome.parsed ? 1 : 0;
      kiosk_syntax += outcome.syntax_error ? 1 : 0;
      if (!outcome.error_key.empty()) kiosk_keys.insert(outcome.error_key);
    } else {
      server_parsed += outcome.parsed ? 1 : 0;
      server_syntax += outcome.syntax_error ? 1 : 0;
      if (!outcome.error_key.empty()) server_keys.insert(outcome.error_key);
    }
  }
  CHECK(server_parsed >= 3);
  CHECK(kiosk_parsed >= 3);
  CHECK(server_syntax >= 1);
  CHECK(kiosk_syntax >= 1);
  CHECK(server_keys.size() >= 5);
  CHECK(kiosk_keys.size() >= 6);

  for (const auto& path : einlass::test::fuzz_inputs(kFuzzDir / "regressions/config")) {
    INFO(path.string());
    const auto outcome = replay(einlass::test::read_file(path));
    if (outcome.broken) FAIL_CHECK(*outcome.broken);
  }
}

TEST_CASE("the packaged sample configs pass the config fuzzer's checks", "[config][fuzz]") {
  const fs::path samples = kFuzzDir / "../../deploy/config";
  const auto server = replay("0" + einlass::test::read_file(samples / "server.toml"));
  CHECK_FALSE(server.broken);
  CHECK(server.parsed);
  CHECK_FALSE(server.kiosk);
  const auto kiosk = replay("1" + einlass::test::read_file(samples / "kiosk.toml"));
  CHECK_FALSE(kiosk.broken);
  CHECK(kiosk.parsed);
  CHECK(kiosk.kiosk);
}
