#include "staff/secret_text.h"

#include <catch2/catch.hpp>

#include <set>

#include "staff/login_name.h"
#include "staff/staff_auth.h"
#include "staff_test_support.h"

using namespace einlass;

namespace {

std::string b64(std::string_view text) {
  return base64url(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

}  // namespace

TEST_CASE("base64url follows RFC 4648 without padding", "[staff][token]") {
  CHECK(b64("") == "");
  CHECK(b64("f") == "Zg");
  CHECK(b64("fo") == "Zm8");
  CHECK(b64("foo") == "Zm9v");
  CHECK(b64("foob") == "Zm9vYg");
  CHECK(b64("fooba") == "Zm9vYmE");
  CHECK(b64("foobar") == "Zm9vYmFy");
  const unsigned char url_safe[] = {0xfb, 0xff, 0xbf};
  CHECK(base64url(url_safe, 3) == "-_-_");  // "+/+/" in plain base64
}

TEST_CASE("tokens are 32 random bytes as 43 base64url characters", "[staff][token]") {
  const auto random = test::seeded_random();
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    auto token = random_token(random);
    CHECK(token.size() == 43);
    CHECK(looks_like_token(token));
    seen.insert(token);
  }
  CHECK(seen.size() == 100);
  CHECK(random_token(test::counting_bytes) ==
        base64url(std::array<unsigned char, 32>{1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11,
                                                12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                                                23, 24, 25, 26, 27, 28, 29, 30, 31, 32}
                      .data(),
                  32));
  CHECK_FALSE(looks_like_token(""));
  CHECK_FALSE(looks_like_token(std::string(42, 'a')));
  CHECK_FALSE(looks_like_token(std::string(44, 'a')));
  CHECK_FALSE(looks_like_token(std::string(42, 'a') + "="));
  CHECK_FALSE(looks_like_token(std::string(42, 'a') + "+"));
}

TEST_CASE("sha256_hex gives the standard digest in lower-case hex", "[staff][token]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("same_secret compares whole secrets", "[staff][token]") {
  CHECK(same_secret("abc", "abc"));
  CHECK(same_secret("", ""));
  CHECK_FALSE(same_secret("abc", "abd"));
  CHECK_FALSE(same_secret("abc", "ab"));
  CHECK_FALSE(same_secret("", "a"));
  CHECK_FALSE(same_secret(std::string("a\0b", 3), std::string("a\0c", 3)));
}

TEST_CASE("logins fold ASCII capitals and allow a-z, 0-9, '.', '_', '-'", "[staff][login]") {
  CHECK(normalise_login("Anna.Schmidt") == "anna.schmidt");
  CHECK(normalise_login("MÜLLER") == "mÜller");  // only ASCII folds; the rest is refused below
  CHECK(valid_login("anna"));
  CHECK(valid_login("a.b_c-9"));
  CHECK(valid_login(std::string(64, 'a')));
  CHECK_FALSE(valid_login(std::string(65, 'a')));
  CHECK_FALSE(valid_login(""));
  CHECK_FALSE(valid_login("Anna"));
  CHECK_FALSE(valid_login("anna schmidt"));
  CHECK_FALSE(valid_login("müller"));
  CHECK_FALSE(valid_login("anna'--"));
}
