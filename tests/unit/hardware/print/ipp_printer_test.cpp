#include "print/ipp_printer.h"

#include <catch2/catch.hpp>

#include "print_result_text.h"

#include "fake_zebra.h"
#include "print/open_printer.h"
#include "support/files.h"
#include "support/ipp_eve_printer.h"

using namespace einlass;
using namespace std::chrono_literals;

namespace {

Badge sample_badge() {
  Badge b;
  b.event_name = "Digitaler Staat 2026";
  b.name = "Dr. Anna-Lena Müller-Lüdenscheidt";
  b.organisation = "Landesamt für Vermessung";
  b.category_label = "Organisation";
  b.category_colour = "#2C3E50";
  b.days_text = "Sa 28.03. · So 29.03.";
  b.code = "B1:K1-000042:r0";
  return b;
}

std::unique_ptr<Printer> ipp_printer(const std::string& text) {
  auto uri = parse_device_uri(text);
  REQUIRE(uri);
  auto printer = open_printer(*uri);
  REQUIRE(printer);
  return std::move(*printer);
}

std::vector<std::filesystem::path> pdfs_in(const std::filesystem::path& spool) {
  std::vector<std::filesystem::path> pdfs;
  for (const auto& entry : std::filesystem::directory_iterator(spool))
    if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path());
  return pdfs;
}

}  // namespace

TEST_CASE("an IPP printer receives the badge PDF and reports the job completed", "[ipp]") {
  test::IppEvePrinter eve;
  auto printer = ipp_printer(eve.uri());
  CHECK(printer->status().state == PrinterState::ready);
  REQUIRE(printer->print(sample_badge(), {}, "badge K1-000042 r0"));

  const auto pdfs = pdfs_in(eve.spool());
  REQUIRE(pdfs.size() == 1);
  // ippeveprinter names spool files "<job id>-<job name>".
  CHECK(pdfs[0].filename().string().find("badge") != std::string::npos);
  const auto pdf = test::read_file(pdfs[0]);
  CHECK(pdf.starts_with("%PDF-"));
  CHECK(pdf.find("Badge B1:K1-000042:r0") != std::string::npos);  // the document's title
  CHECK(pdf.find("/MediaBox [ 0 0 255.") != std::string::npos);   // 90 x 140 mm

  REQUIRE(printer->print(sample_badge(), {}, "badge K1-000042 r1"));
  CHECK(pdfs_in(eve.spool()).size() == 2);
  CHECK(printer->status().state == PrinterState::ready);
}

TEST_CASE("an IPP printer out of media reports media_empty and gets no further jobs", "[ipp]") {
  test::IppEvePrinter eve;
  auto printer = ipp_printer(eve.uri());
  test::write_file(eve.dir() / "media-empty", "");
  // This job still completes; while it runs the printer notices the tray is empty.
  REQUIRE(printer->print(sample_badge(), {}, "last sheet"));
  const auto status = printer->status();
  CHECK(status.state == PrinterState::media_empty);
  CHECK(status.detail.find("media-empty") != std::string::npos);

  const auto refused = printer->print(sample_badge(), {}, "no paper");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().state == PrinterState::media_empty);
  CHECK(pdfs_in(eve.spool()).size() == 1);
}

TEST_CASE("an IPP job that does not complete in time is canceled and reported", "[ipp]") {
  test::IppEvePrinter eve;
  test::write_file(eve.dir() / "slow", "");
  auto printer = ipp_printer(eve.uri("?job_timeout_ms=1000&poll_ms=50"));
  const auto start = std::chrono::steady_clock::now();
  const auto printed = printer->print(sample_badge(), {}, "slow job");
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(printed);
  CHECK(printed.error().state == PrinterState::error);
  CHECK(printed.error().message.find("not completed within 1000 ms") != std::string::npos);
  CHECK(printed.error().message.find("canceled") != std::string::npos);
  CHECK(took >= 1s);
  CHECK(took < 2500ms);
}

TEST_CASE("a stopped IPP printer is offline", "[ipp]") {
  test::IppEvePrinter eve;
  auto printer = ipp_printer(eve.uri("?connect_timeout_ms=1000"));
  CHECK(printer->status().state == PrinterState::ready);
  eve.stop();
  const auto status = printer->status();
  CHECK(status.state == PrinterState::offline);
  CHECK(status.detail.find(eve.uri()) != std::string::npos);
  CHECK(status.detail.find("cannot connect") != std::string::npos);
  const auto printed = printer->print(sample_badge(), {}, "nobody home");
  REQUIRE_FALSE(printed);
  CHECK(printed.error().state == PrinterState::offline);
}

TEST_CASE("an IPP printer that accepts but never answers is given up on in time", "[ipp]") {
  test::FakeZebra silent{std::nullopt};  // reads requests, answers nothing
  auto printer = ipp_printer("ipp://127.0.0.1:" + std::to_string(silent.port()) +
                             "/ipp/print?request_timeout_ms=500");
  const auto start = std::chrono::steady_clock::now();
  const auto status = printer->status();
  CHECK(status.state == PrinterState::offline);
  CHECK(status.detail.find("no answer within 500 ms") != std::string::npos);
  const auto printed = printer->print(sample_badge(), {}, "into the void");
  REQUIRE_FALSE(printed);
  CHECK(printed.error().state == PrinterState::offline);
  CHECK(std::chrono::steady_clock::now() - start < 4s);
}
