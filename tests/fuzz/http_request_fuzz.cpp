// libFuzzer entry for the dashboard's request handling without sockets: requests in fields and
// raw bytes through Beast's parser, answered by a DashboardApi over a temp server database. See
// http_request_check.h for the input format and the properties checked.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/http_request_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One dashboard for the whole run; destroyed at exit, which removes its temp folder.
  static einlass::fuzz::HttpRequestFuzzer fuzzer;
  if (const auto outcome = fuzzer.check({data, size}); outcome.broken) {
    std::fprintf(stderr, "dashboard request property violated: %s\n", outcome.broken->c_str());
    std::abort();
  }
  return 0;
}
