// Without /dev/uinput here (no such module in the test machine's kernel) no input device can be
// made, so the evdev scanner is tested on how it refuses what is not a scanner; the keystrokes
// it reads are tested through KeystrokeDecoder.
#include "keyed/evdev_scanner.h"

#include <catch2/catch.hpp>

#include "device/device_uri.h"
#include "keyed/open_keyed_scanner.h"
#include "support/files.h"
#include "support/temp_dir.h"

using einlass::DeviceError;
using einlass::open_keyed_scanner;
using einlass::parse_device_uri;

namespace {

einlass::DeviceResult<std::unique_ptr<einlass::Scanner>> open(const std::string& text) {
  const auto uri = parse_device_uri(text);
  REQUIRE(uri.has_value());
  return open_keyed_scanner(*uri);
}

}  // namespace

TEST_CASE("evdev: a missing device is unavailable and named", "[keyed][evdev]") {
  const auto scanner = open("evdev:/dev/input/by-id/usb-Einlass_No_Such_Scanner-event-kbd");
  REQUIRE_FALSE(scanner.has_value());
  CHECK(scanner.error().kind == DeviceError::Kind::unavailable);
  CHECK_THAT(scanner.error().message,
             Catch::Contains("/dev/input/by-id/usb-Einlass_No_Such_Scanner-event-kbd") &&
                 Catch::Contains("No such file"));
}

TEST_CASE("evdev: a file that is no input device is a configuration error", "[keyed][evdev]") {
  einlass::test::TempDir dir;
  einlass::test::write_file(dir / "event0", "");
  for (const std::string& path : {(dir / "event0").string(), std::string("/dev/null")}) {
    INFO(path);
    const auto scanner = open("evdev:" + path);
    REQUIRE_FALSE(scanner.has_value());
    CHECK(scanner.error().kind == DeviceError::Kind::bad_uri);
    CHECK_THAT(scanner.error().message, Catch::Contains(path) && Catch::Contains("not an input"));
  }
}

TEST_CASE("keyed scanners refuse other schemes, hosts, empty paths and unknown options",
          "[keyed]") {
  for (const char* text : {"v4l2:/dev/video0", "evdev://kiosk/dev/input/event0",
                           "evdev:/dev/input/event0?grab=0", "evdev:", "serial:?baud=9600"}) {
    INFO(text);
    const auto scanner = open(text);
    REQUIRE_FALSE(scanner.has_value());
    CHECK(scanner.error().kind == DeviceError::Kind::bad_uri);
    CHECK_THAT(scanner.error().message, Catch::Contains(text));
  }
}
