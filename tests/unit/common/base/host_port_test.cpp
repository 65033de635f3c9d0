#include "base/host_port.h"

#include <catch2/catch.hpp>

using namespace einlass;

TEST_CASE("host:port with names, IPv4 and bracketed IPv6", "[base]") {
  CHECK(parse_host_port("0.0.0.0:7443", false) == HostPort{"0.0.0.0", 7443});
  CHECK(parse_host_port("einlass.local:1", false) == HostPort{"einlass.local", 1});
  CHECK(parse_host_port("[::1]:7443", false) == HostPort{"::1", 7443});
  CHECK(parse_host_port("127.0.0.1:0", true) == HostPort{"127.0.0.1", 0});
  CHECK(format_host_port({"::", 7443}) == "[::]:7443");
  CHECK(format_host_port({"10.0.0.5", 7443}) == "10.0.0.5:7443");
}

TEST_CASE("malformed host:port is refused with the reason", "[base]") {
  for (const char* bad : {"einlass.local", ":7443", "::1:7443", "[::1:7443", "[]:7443", "a b:7443",
                          "host:", "host:x", "host:70000", "host:12x"}) {
    INFO(bad);
    CHECK_FALSE(parse_host_port(bad, true));
  }
  CHECK(parse_host_port("host:0", false).error() == "the port must be a number in 1..65535");
  CHECK(parse_host_port("einlass.local", true).error().starts_with("must be \"host:port\""));
}
