#include "print/open_printer.h"

#include <catch2/catch.hpp>

using namespace einlass;

namespace {

DeviceResult<std::unique_ptr<Printer>> open(const std::string& text) {
  auto uri = parse_device_uri(text);
  REQUIRE(uri);
  return open_printer(*uri);
}

std::string error_of(const std::string& text) {
  auto printer = open(text);
  REQUIRE_FALSE(printer);
  CHECK(printer.error().kind == DeviceError::Kind::bad_uri);
  CHECK(printer.error().message.find(text) != std::string::npos);
  return printer.error().message;
}

}  // namespace

TEST_CASE("printer URIs open the matching driver without touching the device", "[print]") {
  auto ipp = open("ipp://printer.local/ipp/print?job_timeout_ms=5000");
  REQUIRE(ipp);
  CHECK((*ipp)->describe() == "IPP printer ipp://printer.local:631/ipp/print");
  auto ipp_port = open("ipp://10.0.0.5:8631");
  REQUIRE(ipp_port);
  CHECK((*ipp_port)->describe() == "IPP printer ipp://10.0.0.5:8631/ipp/print");
  auto zpl = open("zpl://10.0.0.7");
  REQUIRE(zpl);
  CHECK((*zpl)->describe() == "ZPL printer 10.0.0.7:9100 at 300 dpi");
  auto zpl_203 = open("zpl://10.0.0.7:6101?dpi=203&status=off");
  REQUIRE(zpl_203);
  CHECK((*zpl_203)->describe() == "ZPL printer 10.0.0.7:6101 at 203 dpi");
  auto file = open("file:/srv/badges");
  REQUIRE(file);
  CHECK((*file)->describe() == "file printer /srv/badges");
}

TEST_CASE("bad printer URIs name what is wrong", "[print]") {
  CHECK(error_of("lpd://host/queue").find("unknown printer scheme \"lpd\"") != std::string::npos);
  CHECK(error_of("ipp:/ipp/print").find("needs a host") != std::string::npos);
  CHECK(error_of("zpl:/dev/usb/lp0").find("needs a host") != std::string::npos);
  CHECK(error_of("zpl://host/path").find("no path") != std::string::npos);
  CHECK(error_of("zpl://host?dpi=250").find("203, 300 or 600") != std::string::npos);
  CHECK(error_of("zpl://host?status=maybe").find("on or off") != std::string::npos);
  CHECK(error_of("zpl://host?colour=red").find("unknown option \"colour\"") != std::string::npos);
  CHECK(error_of("ipp://host/ipp/print?timeout=5").find("unknown option \"timeout\"") !=
        std::string::npos);
  CHECK(error_of("ipp://host?job_timeout_ms=0").find("job_timeout_ms") != std::string::npos);
  CHECK(error_of("file:/srv/badges?format=pdf").find("takes none") != std::string::npos);
}
