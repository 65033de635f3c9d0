#include "staff/random_bytes.h"

#include <openssl/err.h>
#include <openssl/rand.h>

#include <climits>
#include <cstdio>
#include <cstdlib>

namespace einlass {

RandomBytes system_random_bytes() {
  return [](unsigned char* out, std::size_t size) {
    while (size > 0) {
      const int chunk = size > INT_MAX ? INT_MAX : static_cast<int>(size);
      if (RAND_bytes(out, chunk) != 1) {
        // A predictable session token or salt is worse than no server: stop here.
        std::fprintf(stderr, "einlass: OpenSSL RAND_bytes failed\n");
        ERR_print_errors_fp(stderr);
        std::abort();
      }
      out += chunk;
      size -= static_cast<std::size_t>(chunk);
    }
  };
}

}  // namespace einlass
