#include "staffcard/pin.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace einlass {

namespace {

constexpr std::size_t kMaxPinInputBytes = 64;

[[noreturn]] void fatal(const char* what) {
  std::fprintf(stderr, "einlass: cannot make a PIN verifier: %s\n", what);
  ERR_print_errors_fp(stderr);
  std::abort();
}

std::optional<std::array<std::uint8_t, kPinHashSize>> scrypt(
    std::string_view pin, PinHashParams params,
    const std::array<std::uint8_t, kPinSaltSize>& salt) {
  if (!check_pin_hash_params(params)) return std::nullopt;
  const std::uint64_t n = std::uint64_t{1} << params.log2_n;
  // OpenSSL refuses above 32 MiB unless told; the parameter check bounds the need to 64 MiB
  // (plus the 128·r·p lane buffer).
  const std::uint64_t max_memory = (std::uint64_t{128} * params.r * (n + 2 + params.p)) + 4096;
  std::array<std::uint8_t, kPinHashSize> out{};
  if (EVP_PBE_scrypt(pin.data(), pin.size(), salt.data(), salt.size(), n, params.r, params.p,
                     max_memory, out.data(), out.size()) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  return out;
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// True when every digit follows the one before by `step` (mod 10, so that 7890 counts too).
bool runs_by(std::string_view pin, int step) {
  for (std::size_t i = 1; i < pin.size(); ++i) {
    if ((pin[i - 1] - '0' + step + 10) % 10 != pin[i] - '0') return false;
  }
  return true;
}

}  // namespace

std::expected<void, std::string> check_pin_policy(std::string_view pin) {
  if (!all_digits(pin)) return std::unexpected("a PIN consists of digits (0-9) only");
  if (pin.size() < kMinPinDigits || pin.size() > kMaxPinDigits) {
    return std::unexpected("a PIN has " + std::to_string(kMinPinDigits) + " to " +
                           std::to_string(kMaxPinDigits) + " digits, not " +
                           std::to_string(pin.size()));
  }
  if (runs_by(pin, 0)) {
    return std::unexpected("all digits of the PIN are the same (like 1111): too easy to guess");
  }
  if (runs_by(pin, 1)) {
    return std::unexpected("the PIN's digits count up (like 1234): too easy to guess");
  }
  if (runs_by(pin, -1)) {
    return std::unexpected("the PIN's digits count down (like 4321): too easy to guess");
  }
  return {};
}

PinVerifier make_pin_verifier(std::string_view pin, PinHashParams params) {
  std::array<std::uint8_t, kPinSaltSize> salt{};
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) fatal("RAND_bytes");
  return make_pin_verifier(pin, params, salt);
}

PinVerifier make_pin_verifier(std::string_view pin, PinHashParams params,
                              const std::array<std::uint8_t, kPinSaltSize>& salt) {
  if (auto ok = check_pin_hash_params(params); !ok) {
    std::fprintf(stderr, "einlass: make_pin_verifier: %s\n", ok.error().c_str());
    std::abort();
  }
  auto hash = scrypt(pin, params, salt);
  if (!hash) fatal("EVP_PBE_scrypt");
  return PinVerifier{params, salt, *hash};
}

bool check_pin(const PinVerifier& verifier, std::string_view pin) {
  if (pin.size() > kMaxPinInputBytes) return false;
  const auto hash = scrypt(pin, verifier.params, verifier.salt);
  if (!hash) return false;
  return CRYPTO_memcmp(hash->data(), verifier.hash.data(), kPinHashSize) == 0;
}

bool check_pin(const StaffCard& card, std::string_view pin) {
  return check_pin(card.pin, pin);
}

}  // namespace einlass
