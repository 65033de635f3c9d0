// libFuzzer entry for the server's and the kiosk's TOML config files. See config_check.cpp for
// the properties checked.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/config_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (const auto outcome = einlass::fuzz::check_config_input({data, size}); outcome.broken) {
    std::fprintf(stderr, "config property violated: %s\n", outcome.broken->c_str());
    std::abort();
  }
  return 0;
}
