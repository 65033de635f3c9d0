#pragma once
// Where secrets come from: tokens and salts. Tests inject a deterministic source.
#include <cstddef>
#include <functional>

namespace einlass {

using RandomBytes = std::function<void(unsigned char* out, std::size_t size)>;

// OpenSSL's RAND_bytes. A process that cannot get randomness must not hand out tokens: it aborts.
RandomBytes system_random_bytes();

}  // namespace einlass
