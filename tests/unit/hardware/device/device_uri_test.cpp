#include "device/device_uri.h"

#include <catch2/catch.hpp>

using einlass::DeviceError;
using einlass::DeviceUri;
using einlass::parse_device_uri;

namespace {

DeviceUri parsed(const std::string& text) {
  auto uri = parse_device_uri(text);
  if (!uri) FAIL(uri.error().message);
  return std::move(*uri);
}

// The message of the bad_uri error for `text`.
std::string refusal(const std::string& text) {
  const auto uri = parse_device_uri(text);
  if (uri) FAIL("accepted \"" + text + "\"");
  CHECK(uri.error().kind == DeviceError::Kind::bad_uri);
  return uri.error().message;
}

}  // namespace

TEST_CASE("path URIs keep scheme, path and options", "[device]") {
  const auto camera = parsed("V4L2:/dev/video0?width=1280&height=720");
  CHECK(camera.scheme == "v4l2");
  CHECK(camera.host.empty());
  CHECK_FALSE(camera.port.has_value());
  CHECK(camera.path == "/dev/video0");
  CHECK(camera.query.size() == 2);
  CHECK(camera.option("width") == "1280");
  CHECK(camera.option("height") == "720");
  CHECK_FALSE(camera.option("fps").has_value());
  CHECK(camera.text == "V4L2:/dev/video0?width=1280&height=720");

  CHECK(parsed("dir:/srv/frames").path == "/srv/frames");
  CHECK(parsed("dir:frames/in").path == "frames/in");
  CHECK(parsed("evdev:/dev/input/by-id/usb-Scanner_1234-event-kbd").path ==
        "/dev/input/by-id/usb-Scanner_1234-event-kbd");
  CHECK(parsed("file:/var/spool/einlass badges").path == "/var/spool/einlass badges");
}

TEST_CASE("host URIs keep host, port and path", "[device]") {
  const auto ipp = parsed("ipp://printer.local:631/ipp/print");
  CHECK(ipp.scheme == "ipp");
  CHECK(ipp.host == "printer.local");
  CHECK(ipp.port == 631);
  CHECK(ipp.path == "/ipp/print");

  const auto zpl = parsed("zpl://10.0.0.7:9100");
  CHECK(zpl.host == "10.0.0.7");
  CHECK(zpl.port == 9100);
  CHECK(zpl.path.empty());

  const auto no_port = parsed("ipp://printer/ipp/print?copies=1");
  CHECK(no_port.host == "printer");
  CHECK_FALSE(no_port.port.has_value());
  CHECK(no_port.option("copies") == "1");
}

TEST_CASE("IPv6 hosts are written in brackets", "[device]") {
  const auto loopback = parsed("ipp://[::1]:631/ipp/print");
  CHECK(loopback.host == "::1");
  CHECK(loopback.port == 631);
  CHECK(loopback.path == "/ipp/print");
  const auto no_port = parsed("zpl://[fe80::1%25eth0]");
  CHECK(no_port.host == "fe80::1%25eth0");
  CHECK_FALSE(no_port.port.has_value());

  CHECK_THAT(refusal("ipp://[::1:631/ipp"), Catch::Contains("unclosed"));
  CHECK_THAT(refusal("ipp://[::1]631/ipp"), Catch::Contains("after the host"));
  CHECK_THAT(refusal("ipp://[]:631/ipp"), Catch::Contains("host is empty"));
}

TEST_CASE("ports are whole numbers in 1..65535", "[device]") {
  CHECK(parsed("zpl://h:1").port == 1);
  CHECK(parsed("zpl://h:65535").port == 65535);
  for (const char* text : {"zpl://h:0", "zpl://h:65536", "zpl://h:9100x", "zpl://h:-1",
                           "zpl://h:+80", "zpl://h: 80", "zpl://h:99999999999999"}) {
    INFO(text);
    CHECK_THAT(refusal(text), Catch::Contains("port"));
  }
  CHECK_THAT(refusal("zpl://h:"), Catch::Contains("port is empty"));
  CHECK_THAT(refusal("zpl://[::1]:"), Catch::Contains("port is empty"));
  CHECK_THAT(refusal("zpl://:9100"), Catch::Contains("host is empty"));
  CHECK_THAT(refusal("ipp:///ipp/print"), Catch::Contains("host is empty"));
}

TEST_CASE("query options: empty values, '=' in values, duplicates and nameless ones", "[device]") {
  const auto uri = parsed("dir:/x?flag&empty=&path=/a=b");
  CHECK(uri.option("flag") == "");
  CHECK(uri.option("empty") == "");
  CHECK(uri.option("path") == "/a=b");
  CHECK(parsed("dir:/x?").query.empty());
  CHECK_THAT(refusal("dir:/x?a=1&a=2"), Catch::Contains("\"a\" is given twice"));
  CHECK_THAT(refusal("dir:/x?=1"), Catch::Contains("no name"));
  CHECK_THAT(refusal("dir:/x?a=1&&b=2"), Catch::Contains("no name"));
}

TEST_CASE("int_option reads a whole number in range or names the key", "[device]") {
  const auto uri = parsed("v4l2:/dev/video0?width=1280&height=-5&fps=thirty&n=&big=9999999999");
  CHECK(uri.int_option("width", 640, 1, 8192) == 1280);
  CHECK(uri.int_option("absent", 640, 1, 8192) == 640);
  CHECK(uri.int_option("height", 0, -10, 10) == -5);
  const auto expect_refusal = [&](std::string_view key, int min, int max) {
    const auto value = uri.int_option(key, 0, min, max);
    REQUIRE_FALSE(value.has_value());
    CHECK(value.error().kind == DeviceError::Kind::bad_uri);
    CHECK_THAT(value.error().message, Catch::Contains("\"" + std::string(key) + "\""));
    CHECK_THAT(value.error().message,
               Catch::Contains(std::to_string(min) + ".." + std::to_string(max)));
  };
  expect_refusal("width", 1, 1279);     // above the range
  expect_refusal("width", 1281, 2000);  // below it
  expect_refusal("height", 0, 10);
  expect_refusal("fps", 1, 120);
  expect_refusal("n", 0, 10);
  expect_refusal("big", 0, 2'000'000'000);
}

TEST_CASE("a URI needs a scheme", "[device]") {
  CHECK_THAT(refusal("/dev/video0"), Catch::Contains("no scheme"));
  CHECK_THAT(refusal(":/dev/video0"), Catch::Contains("no scheme"));
  CHECK_THAT(refusal(""), Catch::Contains("no scheme"));
  CHECK_THAT(refusal("v 4l2:/dev/video0"), Catch::Contains("scheme"));
}

TEST_CASE("an empty path is left to the drivers that need one", "[device]") {
  const auto sim = parsed("sim:");
  CHECK(sim.scheme == "sim");
  CHECK(sim.path.empty());
  CHECK(sim.query.empty());
  const auto with_file = parsed("sim:?file=/run/einlass/lights.json");
  CHECK(with_file.path.empty());
  CHECK(with_file.option("file") == "/run/einlass/lights.json");
  CHECK(parsed("dir:").path.empty());
}

TEST_CASE("control characters are refused", "[device]") {
  for (const std::string& text :
       {std::string("dir:/srv/frames\n"), std::string("dir:/srv/\tframes"),
        std::string("ipp://printer/ipp/print?x=\x1b"), std::string("dir:/a\x7f"),
        std::string("dir:/a\0b", 8), std::string("dir:/a\xC2\x85")}) {
    INFO(text);
    CHECK_THAT(refusal(text), Catch::Contains("control character"));
  }
}

TEST_CASE("bytes that are not UTF-8 are refused, control characters after them too", "[device]") {
  CHECK_FALSE(parse_device_uri("dir:/a\xff\n").has_value());
  CHECK_FALSE(parse_device_uri("dir:/a\xff").has_value());
}

TEST_CASE("an IPv6 address without brackets is refused, not read as host and port", "[device]") {
  CHECK_FALSE(parse_device_uri("ipp://fe80::1/ipp/print").has_value());
}
