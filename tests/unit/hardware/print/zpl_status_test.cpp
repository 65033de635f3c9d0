#include "print/zpl_status.h"

#include <catch2/catch.hpp>

#include "fake_zebra.h"

using namespace einlass;

TEST_CASE("~HS answers map to printer states", "[zpl]") {
  using test::FakeZebra;
  const auto state = [](const std::string& reply) {
    const auto status = parse_zpl_host_status(reply);
    REQUIRE(status);
    return status->state;
  };
  CHECK(state(FakeZebra::host_status(false, false, false, 0)) == PrinterState::ready);
  CHECK(state(FakeZebra::host_status(true, false, false, 0)) == PrinterState::media_empty);
  CHECK(state(FakeZebra::host_status(false, true, false, 0)) == PrinterState::offline);
  CHECK(state(FakeZebra::host_status(false, false, true, 0)) == PrinterState::error);
  CHECK(state(FakeZebra::host_status(false, false, false, 3)) == PrinterState::printing);
  // Paper out wins over pause: it is what the operator must fix.
  CHECK(state(FakeZebra::host_status(true, true, false, 0)) == PrinterState::media_empty);
}

TEST_CASE("incomplete or garbled ~HS answers are recognised as such", "[zpl]") {
  const auto full = test::FakeZebra::host_status(false, false, false, 0);
  CHECK(zpl_host_status_complete(full));
  CHECK_FALSE(zpl_host_status_complete(full.substr(0, full.size() / 2)));
  CHECK_FALSE(parse_zpl_host_status(""));
  CHECK_FALSE(parse_zpl_host_status(full.substr(0, 20)));
  CHECK_FALSE(
      parse_zpl_host_status("\x02"
                            "030,x,0,1245,000\x03\r\n\x02"
                            "001,0,0,0,0,2,4,0,0,1,0\x03"));
}
