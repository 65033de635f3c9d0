#include "sync/handshake.h"

#include <catch2/catch.hpp>

using namespace einlass;

TEST_CASE("a version offer goes both ways and the highest shared version wins", "[sync]") {
  const VersionOffer offer{{1, 2}, "0.2.0"};
  auto parsed = parse_version_offer(encode_version_offer(offer));
  REQUIRE(parsed);
  CHECK(*parsed == offer);
  const std::vector<int> ours{1, 2, 3};
  CHECK(negotiate_version(ours, offer, "server", "kiosk") == 2);
}

TEST_CASE("no shared version names both sides and the one to update", "[sync]") {
  const std::vector<int> server{1};
  auto refused = negotiate_version(server, VersionOffer{{2, 3}, "0.9.0"}, "server", "kiosk");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == SyncError::Kind::unsupported_version);
  CHECK(refused.error().message ==
        "the server speaks sync protocol 1, the kiosk offers 2, 3 (software 0.9.0): update the "
        "server");
  const std::vector<int> kiosk{4};
  CHECK(negotiate_version(kiosk, VersionOffer{{1}, "0.1.0"}, "kiosk", "server")
            .error()
            .message.ends_with("update the server"));
}

TEST_CASE("a version offer that is not ours is refused with the reason", "[sync]") {
  auto message = [](std::string_view payload) {
    auto r = parse_version_offer(payload);
    REQUIRE_FALSE(r);
    return r.error().message;
  };
  CHECK(message("GET / HTTP/1.1") == "version: not JSON");
  CHECK(message("[1]") == "version: not a JSON object");
  CHECK(message(R"({"protocol":"other","versions":[1],"software":"x"})")
            .find("not an Einlass sync peer") != std::string::npos);
  CHECK(
      message(R"({"protocol":"einlass-sync","versions":[],"software":"x"})").find("\"versions\"") !=
      std::string::npos);
  CHECK(message(R"({"protocol":"einlass-sync","versions":["1"],"software":"x"})")
            .find("whole numbers") != std::string::npos);
  CHECK(message(R"({"protocol":"einlass-sync","versions":[1]})") ==
        "version: missing field \"software\"");
}

TEST_CASE("hello carries kiosk, software and cursor, checked", "[sync]") {
  const Hello hello{"K1", "0.1.0", "42:1700000000000"};
  CHECK(parse_hello(encode_hello(hello)) == hello);
  CHECK(parse_hello(R"({"kiosk":"K1","software":"0.1.0","cursor":""})"));
  CHECK(parse_hello(R"({"kiosk":"K 1","software":"0.1.0","cursor":""})")
            .error()
            .message.find("letters, digits") != std::string::npos);
  CHECK(parse_hello(R"({"kiosk":"K1","software":"","cursor":""})").error().message ==
        "hello: \"software\" is empty");
  CHECK(parse_hello(R"({"kiosk":"K1","software":"0.1\u0007","cursor":""})")
            .error()
            .message.find("not text") != std::string::npos);
  CHECK(parse_hello(R"({"kiosk":"K1","software":"0.1.0","cursor":7})").error().message ==
        "hello: \"cursor\" must be a string");
}
