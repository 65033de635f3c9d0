#include "ticket/signing_key.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace einlass;

namespace {

// RFC 8032, section 7.1, TEST 1, as PKCS#8 PEM.
constexpr const char* kRfc8032Test1Pem =
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
    "-----END PRIVATE KEY-----\n";

template <std::size_t N>
std::string hex(const std::array<std::uint8_t, N>& bytes) {
  std::string out;
  char buf[3];
  for (auto b : bytes) {
    std::snprintf(buf, sizeof buf, "%02x", unsigned{b});
    out += buf;
  }
  return out;
}

}  // namespace

TEST_CASE("signing follows RFC 8032 Ed25519 (test vector 1)", "[ticket][signing]") {
  const auto key = SigningKey::from_pem(kRfc8032Test1Pem);
  REQUIRE(key);
  CHECK(hex(key->public_key()) ==
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  CHECK(hex(key->sign({})) ==
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e3970"
        "1cf9b46bd25bf5f0595bbe24655141438e7a100b");
}

TEST_CASE("a generated key survives a PEM round trip and signs the same afterwards",
          "[ticket][signing]") {
  const SigningKey key = SigningKey::generate();
  const std::string pem = key.to_pem();
  CHECK_THAT(pem, Catch::StartsWith("-----BEGIN PRIVATE KEY-----"));
  const auto again = SigningKey::from_pem(pem);
  REQUIRE(again);
  CHECK(again->public_key() == key.public_key());
  const std::vector<std::uint8_t> message = {1, 2, 3};
  CHECK(again->sign(message) == key.sign(message));
}

TEST_CASE("generated keys differ and sign deterministically", "[ticket][signing]") {
  const SigningKey a = SigningKey::generate();
  const SigningKey b = SigningKey::generate();
  CHECK(a.public_key() != b.public_key());
  const std::vector<std::uint8_t> message = {'E', 'i', 'n', 'l', 'a', 's', 's'};
  CHECK(a.sign(message) == a.sign(message));
  CHECK(a.sign(message) != b.sign(message));
  CHECK(a.sign(message) != a.sign(std::vector<std::uint8_t>{'e', 'i', 'n', 'l', 'a', 's', 's'}));
}

TEST_CASE("from_pem refuses garbage, other key types and encrypted keys without prompting",
          "[ticket][signing]") {
  CHECK_FALSE(SigningKey::from_pem(""));
  CHECK_FALSE(SigningKey::from_pem("not a key"));
  CHECK_FALSE(SigningKey::from_pem(std::string(100'000, 'A')));
  const auto ec = SigningKey::from_pem(
      "-----BEGIN PRIVATE KEY-----\n"
      "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgwTrclnLld+TZjLF4\n"
      "wsSWF6ELIYMEjmqm6fi4542m1PKhRANCAAQWYZPoFc/ninVudZ0RVwTet74ydOH+\n"
      "wdHfi2qR9zCLwwLjC6yzk49kTQJDbiPNUAG+Hqam2eIl4inImU8qTzyu\n"
      "-----END PRIVATE KEY-----\n");
  REQUIRE_FALSE(ec);
  CHECK_THAT(ec.error(), Catch::Contains("Ed25519"));
  // An Ed25519 key encrypted with the passphrase "secret": refused, and nothing reads the tty.
  const auto encrypted = SigningKey::from_pem(
      "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
      "MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAj5CJ/ro8JLVwICCAAw\n"
      "DAYIKoZIhvcNAgkFADAdBglghkgBZQMEAQIEEOlSj3wP/5dgzsYTGomTAoQEQEUN\n"
      "i7wtH9EkvIXKpX8dN+lXMFmh9JLYnLM4D2YlDXXnY0U5YsbAnLQfJvVr3Ar1CEcv\n"
      "oUq2gAP8ybAsCUZpNpI=\n"
      "-----END ENCRYPTED PRIVATE KEY-----\n");
  REQUIRE_FALSE(encrypted);
  CHECK_THAT(encrypted.error(), Catch::Contains("encrypted"));
  // A public key is not a signing key.
  CHECK_FALSE(
      SigningKey::from_pem("-----BEGIN PUBLIC KEY-----\n"
                           "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
                           "-----END PUBLIC KEY-----\n"));
}
