#include "print/file_printer.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "print_result_text.h"

#include "badge/render_badge.h"
#include "print/open_printer.h"
#include "support/files.h"
#include "support/temp_dir.h"

using namespace einlass;

namespace {

Badge sample_badge() {
  Badge b;
  b.event_name = "Digitaler Staat 2026";
  b.name = "Anna-Lena Groß";
  b.organisation = "Bezirksamt Mitte";
  b.category_label = "Teilnehmer";
  b.category_colour = "#27AE60";
  b.days_text = "Sa 28.03.";
  b.code = "B1:K1-000042:r0";
  return b;
}

std::unique_ptr<Printer> file_printer(const std::filesystem::path& folder) {
  auto uri = parse_device_uri("file:" + folder.string());
  REQUIRE(uri);
  auto printer = open_printer(*uri);
  REQUIRE(printer);
  return std::move(*printer);
}

std::vector<std::string> names_in(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("a file printer writes the badge as JOB.pdf and JOB.png and nothing else", "[print]") {
  test::TempDir dir;
  auto printer = file_printer(dir.path());
  CHECK(printer->describe() == "file printer " + dir.path().string());
  CHECK(printer->status().state == PrinterState::ready);
  REQUIRE(printer->print(sample_badge(), {}, "badge K1-000042 r0"));

  CHECK(names_in(dir.path()) ==
        std::vector<std::string>{"badge_K1-000042_r0.pdf", "badge_K1-000042_r0.png"});
  const auto pdf = test::read_file(dir / "badge_K1-000042_r0.pdf");
  CHECK(pdf.starts_with("%PDF-"));
  CHECK(pdf.find("%%EOF") != std::string::npos);
  const auto png = test::read_file(dir / "badge_K1-000042_r0.png");
  CHECK(png.starts_with("\x89PNG\r\n\x1a\n"));
  // The PNG is the rendering at the layout's dpi: the same bytes render_badge makes.
  CHECK(png == *render_badge(sample_badge(), {}, DocumentFormat::png));
}

TEST_CASE("a job name cannot write outside the folder", "[print]") {
  test::TempDir dir;
  std::filesystem::create_directory(dir / "out");
  auto printer = file_printer(dir / "out");
  REQUIRE(printer->print(sample_badge(), {}, "../escape"));
  CHECK(names_in(dir.path()) == std::vector<std::string>{"out"});
  CHECK(names_in(dir / "out") == std::vector<std::string>{"escape.pdf", "escape.png"});
}

TEST_CASE("a missing or read-only folder is reported, not written", "[print]") {
  test::TempDir dir;
  auto missing = file_printer(dir / "nowhere");
  const auto status = missing->status();
  CHECK(status.state == PrinterState::offline);
  CHECK(status.detail.find("does not exist") != std::string::npos);
  const auto printed = missing->print(sample_badge(), {}, "job");
  REQUIRE_FALSE(printed);
  CHECK(printed.error().state == PrinterState::offline);
  CHECK_FALSE(std::filesystem::exists(dir / "nowhere"));

  if (::geteuid() != 0) {  // root writes anywhere
    std::filesystem::create_directory(dir / "ro");
    ::chmod((dir / "ro").c_str(), 0555);
    CHECK(file_printer(dir / "ro")->status().state == PrinterState::offline);
  }
}

TEST_CASE("a badge that cannot be rendered is a printer error with the reason", "[print]") {
  test::TempDir dir;
  auto badge = sample_badge();
  badge.category_colour = "grün";
  const auto printed = file_printer(dir.path())->print(badge, {}, "job");
  REQUIRE_FALSE(printed);
  CHECK(printed.error().state == PrinterState::error);
  CHECK(printed.error().message.find("grün") != std::string::npos);
  CHECK(names_in(dir.path()).empty());
}

TEST_CASE("a file printer never replaces a printed badge", "[print]") {
  test::TempDir dir;
  auto printer = file_printer(dir.path());
  REQUIRE(printer->print(sample_badge(), {}, "K1-42-r0-a1"));
  const auto first = test::read_file(dir / "K1-42-r0-a1.pdf");
  Badge other = sample_badge();
  other.name = "Someone Else";
  const auto again = printer->print(other, {}, "K1-42-r0-a1");
  REQUIRE_FALSE(again);
  CHECK(again.error().message.find("exists already") != std::string::npos);
  CHECK(test::read_file(dir / "K1-42-r0-a1.pdf") == first);
  for (const auto& name : names_in(dir.path())) CHECK_FALSE(name.starts_with("."));
}
