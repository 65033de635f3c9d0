#include "indicator/sim_indicator.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "device/device_uri.h"
#include "indicator/open_indicator.h"
#include "support/files.h"
#include "support/temp_dir.h"

using einlass::DeviceError;
using einlass::DeviceUri;
using einlass::IndicatorLights;
using einlass::open_indicator;

namespace {

DeviceUri sim_uri(const std::string& text) {
  auto uri = einlass::parse_device_uri(text);
  REQUIRE(uri.has_value());
  return std::move(*uri);
}

}  // namespace

TEST_CASE("the JSON line names each output", "[indicator]") {
  CHECK(einlass::indicator_json({}) == R"({"green":false,"red":false,"buzzer":false})");
  CHECK(einlass::indicator_json({.green = true}) == R"({"green":true,"red":false,"buzzer":false})");
  CHECK(einlass::indicator_json({.red = true, .buzzer = true}) ==
        R"({"green":false,"red":true,"buzzer":true})");
}

TEST_CASE("sim: keeps what was set", "[indicator]") {
  auto indicator = open_indicator(sim_uri("sim:"));
  REQUIRE(indicator.has_value());
  auto& lights = **indicator;
  CHECK(lights.current() == IndicatorLights{});
  REQUIRE(lights.set({.red = true, .buzzer = true}).has_value());
  CHECK(lights.current() == IndicatorLights{.red = true, .buzzer = true});
  REQUIRE(lights.set({.green = true}).has_value());
  CHECK(lights.current() == IndicatorLights{.green = true});
  CHECK(lights.describe() == "simulated lights");
}

TEST_CASE("sim:?file= publishes every state as one JSON line", "[indicator]") {
  einlass::test::TempDir dir;
  const auto file = dir / "lights.json";
  auto indicator = open_indicator(sim_uri("sim:?file=" + file.string()));
  REQUIRE(indicator.has_value());
  auto& lights = **indicator;
  // Opening writes "all off", so the demo sees the file from the start.
  CHECK(einlass::test::read_file(file) == "{\"green\":false,\"red\":false,\"buzzer\":false}\n");
  REQUIRE(lights.set({.green = true}).has_value());
  CHECK(einlass::test::read_file(file) == "{\"green\":true,\"red\":false,\"buzzer\":false}\n");
  REQUIRE(lights.set({.red = true, .buzzer = true}).has_value());
  CHECK(einlass::test::read_file(file) == "{\"green\":false,\"red\":true,\"buzzer\":true}\n");
  CHECK(lights.describe() == "simulated lights in " + file.string());
  // Written beside and renamed: nothing else is left in the folder.
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("sim: a file that cannot be written is reported at opening", "[indicator]") {
  einlass::test::TempDir dir;
  const auto file = dir / "no-such-folder" / "lights.json";
  const auto indicator = open_indicator(sim_uri("sim:?file=" + file.string()));
  REQUIRE_FALSE(indicator.has_value());
  CHECK(indicator.error().kind == DeviceError::Kind::unavailable);
  CHECK_THAT(indicator.error().message, Catch::Contains(file.string()));
}

TEST_CASE("sim: a file that disappears is reported by set and the state is kept", "[indicator]") {
  einlass::test::TempDir dir;
  const auto folder = dir / "run";
  std::filesystem::create_directory(folder);
  auto indicator = open_indicator(sim_uri("sim:?file=" + (folder / "lights.json").string()));
  REQUIRE(indicator.has_value());
  std::filesystem::remove_all(folder);
  const auto set = (*indicator)->set({.green = true});
  REQUIRE_FALSE(set.has_value());
  CHECK(set.error().kind == DeviceError::Kind::unavailable);
  CHECK((*indicator)->current() == IndicatorLights{.green = true});
}

TEST_CASE("sim: refuses a path, a host, unknown options and an empty file", "[indicator]") {
  for (const char* text : {"sim:/tmp/lights.json", "sim://kiosk", "sim:?colour=red",
                           "sim:?file=", "sim:?file=/tmp/a&file2=/tmp/b"}) {
    INFO(text);
    const auto indicator = open_indicator(sim_uri(text));
    REQUIRE_FALSE(indicator.has_value());
    CHECK(indicator.error().kind == DeviceError::Kind::bad_uri);
    CHECK_THAT(indicator.error().message, Catch::Contains(text));
  }
}

TEST_CASE("open_indicator refuses other schemes", "[indicator]") {
  const auto uri = einlass::parse_device_uri("v4l2:/dev/video0");
  REQUIRE(uri.has_value());
  const auto indicator = open_indicator(*uri);
  REQUIRE_FALSE(indicator.has_value());
  CHECK(indicator.error().kind == DeviceError::Kind::bad_uri);
  CHECK_THAT(indicator.error().message, Catch::Contains("v4l2:/dev/video0"));
}
