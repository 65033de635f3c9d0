#include "app/scanner_trouble.h"

#include <catch2/catch.hpp>

using namespace einlass;

TEST_CASE("a passing scanner problem is reported in one heartbeat, a wrong URI in every one",
          "[kiosk][app]") {
  ScannerTrouble trouble;
  CHECK(trouble.report().health == ScannerHealth::ok);

  trouble.note("v4l2:/dev/video0", {DeviceError::Kind::unavailable, "no such device"});
  auto first = trouble.report();
  CHECK(first.health == ScannerHealth::error);
  CHECK(first.detail == "v4l2:/dev/video0: no such device");
  CHECK(trouble.report().health == ScannerHealth::ok);  // the camera came back

  // A misspelt option: the scanner never opens, and the heartbeat must keep saying so.
  trouble.note("v4l2:/dev/video0?widht=1280", {DeviceError::Kind::bad_uri, "unknown option widht"});
  trouble.note("evdev:/dev/input/event3", {DeviceError::Kind::bad_input, "not a ticket"});
  for (int beat = 0; beat < 3; ++beat) {
    INFO("heartbeat " << beat);
    const auto report = trouble.report();
    CHECK(report.health == ScannerHealth::error);
    CHECK(report.detail == "v4l2:/dev/video0?widht=1280: unknown option widht");
  }
}
