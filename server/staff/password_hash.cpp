#include "staff/password_hash.h"

#include <argon2.h>

#include <array>

namespace einlass {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

}  // namespace

std::expected<std::string, std::string> hash_password(std::string_view password,
                                                      const PasswordCost& cost,
                                                      const RandomBytes& random) {
  std::array<unsigned char, kSaltBytes> salt{};
  random(salt.data(), salt.size());
  std::string encoded(argon2_encodedlen(cost.time_cost, cost.memory_kib, cost.parallelism,
                                        kSaltBytes, kHashBytes, Argon2_id),
                      '\0');
  const int rc = argon2id_hash_encoded(cost.time_cost, cost.memory_kib, cost.parallelism,
                                       password.data(), password.size(), salt.data(), salt.size(),
                                       kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) {
    return std::unexpected(std::string("hashing the password failed: ") + argon2_error_message(rc));
  }
  encoded.resize(encoded.find('\0'));  // argon2_encodedlen counts the terminator and a margin
  return encoded;
}

PasswordCheck verify_password(std::string_view encoded, std::string_view password) {
  // libargon2 wants a C string; a stored hash never contains a NUL.
  const std::string terminated(encoded);
  if (terminated.find('\0') != std::string::npos) return PasswordCheck::damaged;
  const int rc = argon2id_verify(terminated.c_str(), password.data(), password.size());
  if (rc == ARGON2_OK) return PasswordCheck::match;
  if (rc == ARGON2_VERIFY_MISMATCH) return PasswordCheck::mismatch;
  return PasswordCheck::damaged;
}

std::string unmatchable_password_hash(const PasswordCost& cost) {
  // 16 zero bytes of salt and 32 of hash, in the unpadded base64 Argon2 uses. Verifying computes
  // the full hash before comparing, and nothing hashes to all zeros.
  return "$argon2id$v=19$m=" + std::to_string(cost.memory_kib) +
         ",t=" + std::to_string(cost.time_cost) + ",p=" + std::to_string(cost.parallelism) + "$" +
         std::string(22, 'A') + "$" + std::string(43, 'A');
}

}  // namespace einlass
