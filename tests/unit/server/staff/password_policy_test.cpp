#include "staff/password_policy.h"

#include <catch2/catch.hpp>

using namespace einlass;

TEST_CASE("a password has at least 10 characters and at most 1024 bytes", "[staff][password]") {
  CHECK(password_policy_violation("123456789") == "a password needs at least 10 characters");
  CHECK(password_policy_violation("") == "a password needs at least 10 characters");
  CHECK_FALSE(password_policy_violation("1234567890"));
  // Characters, not bytes: nine umlauts are 18 bytes and still too short; ten are enough.
  CHECK(password_policy_violation("äöüäöüäöü"));
  CHECK_FALSE(password_policy_violation("äöüäöüäöüß"));
  CHECK_FALSE(password_policy_violation(std::string(1024, 'x')));
  CHECK(password_policy_violation(std::string(1025, 'x')) ==
        "a password may have at most 1024 bytes");
  CHECK(password_policy_violation(std::string("0123456789\0abc", 14)));
}
