#include "staff/password_hash.h"

#include <catch2/catch.hpp>

#include "staff_test_support.h"

using namespace einlass;

TEST_CASE("a hashed password verifies, a wrong one does not", "[staff][password]") {
  auto hash = hash_password("correct horse battery", kTestPasswordCost, test::seeded_random());
  REQUIRE(hash);
  CHECK(verify_password(*hash, "correct horse battery") == PasswordCheck::match);
  CHECK(verify_password(*hash, "correct horse batterY") == PasswordCheck::mismatch);
  CHECK(verify_password(*hash, "") == PasswordCheck::mismatch);
  CHECK(verify_password(*hash, std::string("correct horse battery\0", 22)) ==
        PasswordCheck::mismatch);
  CHECK(hash->find("correct") == std::string::npos);
}

TEST_CASE("the encoded hash is Argon2id with the configured cost and the injected salt",
          "[staff][password]") {
  auto tiny = hash_password("correct horse battery", {2, 16, 1}, test::counting_bytes);
  REQUIRE(tiny);
  // Salt bytes 1..16, in unpadded base64.
  CHECK(tiny->starts_with("$argon2id$v=19$m=16,t=2,p=1$AQIDBAUGBwgJCgsMDQ4PEA$"));
  CHECK(tiny->size() == std::string("$argon2id$v=19$m=16,t=2,p=1$").size() + 22 + 1 + 43);

  // The same salt and password give the same hash; another salt another one.
  CHECK(hash_password("correct horse battery", {2, 16, 1}, test::counting_bytes) == *tiny);
  auto other = hash_password("correct horse battery", {2, 16, 1}, system_random_bytes());
  REQUIRE(other);
  CHECK(*other != *tiny);
  CHECK(verify_password(*other, "correct horse battery") == PasswordCheck::match);
}

TEST_CASE("the default cost is t=3, 64 MiB, one lane", "[staff][password]") {
  const PasswordCost cost;
  CHECK(cost == PasswordCost{3, 65536, 1});
  auto hash = hash_password("correct horse battery", cost, system_random_bytes());
  REQUIRE(hash);
  CHECK(hash->starts_with("$argon2id$v=19$m=65536,t=3,p=1$"));
}

TEST_CASE("a cost libargon2 refuses is an error without the password", "[staff][password]") {
  auto refused = hash_password("correct horse battery", {1, 1, 1}, test::seeded_random());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().find("hashing the password failed") != std::string::npos);
  CHECK(refused.error().find("horse") == std::string::npos);
}

TEST_CASE("a stored value that is not an Argon2id hash is damaged, not a match",
          "[staff][password]") {
  auto argon2i =
      std::string("$argon2i$v=19$m=8,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$") + std::string(43, 'A');
  for (const auto& stored : {std::string("correct horse battery"), std::string(""),
                             std::string("$argon2id$garbage"), argon2i}) {
    INFO(stored);
    CHECK(verify_password(stored, "correct horse battery") == PasswordCheck::damaged);
  }
}

TEST_CASE("the unmatchable hash is well formed, carries the cost and matches nothing",
          "[staff][password]") {
  const auto hash = unmatchable_password_hash({2, 16, 1});
  CHECK(hash.starts_with("$argon2id$v=19$m=16,t=2,p=1$"));
  for (const auto* password : {"", "correct horse battery", "AAAAAAAAAA"}) {
    CHECK(verify_password(hash, password) == PasswordCheck::mismatch);
  }
  CHECK(unmatchable_password_hash({}).starts_with("$argon2id$v=19$m=65536,t=3,p=1$"));
}
