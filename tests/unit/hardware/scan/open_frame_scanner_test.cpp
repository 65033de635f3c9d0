#include "scan/open_frame_scanner.h"

#include <catch2/catch.hpp>

#include "support/temp_dir.h"

using namespace einlass;

namespace {

DeviceError open_error(const std::string& text) {
  auto uri = parse_device_uri(text);
  REQUIRE(uri);
  SystemClock clock;
  auto scanner = open_frame_scanner(*uri, clock);
  REQUIRE_FALSE(scanner);
  return scanner.error();
}

}  // namespace

TEST_CASE("bad scanner options are bad_uri naming the option", "[scan][uri]") {
  test::TempDir dir;
  const auto folder = dir.path().string();
  struct Case {
    std::string uri;
    std::string named;
  };
  const auto c = GENERATE_COPY(values<Case>({
      {"dir:" + folder + "?repeat_gap_ms=soon", "repeat_gap_ms"},
      {"dir:" + folder + "?repeat_gap_ms=-1", "repeat_gap_ms"},
      {"dir:" + folder + "?colour=red", "colour"},
      {"dir:" + folder + "?poll_ms=0", "poll_ms"},
      {"v4l2:/dev/video0?format=h264", "format"},
      {"v4l2:/dev/video0?width=0", "width"},
      {"v4l2:/dev/video0?height=99999", "height"},
      {"v4l2:/dev/video0?widht=1280", "widht"},
      {"v4l2:/dev/video0?buffers=1", "buffers"},
  }));
  INFO(c.uri);
  const auto error = open_error(c.uri);
  CHECK(error.kind == DeviceError::Kind::bad_uri);
  CHECK_THAT(error.message, Catch::Contains("\"" + c.named + "\""));
}

TEST_CASE("other schemes are not camera scanners", "[scan][uri]") {
  const auto error = open_error("serial:/dev/ttyACM0");
  CHECK(error.kind == DeviceError::Kind::bad_uri);
  CHECK_THAT(error.message, Catch::Contains("serial:/dev/ttyACM0"));
}

TEST_CASE("a dir: URI with a missing folder is unavailable, naming it", "[scan][uri]") {
  const auto error = open_error("dir:/nonexistent/einlass-frames");
  CHECK(error.kind == DeviceError::Kind::unavailable);
  CHECK_THAT(error.message, Catch::Contains("/nonexistent/einlass-frames"));
}

TEST_CASE("a missing camera is unavailable, naming the device", "[scan][uri][v4l2]") {
  const auto error = open_error("v4l2:/dev/einlass-no-such-camera?width=1280&height=720");
  CHECK(error.kind == DeviceError::Kind::unavailable);
  CHECK_THAT(error.message,
             Catch::Contains("/dev/einlass-no-such-camera") && Catch::Contains("No such file"));
}

TEST_CASE("a device that is not a camera is unavailable, naming it", "[scan][uri][v4l2]") {
  const auto error = open_error("v4l2:/dev/null");
  CHECK(error.kind == DeviceError::Kind::unavailable);
  CHECK_THAT(error.message, Catch::Contains("/dev/null") && Catch::Contains("not a V4L2 device"));
}

TEST_CASE("a dir: scanner describes its folder", "[scan][uri]") {
  test::TempDir dir;
  auto uri = parse_device_uri("dir:" + dir.path().string() + "?repeat_gap_ms=250&poll_ms=20");
  REQUIRE(uri);
  auto scanner = open_frame_scanner(*uri);
  REQUIRE(scanner);
  CHECK((*scanner)->describe() == "dir " + dir.path().string());
}
