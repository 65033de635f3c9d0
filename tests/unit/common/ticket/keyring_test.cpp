#include "ticket/keyring.h"

#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "ticket/signing_key.h"

using namespace einlass;

namespace {
const std::vector<std::uint8_t> kMessage = {'t', 'i', 'c', 'k', 'e', 't'};
}

TEST_CASE("a keyring holds several public keys by id so that signing keys can be rotated",
          "[ticket][keyring]") {
  const SigningKey old_key = SigningKey::generate();
  const SigningKey new_key = SigningKey::generate();
  Keyring ring{7};
  CHECK(ring.event_id() == 7);
  CHECK_FALSE(ring.contains(1));
  REQUIRE(ring.add(1, old_key.public_key()));
  REQUIRE(ring.add(2, new_key.public_key()));
  CHECK(ring.contains(1));
  CHECK(ring.contains(2));
  CHECK(ring.verify(1, kMessage, old_key.sign(kMessage)));
  CHECK(ring.verify(2, kMessage, new_key.sign(kMessage)));
}

TEST_CASE("adding the same key again is harmless; another key under a taken id is refused",
          "[ticket][keyring]") {
  const SigningKey a = SigningKey::generate();
  const SigningKey b = SigningKey::generate();
  Keyring ring{7};
  REQUIRE(ring.add(1, a.public_key()));
  CHECK(ring.add(1, a.public_key()));
  const auto clash = ring.add(1, b.public_key());
  REQUIRE_FALSE(clash);
  CHECK_THAT(clash.error(), Catch::Contains("key id 1"));
  CHECK(ring.verify(1, kMessage, a.sign(kMessage)));
  CHECK_FALSE(ring.verify(1, kMessage, b.sign(kMessage)));
}

TEST_CASE("removing a key reports whether it was there and stops its signatures verifying",
          "[ticket][keyring]") {
  const SigningKey a = SigningKey::generate();
  Keyring ring{7};
  REQUIRE(ring.add(3, a.public_key()));
  CHECK(ring.remove(3));
  CHECK_FALSE(ring.remove(3));
  CHECK_FALSE(ring.contains(3));
  CHECK_FALSE(ring.verify(3, kMessage, a.sign(kMessage)));
}

TEST_CASE("a keyring verifies with the key of the given id only, and only the signed message",
          "[ticket][keyring]") {
  const SigningKey a = SigningKey::generate();
  const SigningKey b = SigningKey::generate();
  Keyring ring{7};
  REQUIRE(ring.add(1, a.public_key()));
  REQUIRE(ring.add(2, b.public_key()));
  const auto signature = a.sign(kMessage);
  CHECK(ring.verify(1, kMessage, signature));
  CHECK_FALSE(ring.verify(2, kMessage, signature));
  CHECK_FALSE(ring.verify(9, kMessage, signature));
  auto altered = kMessage;
  altered.back() ^= 1;
  CHECK_FALSE(ring.verify(1, altered, signature));
  auto bad = signature;
  bad[10] ^= 0x80;
  CHECK_FALSE(ring.verify(1, kMessage, bad));
}

TEST_CASE("a moved keyring keeps its keys", "[ticket][keyring]") {
  const SigningKey a = SigningKey::generate();
  Keyring ring{7};
  REQUIRE(ring.add(1, a.public_key()));
  Keyring moved = std::move(ring);
  CHECK(moved.event_id() == 7);
  CHECK(moved.verify(1, kMessage, a.sign(kMessage)));
}
