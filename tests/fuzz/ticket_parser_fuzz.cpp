// libFuzzer entry for the ticket parser and verifier: arbitrary bytes as scanned text and as the
// decoded ticket body. See ticket_parser_check.cpp for the properties checked.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/ticket_parser_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (const auto broken = einlass::fuzz::check_ticket_parser_input({data, size})) {
    std::fprintf(stderr, "ticket parser property violated: %s\n", broken->c_str());
    std::abort();
  }
  return 0;
}
