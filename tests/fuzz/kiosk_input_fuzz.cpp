// libFuzzer entry for what reaches a kiosk from outside: its config file, the commands its
// screen page sends, device URIs, bytes from a serial scanner and JPEG camera frames. See
// kiosk_input_check.cpp.
#include <cstddef>
#include <cstdint>

#include "fuzz/kiosk_input_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  einlass::fuzz::check_kiosk_input({data, size});
  return 0;
}
