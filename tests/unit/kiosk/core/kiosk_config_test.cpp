#include "core/kiosk_config.h"

#include <catch2/catch.hpp>
#include <set>

#include "support/files.h"
#include "support/sample_config.h"

using namespace einlass;

namespace {

constexpr const char* kGood = R"toml(
[kiosk]
id = "K1"
replica = "replica.db"

[devices]
scanners = ["dir:frames", "evdev:/dev/input/by-id/usb-scanner"]
printer = "file:badges"
indicator = "sim:"

[entrance]
mode = "entry"
categories = ["Teilnehmer", "speaker"]

[badge]
size = "4x3in"
dpi = 203

[screen]
listen = "127.0.0.1:0"
result_seconds = 5
)toml";

ConfigError error_of(std::string_view text) {
  auto config = parse_kiosk_config(text, "/etc/einlass");
  REQUIRE_FALSE(config);
  return config.error();
}

std::string replaced(std::string_view from, std::string_view to) {
  std::string text = kGood;
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("a complete kiosk config is read with paths relative to its folder", "[kiosk]") {
  auto config = parse_kiosk_config(kGood, "/etc/einlass");
  REQUIRE(config);
  CHECK(config->kiosk_id == "K1");
  CHECK(config->replica == "/etc/einlass/replica.db");
  CHECK(config->scanners ==
        std::vector<std::string>{"dir:/etc/einlass/frames", "evdev:/dev/input/by-id/usb-scanner"});
  CHECK(config->printer == "file:/etc/einlass/badges");
  CHECK(config->mode == EntranceMode::entry);
  CHECK(config->categories == std::vector<std::string>{"Teilnehmer", "speaker"});
  CHECK(config->badge.width_mm == Approx(101.6));
  CHECK(config->badge.height_mm == Approx(76.2));
  CHECK(config->badge.dpi == 203);
  CHECK(config->screen_address == "127.0.0.1");
  CHECK(config->screen_port == 0);
  CHECK(config->result_duration == std::chrono::seconds(5));
}

TEST_CASE("defaults: portrait badge, one scanner as a plain string, entry mode", "[kiosk]") {
  auto config = parse_kiosk_config(R"toml(
[kiosk]
id = "exit-2"
replica = "/var/lib/einlass/replica.db"
[devices]
scanners = "v4l2:/dev/video0"
printer = "ipp://printer.local:631/ipp/print"
)toml",
                                   "/etc");
  REQUIRE(config);
  CHECK(config->scanners == std::vector<std::string>{"v4l2:/dev/video0"});
  CHECK(config->badge == BadgeLayout{90, 140, 300});
  CHECK(config->mode == EntranceMode::entry);
  CHECK(config->indicator == "sim:");
  CHECK(config->screen_port == 8080);
}

TEST_CASE("every config error names the key and why", "[kiosk]") {
  CHECK(error_of(replaced("id = \"K1\"", "")).key == "kiosk.id");
  CHECK(error_of(replaced("id = \"K1\"", "")).message == "is missing");
  CHECK(error_of(replaced("id = \"K1\"", "id = 7")).message == "must be a string in quotes");
  CHECK(error_of(replaced("id = \"K1\"", "id = \"K 1\"")).key == "kiosk.id");
  CHECK(error_of(replaced("printer = \"file:badges\"", "")).key == "devices.printer");
  CHECK(error_of(replaced("[\"dir:frames\", \"evdev:/dev/input/by-id/usb-scanner\"]", "[]")).key ==
        "devices.scanners");
  CHECK(error_of(replaced("[\"dir:frames\", ", "[3, ")).key == "devices.scanners");
  CHECK(error_of(replaced("mode = \"entry\"", "mode = \"sideways\"")).message ==
        "must be \"entry\" or \"exit\", not \"sideways\"");
  CHECK(error_of(replaced("size = \"4x3in\"", "size = \"4x3ft\"")).key == "badge.size");
  CHECK(error_of(replaced("size = \"4x3in\"", "size = \"big\"")).key == "badge.size");
  CHECK(error_of(replaced("size = \"4x3in\"", "size = \"10x10mm\"")).message ==
        "each side must be between 40 and 300 mm");
  CHECK(error_of(replaced("dpi = 203", "dpi = 5000")).message == "must be between 100 and 600");
  CHECK(error_of(replaced("dpi = 203", "dpi = \"203\"")).message == "must be a whole number");
  CHECK(error_of(replaced("listen = \"127.0.0.1:0\"", "listen = \"localhost\"")).key ==
        "screen.listen");
  CHECK(error_of(replaced("listen = \"127.0.0.1:0\"", "listen = \"127.0.0.1:99999\"")).key ==
        "screen.listen");
  CHECK(error_of(replaced("result_seconds = 5", "result_seconds = 0")).key ==
        "screen.result_seconds");
}

TEST_CASE("unknown sections and keys are refused as typos", "[kiosk]") {
  CHECK(error_of(replaced("indicator = \"sim:\"", "indicatr = \"sim:\"")).key ==
        "devices.indicatr");
  CHECK(error_of(replaced("[screen]", "[screens]")).key == "screens");
  CHECK(error_of(std::string(kGood) + "\nprinter = 3\n").key == "screen.printer");
}

TEST_CASE("a syntax error gives line and column", "[kiosk]") {
  const auto e = error_of("[kiosk]\nid = \"K1\nreplica = 3\n");
  CHECK(e.key.empty());
  CHECK(e.message.starts_with("line 2"));
  CHECK(e.describe("/etc/einlass/kiosk.toml").starts_with("/etc/einlass/kiosk.toml: line 2"));
}

TEST_CASE("badge sizes in millimetres and inches", "[kiosk]") {
  CHECK(parse_badge_size("90x140mm", 300) == BadgeLayout{90, 140, 300});
  CHECK(parse_badge_size("4x3in", 203)->width_mm == Approx(101.6));
  CHECK_FALSE(parse_badge_size("x140mm", 300));
  CHECK_FALSE(parse_badge_size("90x140", 300));
  CHECK_FALSE(parse_badge_size("90.5.1x140mm", 300));
}

namespace {

constexpr const char* kSync = R"toml(
[sync]
server = "einlass.local:7443"
ca = "tls/ca.crt"
certificate = "tls/kiosk.crt"
private_key = "/secure/kiosk.key"
claim_deadline_ms = 250
heartbeat_seconds = 10
)toml";

std::string with_sync(std::string_view from = {}, std::string_view to = {}) {
  std::string sync = kSync;
  if (!from.empty()) {
    const auto at = sync.find(from);
    REQUIRE(at != std::string::npos);
    sync.replace(at, from.size(), to);
  }
  return std::string(kGood) + sync;
}

}  // namespace

TEST_CASE("without a [sync] section the kiosk works standalone", "[kiosk]") {
  auto config = parse_kiosk_config(kGood, "/etc/einlass");
  REQUIRE(config);
  CHECK_FALSE(config->sync.has_value());
}

TEST_CASE("the [sync] section names the server and the TLS files relative to the config",
          "[kiosk]") {
  auto config = parse_kiosk_config(with_sync(), "/etc/einlass");
  REQUIRE(config);
  REQUIRE(config->sync);
  CHECK(config->sync->server_host == "einlass.local");
  CHECK(config->sync->server_port == 7443);
  CHECK(config->sync->ca == "/etc/einlass/tls/ca.crt");
  CHECK(config->sync->certificate == "/etc/einlass/tls/kiosk.crt");
  CHECK(config->sync->private_key == "/secure/kiosk.key");
  CHECK(config->sync->claim_deadline == std::chrono::milliseconds{250});
  CHECK(config->sync->heartbeat_interval == std::chrono::seconds{10});

  auto defaults = parse_kiosk_config(
      with_sync("claim_deadline_ms = 250\nheartbeat_seconds = 10\n", ""), "/etc/einlass");
  REQUIRE(defaults);
  CHECK(defaults->sync->claim_deadline == std::chrono::milliseconds{300});
  CHECK(defaults->sync->heartbeat_interval == std::chrono::seconds{5});

  auto v6 = parse_kiosk_config(with_sync("einlass.local:7443", "[fd00::5]:7443"), "/etc");
  REQUIRE(v6);
  CHECK(v6->sync->server_host == "fd00::5");
}

TEST_CASE("the screen listens on a bracketed IPv6 address like the server's", "[kiosk]") {
  auto config = parse_kiosk_config(replaced("listen = \"127.0.0.1:0\"", "listen = \"[::1]:8081\""),
                                   "/etc/einlass");
  REQUIRE(config);
  CHECK(config->screen_address == "::1");
  CHECK(config->screen_port == 8081);
  CHECK(error_of(replaced("listen = \"127.0.0.1:0\"", "listen = \"::1:8081\"")).message ==
        "must be \"host:port\", e.g. \"10.0.0.5:7443\" or \"[::1]:7443\", not \"::1:8081\"");
  CHECK(error_of(replaced("listen = \"127.0.0.1:0\"", "listen = \"127.0.0.1:99999\"")).message ==
        "the port must be a number in 0..65535 (0 picks a free one)");
}

TEST_CASE("every [sync] error names the key and why", "[kiosk]") {
  struct Case {
    const char* from;
    const char* to;
    const char* key;
    const char* message;
  };
  const Case cases[] = {
      {"server = \"einlass.local:7443\"", "", "sync.server", "is missing"},
      {"server = \"einlass.local:7443\"", "server = \"einlass.local\"", "sync.server",
       "must be \"host:port\", e.g. \"10.0.0.5:7443\" or \"[::1]:7443\", not \"einlass.local\""},
      {"server = \"einlass.local:7443\"", "server = \"fd00::5:7443\"", "sync.server",
       "must be \"host:port\", e.g. \"10.0.0.5:7443\" or \"[::1]:7443\", not \"fd00::5:7443\""},
      {"server = \"einlass.local:7443\"", "server = \"einlass.local:0\"", "sync.server",
       "the port must be a number in 1..65535"},
      {"ca = \"tls/ca.crt\"", "", "sync.ca", "is missing"},
      {"certificate = \"tls/kiosk.crt\"", "certificate = 1", "sync.certificate",
       "must be a string in quotes"},
      {"private_key = \"/secure/kiosk.key\"", "private_key = \"\"", "sync.private_key",
       "must not be empty"},
      {"claim_deadline_ms = 250", "claim_deadline_ms = 20", "sync.claim_deadline_ms",
       "must be between 50 and 2000"},
      {"claim_deadline_ms = 250", "claim_deadline_ms = 2001", "sync.claim_deadline_ms",
       "must be between 50 and 2000"},
      {"heartbeat_seconds = 10", "heartbeat_seconds = 0", "sync.heartbeat_seconds",
       "must be between 1 and 60"},
      {"heartbeat_seconds = 10", "heartbeat_secs = 10", "sync.heartbeat_secs", "unknown key"},
  };
  for (const auto& c : cases) {
    INFO(c.from << " -> " << c.to);
    const auto e = error_of(with_sync(c.from, c.to));
    CHECK(e.key == c.key);
    CHECK(e.message == c.message);
  }
}

TEST_CASE("the sample kiosk.toml parses, shows every key, and each commented alternative parses",
          "[kiosk]") {
  const auto text = test::read_file(test::sample_config_path("kiosk.toml"));
  auto config = parse_kiosk_config(text, "/etc/einlass");
  INFO((config ? std::string() : config.error().message));
  REQUIRE(config);
  // The installed kiosk may write only its state directory: the sample must point there.
  CHECK(config->replica == "/var/lib/einlass/kiosk/replica.db");
  CHECK(config->sync.has_value());

  std::set<std::string> known;
  for (const auto& [section, keys] : kiosk_config_keys())
    for (const auto& key : keys) known.insert(section + "." + key);
  CHECK(test::sample_keys(text) == known);

  const auto alternatives = test::sample_alternatives(text);
  CHECK(alternatives.size() >= 3);
  for (const auto& [label, variant] : alternatives) {
    INFO(label);
    auto parsed = parse_kiosk_config(variant, "/etc/einlass");
    CHECK((parsed ? std::string() : parsed.error().message) == "");
  }
}
