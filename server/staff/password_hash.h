#pragma once
// Staff passwords as Argon2id encoded strings ("$argon2id$v=19$m=65536,t=3,p=1$salt$hash"): the
// salt and the cost travel inside, so a stored hash stays verifiable after the cost is raised.
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "staff/random_bytes.h"

namespace einlass {

// What one hash costs. The default is for real use (about a quarter second and 64 MiB on a
// small server, per attempt, for an attacker too); tests pass a tiny one to stay fast.
struct PasswordCost {
  std::uint32_t time_cost = 3;           // passes over the memory
  std::uint32_t memory_kib = 64 * 1024;  // 64 MiB
  std::uint32_t parallelism = 1;
  bool operator==(const PasswordCost&) const = default;
};

// Cheap enough for unit tests; never for stored accounts of a real event.
inline constexpr PasswordCost kTestPasswordCost{1, 8, 1};

// A fresh 16-byte salt from `random`, a 32-byte hash. The error says what libargon2 refused
// (e.g. too little memory); it never contains the password.
std::expected<std::string, std::string> hash_password(std::string_view password,
                                                      const PasswordCost& cost,
                                                      const RandomBytes& random);

enum class PasswordCheck { match, mismatch, damaged };

// Constant time in the password's correctness; `damaged` when `encoded` is not an Argon2id hash.
PasswordCheck verify_password(std::string_view encoded, std::string_view password);

// A well-formed hash no password matches, with `cost`: verifying against it for an unknown login
// takes as long as for a real one, so the time of an answer does not tell which logins exist.
std::string unmatchable_password_hash(const PasswordCost& cost);

}  // namespace einlass
