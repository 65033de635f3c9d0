#pragma once
// A fixed pseudo-random byte stream (splitmix64) for tests and fuzzers: every token differs and a
// run repeats exactly. It has the shape of the staff layer's RandomBytes.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace einlass::test {

inline std::function<void(unsigned char*, std::size_t)> seeded_random(std::uint64_t seed = 1) {
  auto state = std::make_shared<std::uint64_t>(seed);
  return [state](unsigned char* out, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
      std::uint64_t z = (*state += 0x9E3779B97F4A7C15u);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
      out[i] = static_cast<unsigned char>(z ^ (z >> 31));
    }
  };
}

}  // namespace einlass::test
