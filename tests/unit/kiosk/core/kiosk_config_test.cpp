#include "core/kiosk_config.h"

#include <catch2/catch.hpp>

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
