#pragma once
// Staff PINs: the rule a new PIN must follow, and the slow salted hash (scrypt) that a card
// carries instead of the PIN.
#include <array>
#include <expected>
#include <string>
#include <string_view>

#include "staffcard/staff_card.h"

namespace einlass {

inline constexpr std::size_t kMinPinDigits = 4;
inline constexpr std::size_t kMaxPinDigits = 8;

// 4 to 8 digits, and not one a bystander or a guesser tries first: all digits the same (1111),
// counting up or down by one (1234, 7890, 9876). The message says what is wrong, in English.
std::expected<void, std::string> check_pin_policy(std::string_view pin);

// The verifier of `pin` with a fresh random salt. Requires check_pin_hash_params(params); aborts
// when they are out of range or OpenSSL cannot hash (out of memory), rather than issue a card
// whose PIN no kiosk could check.
PinVerifier make_pin_verifier(std::string_view pin, PinHashParams params = kDefaultPinHashParams);

// The same with a given salt, for tests and reproducible fixtures.
PinVerifier make_pin_verifier(std::string_view pin, PinHashParams params,
                              const std::array<std::uint8_t, kPinSaltSize>& salt);

// True when `pin` is the PIN the verifier was made from. Slow by design (see
// kDefaultPinHashParams: ~65 ms here), so keep it off a thread that must stay responsive. The
// hashes are compared in constant time. Parameters out of range, a PIN longer than 64 bytes or a
// failure inside OpenSSL give false: a kiosk never unlocks on doubt.
bool check_pin(const PinVerifier& verifier, std::string_view pin);
bool check_pin(const StaffCard& card, std::string_view pin);

}  // namespace einlass
