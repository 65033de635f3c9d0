#include "print/zpl_printer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "print_result_text.h"

#include "fake_zebra.h"
#include "print/open_printer.h"
#include "print/zpl_encoder.h"
#include "support/ports.h"
#include "zpl_reader.h"

using namespace einlass;
using namespace std::chrono_literals;

namespace {

Badge sample_badge() {
  Badge b;
  b.event_name = "Digitaler Staat 2026";
  b.name = "Jürgen Weiß";
  b.organisation = "Stadtwerke Görlitz";
  b.category_label = "Presse";
  b.category_colour = "#8E44AD";
  b.days_text = "So 29.03.";
  b.code = "B1:K1-000077:r1";
  b.reprint = 1;
  return b;
}

std::unique_ptr<Printer> zpl_printer(int port, const std::string& options = "") {
  auto uri = parse_device_uri("zpl://127.0.0.1:" + std::to_string(port) +
                              "?dpi=203&status_timeout_ms=300" + options);
  REQUIRE(uri);
  auto printer = open_printer(*uri);
  REQUIRE(printer);
  return std::move(*printer);
}

}  // namespace

TEST_CASE("a ZPL printer asks ~HS, then sends the label the encoder makes", "[zpl]") {
  test::FakeZebra zebra{test::FakeZebra::host_status(false, false, false, 0)};
  auto printer = zpl_printer(zebra.port());
  CHECK(printer->describe() ==
        "ZPL printer 127.0.0.1:" + std::to_string(zebra.port()) + " at 203 dpi");
  // The layout's 300 dpi gives way to the printer's 203.
  REQUIRE(printer->print(sample_badge(), BadgeLayout{101.6, 76.2, 300}, "badge K1-000077 r1"));

  const auto sent = zebra.received(1);
  REQUIRE(sent.size() == 1);
  REQUIRE(sent[0].starts_with("~HS"));
  const std::string zpl = sent[0].substr(3);
  auto expected = badge_to_zpl(sample_badge(), BadgeLayout{101.6, 76.2, 203}, "badge K1-000077 r1");
  REQUIRE(expected);
  CHECK(zpl == *expected);
  const auto back = test::read_zpl(zpl);
  CHECK(back.formats == 1);
  CHECK(back.width == 812);
  CHECK(back.length == 609);
  REQUIRE(back.qr_codes.size() == 1);
  CHECK(back.qr_codes[0].data == "B1:K1-000077:r1");
}

TEST_CASE("a ZPL printer's status comes from its ~HS answer", "[zpl]") {
  SECTION("ready") {
    test::FakeZebra zebra{test::FakeZebra::host_status(false, false, false, 0)};
    CHECK(zpl_printer(zebra.port())->status().state == PrinterState::ready);
  }
  SECTION("busy") {
    test::FakeZebra zebra{test::FakeZebra::host_status(false, false, false, 2)};
    CHECK(zpl_printer(zebra.port())->status().state == PrinterState::printing);
  }
  SECTION("out of paper: no label is sent") {
    test::FakeZebra zebra{test::FakeZebra::host_status(true, false, false, 0)};
    auto printer = zpl_printer(zebra.port());
    const auto status = printer->status();
    CHECK(status.state == PrinterState::media_empty);
    CHECK(status.detail == "paper out");
    const auto printed = printer->print(sample_badge(), {}, "badge");
    REQUIRE_FALSE(printed);
    CHECK(printed.error().state == PrinterState::media_empty);
    const auto sent = zebra.received(2);
    REQUIRE(sent.size() == 2);
    CHECK(sent[1] == "~HS");
  }
  SECTION("silent, as a Zebra with its head open is") {
    test::FakeZebra zebra{std::nullopt};
    auto printer = zpl_printer(zebra.port());
    const auto status = printer->status();
    CHECK(status.state == PrinterState::error);
    CHECK(status.detail.find("no answer to ~HS within 300 ms") != std::string::npos);
    CHECK_FALSE(printer->print(sample_badge(), {}, "badge"));
  }
  SECTION("silent and told not to ask: ready, and the label goes out") {
    test::FakeZebra zebra{std::nullopt};
    auto printer = zpl_printer(zebra.port(), "&status=off");
    CHECK(printer->status().state == PrinterState::ready);
    REQUIRE(printer->print(sample_badge(), {}, "badge"));
    const auto sent = zebra.received(2);
    REQUIRE(sent.size() == 2);
    CHECK(sent[1].starts_with("^XA"));
  }
}

TEST_CASE("a ZPL printer nobody listens for is offline, quickly", "[zpl]") {
  auto printer = zpl_printer(test::unused_loopback_port());
  const auto start = std::chrono::steady_clock::now();
  const auto status = printer->status();
  CHECK(status.state == PrinterState::offline);
  CHECK(status.detail.find("Connection refused") != std::string::npos);
  const auto printed = printer->print(sample_badge(), {}, "badge");
  REQUIRE_FALSE(printed);
  CHECK(printed.error().state == PrinterState::offline);
  CHECK(std::chrono::steady_clock::now() - start < 2s);
}

TEST_CASE("connecting to an address that never answers gives up after the timeout", "[zpl]") {
  // 192.0.2.0/24 is TEST-NET-1: never routed, so SYNs go unanswered (or fail at once when this
  // machine has no route at all). Either way the call must return within its timeout.
  auto uri = parse_device_uri("zpl://192.0.2.1:9100?connect_timeout_ms=200");
  REQUIRE(uri);
  auto printer = open_printer(*uri);
  REQUIRE(printer);
  const auto start = std::chrono::steady_clock::now();
  CHECK((*printer)->status().state == PrinterState::offline);
  CHECK(std::chrono::steady_clock::now() - start < 1500ms);
}
