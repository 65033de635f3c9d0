#include "ticket/base44.h"

#include <catch2/catch.hpp>

#include "sample_tickets.h"

#include <random>
#include <vector>

using namespace einlass;

namespace {
std::vector<std::uint8_t> bytes(std::initializer_list<int> values) {
  std::vector<std::uint8_t> out;
  for (int v : values) out.push_back(static_cast<std::uint8_t>(v));
  return out;
}
}  // namespace

TEST_CASE("base44 turns two bytes into three characters and a last single byte into two",
          "[ticket][base44]") {
  CHECK(base44_encode(bytes({})) == "");
  CHECK(base44_encode(bytes({0, 0})) == "000");
  CHECK(base44_encode(bytes({0})) == "00");
  // 0x0102 = 258 = 38 + 5 * 44: least significant digit first, as in RFC 9285.
  CHECK(base44_encode(bytes({1, 2})) == "*50");
  CHECK(base44_encode(bytes({0xFF})) == "Z5");
  CHECK(base44_encode(bytes({0xFF, 0xFF})) == "J%X");
  CHECK(base44_encoded_size(0) == 0);
  CHECK(base44_encoded_size(1) == 2);
  CHECK(base44_encoded_size(2) == 3);
  CHECK(base44_encoded_size(201) == 302);
}

static_assert(kBase44Alphabet == test::kQrAlphanumericWithoutSpace,
              "base44 is the QR alphanumeric alphabet without the space, in that order");

TEST_CASE("base44 output has no spaces and no lower case, so trimming scanners cannot damage it",
          "[ticket][base44]") {
  std::vector<std::uint8_t> all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<std::uint8_t>(i));
  for (char c : base44_encode(all)) {
    CHECK(test::kQrAlphanumericWithoutSpace.find(c) != std::string_view::npos);
  }
}

TEST_CASE("base44 round trips every two-byte value and random data of every length up to 300",
          "[ticket][base44]") {
  for (unsigned v = 0; v <= 0xFFFF; ++v) {
    const auto in = bytes({int(v >> 8), int(v & 0xFF)});
    const auto out = base44_decode(base44_encode(in));
    REQUIRE(out);
    REQUIRE(*out == in);
  }
  std::mt19937 rng{44};
  for (std::size_t n = 0; n <= 300; ++n) {
    std::vector<std::uint8_t> in(n);
    for (auto& b : in) b = static_cast<std::uint8_t>(rng());
    const auto text = base44_encode(in);
    CHECK(text.size() == base44_encoded_size(n));
    const auto out = base44_decode(text);
    REQUIRE(out);
    CHECK(*out == in);
  }
}

TEST_CASE("base44 decoding refuses characters outside the alphabet, spaces and lower case",
          "[ticket][base44]") {
  for (const char* text : {"00 ", " 00", "0a0", "abc", "00#", "0\n0", "000\xC3\xA4"}) {
    INFO(text);
    const auto out = base44_decode(text);
    REQUIRE_FALSE(out);
    CHECK_THAT(out.error(), Catch::Contains("is not a ticket character"));
  }
  CHECK_THAT(base44_decode("0a0").error(), Catch::Contains("'a' at position 1"));
  CHECK_THAT(base44_decode("0 0").error(), Catch::Contains("a space at position 1"));
  CHECK_THAT(base44_decode(std::string_view{"0\0"
                                            "0",
                                            3})
                 .error(),
             Catch::Contains("byte 0x00 at position 1"));
}

TEST_CASE("base44 decoding refuses lengths that leave a single dangling character",
          "[ticket][base44]") {
  for (const char* text : {"0", "0000", "0000000"}) {
    INFO(text);
    const auto out = base44_decode(text);
    REQUIRE_FALSE(out);
    CHECK_THAT(out.error(), Catch::Contains("length"));
  }
}

TEST_CASE("base44 decoding refuses groups whose value does not fit their bytes",
          "[ticket][base44]") {
  // "J%X" is 65535, the largest three-character group; "K%X" would be 65536.
  CHECK(base44_decode("J%X"));
  CHECK_FALSE(base44_decode("K%X"));
  CHECK_FALSE(base44_decode(":::"));
  // "Z5" is 255, the largest two-character group.
  CHECK(base44_decode("Z5"));
  CHECK_FALSE(base44_decode("$5"));
  CHECK_FALSE(base44_decode("000::"));
  CHECK_THAT(base44_decode("000::").error(), Catch::Contains("position 3"));
}
