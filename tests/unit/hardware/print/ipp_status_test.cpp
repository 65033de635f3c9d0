#include "print/ipp_status.h"

#include <catch2/catch.hpp>

using namespace einlass;

namespace {

PrinterStatus map(int state, std::vector<std::string> reasons, bool accepting = true) {
  return map_ipp_printer_state({state, std::move(reasons), "", accepting});
}

}  // namespace

TEST_CASE("IPP printer states and reasons map to what the kiosk reports", "[ipp]") {
  CHECK(map(3, {"none"}).state == PrinterState::ready);
  CHECK(map(4, {"none"}).state == PrinterState::printing);
  CHECK(map(3, {"toner-low-report"}).state == PrinterState::ready);
  CHECK(map(3, {"toner-low-report"}).detail == "toner-low-report");

  for (const char* reason :
       {"media-empty", "media-empty-error", "media-empty-report", "media-needed-warning"}) {
    INFO(reason);
    CHECK(map(5, {reason}).state == PrinterState::media_empty);
    CHECK(map(3, {reason}).state == PrinterState::media_empty);
  }
  CHECK(map(5, {"media-empty-error"}).detail == "media-empty-error");

  CHECK(map(5, {"offline-report"}).state == PrinterState::offline);
  CHECK(map(3, {"shutdown"}).state == PrinterState::offline);
  CHECK(map(5, {"paused"}).state == PrinterState::offline);
  // Offline wins: a printer's other reasons are stale when it cannot be reached.
  CHECK(map(5, {"media-empty-error", "offline-report"}).state == PrinterState::offline);

  CHECK(map(5, {"media-jam-error"}).state == PrinterState::error);
  CHECK(map(3, {"cover-open-error"}).state == PrinterState::error);
  CHECK(map(5, {"none"}).detail == "stopped");
  CHECK(map(3, {"none"}, false).state == PrinterState::error);
  CHECK(map(9, {}).state == PrinterState::error);
}

TEST_CASE("the printer's message is part of the detail", "[ipp]") {
  const auto status =
      map_ipp_printer_state({5, {"media-empty-error"}, "Load paper in tray 1.", true});
  CHECK(status.detail == "media-empty-error: Load paper in tray 1.");
}
