#pragma once
// What the config fuzzer does with one input, shared with the replay test in the ordinary build
// (config_fuzz_replay_tests).
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace einlass::fuzz {

struct ConfigOutcome {
  std::optional<std::string> broken;  // the first property that failed; nothing when all held
  bool kiosk = false;                 // kiosk.toml; otherwise server.toml
  bool parsed = false;
  bool syntax_error = false;  // refused as TOML (the error names line and column)
  std::string error_key;      // the key a refusal names ("sync.listen"); empty for syntax
};

// The first byte picks the file (even: server.toml for parse_server_config, odd: kiosk.toml for
// parse_kiosk_config); the rest is its text, in the folder /etc/einlass. A refusal must name a
// key the file format has (or the unknown one it refuses) or the line; an accepted file must
// hold only values in the ranges deploy/config documents.
ConfigOutcome check_config_input(std::span<const std::uint8_t> input);

}  // namespace einlass::fuzz
