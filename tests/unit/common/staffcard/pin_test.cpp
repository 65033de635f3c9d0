#include "staffcard/pin.h"

#include <catch2/catch.hpp>

#include <string>

#include "sample_staff_cards.h"

using namespace einlass;

TEST_CASE("a PIN of 4 to 8 digits that is not trivial follows the policy", "[staffcard][pin]") {
  for (const char* pin : {"2580", "1357", "90210", "123457", "7391", "12345670", "0009"}) {
    INFO(pin);
    CHECK(check_pin_policy(pin));
  }
}

TEST_CASE("the PIN policy refuses short, long and non-digit PINs with the rule",
          "[staffcard][pin]") {
  for (const char* pin : {"", "258", "123456789", "2580 ", "25a0", "٢٥٨٠", "-258"}) {
    INFO(pin);
    const auto result = check_pin_policy(pin);
    REQUIRE_FALSE(result);
    CHECK_THAT(result.error(), Catch::Contains("digits"));
  }
  CHECK_THAT(check_pin_policy("258").error(), Catch::Contains("4 to 8 digits, not 3"));
}

TEST_CASE("the PIN policy refuses PINs of one repeated digit", "[staffcard][pin]") {
  for (const char* pin : {"0000", "1111", "99999999", "55555"}) {
    INFO(pin);
    const auto result = check_pin_policy(pin);
    REQUIRE_FALSE(result);
    CHECK_THAT(result.error(), Catch::Contains("the same"));
  }
}

TEST_CASE("the PIN policy refuses digits counting up or down, also across 9 to 0",
          "[staffcard][pin]") {
  for (const char* pin : {"1234", "0123", "12345678", "7890", "890123", "3456"}) {
    INFO(pin);
    const auto result = check_pin_policy(pin);
    REQUIRE_FALSE(result);
    CHECK_THAT(result.error(), Catch::Contains("count up"));
  }
  for (const char* pin : {"4321", "9876", "3210", "1098", "87654321"}) {
    INFO(pin);
    const auto result = check_pin_policy(pin);
    REQUIRE_FALSE(result);
    CHECK_THAT(result.error(), Catch::Contains("count down"));
  }
}

TEST_CASE("the PIN verifier is scrypt with the card's parameters (known answers from openssl kdf)",
          "[staffcard][pin]") {
  // openssl kdf -keylen 16 -kdfopt pass:2580 -kdfopt hexsalt:000102...0f -kdfopt n:1024
  //   -kdfopt r:8 -kdfopt p:1 SCRYPT
  const std::array<std::uint8_t, kPinHashSize> fast{0x49, 0xA7, 0x66, 0x55, 0x0A, 0x59, 0xCA, 0xD7,
                                                    0xE9, 0x54, 0x11, 0x9B, 0x79, 0x80, 0xB5, 0x79};
  CHECK(make_pin_verifier("2580", test::kFastPinHash, test::kFixedSalt).hash == fast);
  // The same with n:16384 p:2, the default parameters.
  const std::array<std::uint8_t, kPinHashSize> standard{0xF8, 0x68, 0x44, 0x46, 0x34, 0x39,
                                                        0x04, 0x67, 0xA9, 0x12, 0x17, 0xA5,
                                                        0xFA, 0xE5, 0xFA, 0xE7};
  const PinVerifier v = make_pin_verifier("2580", kDefaultPinHashParams, test::kFixedSalt);
  CHECK(v.hash == standard);
  CHECK(v.params == PinHashParams{14, 8, 2});
  CHECK(v.salt == test::kFixedSalt);
}

TEST_CASE("check_pin accepts the right PIN and refuses every other", "[staffcard][pin]") {
  const PinVerifier v = make_pin_verifier("2580", test::kFastPinHash);
  CHECK(check_pin(v, "2580"));
  for (const char* wrong : {"2581", "0258", "25800", "258", "", "2580 ", " 2580", "2850"}) {
    INFO(wrong);
    CHECK_FALSE(check_pin(v, wrong));
  }
  CHECK_FALSE(check_pin(v, std::string(65, '2')));
  const StaffCard card = test::sample_staff_card("Anna Schäfer", "7391");
  CHECK(check_pin(card, "7391"));
  CHECK_FALSE(check_pin(card, "2580"));
}

TEST_CASE("every verifier gets its own random salt", "[staffcard][pin]") {
  const PinVerifier a = make_pin_verifier("2580", test::kFastPinHash);
  const PinVerifier b = make_pin_verifier("2580", test::kFastPinHash);
  CHECK(a.salt != b.salt);
  CHECK(a.hash != b.hash);  // the same PIN on two cards does not show
  CHECK(check_pin(a, "2580"));
  CHECK(check_pin(b, "2580"));
}

TEST_CASE("a verifier with an altered salt, hash or parameters refuses the right PIN",
          "[staffcard][pin]") {
  const PinVerifier v = make_pin_verifier("2580", test::kFastPinHash);
  for (std::size_t i = 0; i < kPinSaltSize; ++i) {
    PinVerifier w = v;
    w.salt[i] ^= 0x01;
    CHECK_FALSE(check_pin(w, "2580"));
  }
  for (std::size_t i = 0; i < kPinHashSize; ++i) {
    PinVerifier w = v;
    w.hash[i] ^= 0x80;
    CHECK_FALSE(check_pin(w, "2580"));
  }
  PinVerifier other_r = v;
  other_r.params.r = 4;
  CHECK_FALSE(check_pin(other_r, "2580"));
  PinVerifier out_of_range = v;
  out_of_range.params.log2_n = 9;  // below the limit: refused without hashing
  CHECK_FALSE(check_pin(out_of_range, "2580"));
}

TEST_CASE("the PIN hash parameters are bounded in time and memory", "[staffcard][pin]") {
  CHECK(check_pin_hash_params(kDefaultPinHashParams));
  CHECK(check_pin_hash_params({10, 1, 1}));
  CHECK(check_pin_hash_params({19, 1, 16}));
  CHECK(check_pin_hash_params({15, 16, 1}));  // exactly 64 MiB
  CHECK_THAT(check_pin_hash_params({9, 8, 1}).error(), Catch::Contains("2^10 to 2^20"));
  CHECK_THAT(check_pin_hash_params({21, 1, 1}).error(), Catch::Contains("2^10 to 2^20"));
  CHECK_THAT(check_pin_hash_params({14, 0, 1}).error(), Catch::Contains("r must be"));
  CHECK_THAT(check_pin_hash_params({14, 33, 1}).error(), Catch::Contains("r must be"));
  CHECK_THAT(check_pin_hash_params({14, 8, 0}).error(), Catch::Contains("p must be"));
  CHECK_THAT(check_pin_hash_params({14, 8, 17}).error(), Catch::Contains("p must be"));
  CHECK_THAT(check_pin_hash_params({16, 16, 1}).error(), Catch::Contains("128 MiB"));
}
