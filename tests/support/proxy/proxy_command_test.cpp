#include "support/proxy/proxy_command.h"

#include <catch2/catch.hpp>

namespace einlass::test {
namespace {

using namespace std::chrono_literals;

TEST_CASE("proxy commands parse one per line") {
  CHECK(parse_proxy_command("pass")->kind == ProxyCommandKind::pass);
  CHECK(parse_proxy_command("heal")->kind == ProxyCommandKind::pass);
  CHECK(parse_proxy_command("cut")->kind == ProxyCommandKind::cut);
  CHECK(parse_proxy_command("  reset\r")->kind == ProxyCommandKind::reset);
  CHECK(parse_proxy_command("blackhole")->kind == ProxyCommandKind::blackhole);
  CHECK(parse_proxy_command("stats")->kind == ProxyCommandKind::stats);
  const auto delay = parse_proxy_command("delay   250 ");
  REQUIRE(delay);
  CHECK(delay->kind == ProxyCommandKind::delay);
  CHECK(delay->latency == 250ms);
  CHECK(parse_proxy_command("delay 0")->latency == 0ms);
}

TEST_CASE("proxy commands refuse what they do not know") {
  CHECK_FALSE(parse_proxy_command(""));
  CHECK_FALSE(parse_proxy_command("   "));
  CHECK_FALSE(parse_proxy_command("Pass"));
  CHECK_FALSE(parse_proxy_command("cut now"));
  CHECK_FALSE(parse_proxy_command("delay"));
  CHECK_FALSE(parse_proxy_command("delay -5"));
  CHECK_FALSE(parse_proxy_command("delay 5ms"));
  CHECK_FALSE(parse_proxy_command("delay 5 6"));
  CHECK(parse_proxy_command("jump").error().message == "unknown command 'jump'");
}

TEST_CASE("host and port split at the last colon") {
  const auto parsed = parse_host_port("127.0.0.1:8443");
  REQUIRE(parsed);
  CHECK(parsed->host == "127.0.0.1");
  CHECK(parsed->port == 8443);
  CHECK(parse_host_port("localhost:0")->port == 0);
  CHECK_FALSE(parse_host_port("127.0.0.1"));
  CHECK_FALSE(parse_host_port(":80"));
  CHECK_FALSE(parse_host_port("host:"));
  CHECK_FALSE(parse_host_port("host:65536"));
  CHECK_FALSE(parse_host_port("host:8x"));
}

TEST_CASE("the stats line names every counter") {
  const ProxyStats stats{3, 1, 100, 200, 7};
  CHECK(format_proxy_stats(stats) == "accepted=3 open=1 to_upstream=100 to_client=200 dropped=7");
}

}  // namespace
}  // namespace einlass::test
