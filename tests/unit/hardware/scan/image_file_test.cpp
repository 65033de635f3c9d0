#include "scan/image_file.h"

#include "scan/image_limits.h"

#include <cairo.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "support/files.h"
#include "support/frames/frame_maker.h"
#include "support/temp_dir.h"

using namespace einlass;

namespace {

GrayImage stripes(int width, int height) {
  GrayImage image(width, height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      image.at(x, y) = static_cast<std::uint8_t>(((x / 4 + y / 3) % 2 == 0) ? 30 : 220);
  return image;
}

JpegDecoder decoder() {
  auto jpeg = JpegDecoder::create();
  REQUIRE(jpeg);
  return std::move(*jpeg);
}

void require_bad_input(const DeviceResult<GrayImage>& loaded, const std::filesystem::path& path,
                       const std::string& problem) {
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().kind == DeviceError::Kind::bad_input);
  CHECK_THAT(loaded.error().message, Catch::Contains(path.string()) && Catch::Contains(problem));
}

std::string big_endian(std::uint32_t value) {
  return {static_cast<char>(value >> 24), static_cast<char>(value >> 16),
          static_cast<char>(value >> 8), static_cast<char>(value)};
}

}  // namespace

TEST_CASE("a gray PNG loads to exactly its pixels", "[scan][image]") {
  test::TempDir dir;
  const auto original = stripes(40, 30);
  test::write_png(original.view(), dir / "a.png");
  auto jpeg = decoder();
  const auto loaded = load_image_file(dir / "a.png", jpeg);
  REQUIRE(loaded);
  REQUIRE(loaded->width() == 40);
  REQUIRE(loaded->height() == 30);
  CHECK(std::equal(loaded->pixels().begin(), loaded->pixels().end(), original.pixels().begin()));
}

TEST_CASE("a JPEG loads whatever its file name says", "[scan][image]") {
  test::TempDir dir;
  const auto original = stripes(40, 30);
  // The content decides, not the extension.
  test::write_jpeg(original.view(), dir / "photo.png", 95);
  auto jpeg = decoder();
  const auto loaded = load_image_file(dir / "photo.png", jpeg);
  REQUIRE(loaded);
  REQUIRE(loaded->width() == 40);
  int worst = 0;
  for (int y = 0; y < 30; ++y)
    for (int x = 0; x < 40; ++x)
      worst = std::max(worst, std::abs(loaded->at(x, y) - original.at(x, y)));
  CHECK(worst <= 40);  // JPEG rounds the sharp stripes a little, never flips them
  CHECK(loaded->at(0, 0) < 80);
  CHECK(loaded->at(5, 0) > 170);
}

TEST_CASE("transparent parts of a PNG are seen on white", "[scan][image]") {
  test::TempDir dir;
  struct SurfaceDestroy {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  };
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface{
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8)};  // all transparent
  auto* cr = cairo_create(surface.get());
  cairo_set_source_rgba(cr, 0, 0, 0, 1);
  cairo_rectangle(cr, 0, 0, 4, 8);
  cairo_fill(cr);
  cairo_destroy(cr);
  REQUIRE(cairo_surface_write_to_png(surface.get(), (dir / "t.png").c_str()) ==
          CAIRO_STATUS_SUCCESS);
  auto jpeg = decoder();
  const auto loaded = load_image_file(dir / "t.png", jpeg);
  REQUIRE(loaded);
  CHECK(loaded->at(1, 1) == 0);
  CHECK(loaded->at(6, 1) == 255);
}

TEST_CASE("an empty file is bad input naming it", "[scan][image]") {
  test::TempDir dir;
  test::write_file(dir / "zero.png", "");
  auto jpeg = decoder();
  require_bad_input(load_image_file(dir / "zero.png", jpeg), dir / "zero.png", "empty");
}

TEST_CASE("truncated PNG and JPEG files are bad input naming them", "[scan][image]") {
  test::TempDir dir;
  const auto image = stripes(200, 200);
  test::write_png(image.view(), dir / "full.png");
  test::write_jpeg(image.view(), dir / "full.jpg");
  auto png = test::read_file(dir / "full.png");
  auto jpg = test::read_file(dir / "full.jpg");
  test::write_file(dir / "cut.png", png.substr(0, png.size() / 2));
  test::write_file(dir / "cut.jpg", jpg.substr(0, jpg.size() / 2));
  test::write_file(dir / "header.png", png.substr(0, 20));
  auto jpeg = decoder();
  require_bad_input(load_image_file(dir / "cut.png", jpeg), dir / "cut.png", "truncated PNG");
  require_bad_input(load_image_file(dir / "cut.jpg", jpeg), dir / "cut.jpg", "JPEG");
  require_bad_input(load_image_file(dir / "header.png", jpeg), dir / "header.png", "truncated PNG");
}

TEST_CASE("a file that is no image is bad input", "[scan][image]") {
  test::TempDir dir;
  test::write_file(dir / "notes.png", "EINLASS:ABC but not a picture");
  auto jpeg = decoder();
  require_bad_input(load_image_file(dir / "notes.png", jpeg), dir / "notes.png",
                    "not a PNG or JPEG");
  require_bad_input(load_image_file(dir / "missing.png", jpeg), dir / "missing.png", "cannot open");
}

TEST_CASE("a PNG header claiming 100000x100000 pixels is refused before decoding",
          "[scan][image]") {
  test::TempDir dir;
  // A valid signature and IHDR (the CRC is never reached) and nothing else.
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + big_endian(13) + "IHDR" +
                          big_endian(100000) + big_endian(100000) +
                          std::string("\x08\x00\x00\x00\x00", 5) + big_endian(0);
  test::write_file(dir / "huge.png", png);
  auto jpeg = decoder();
  require_bad_input(load_image_file(dir / "huge.png", jpeg), dir / "huge.png", "100000x100000");
}

TEST_CASE("a PNG just too large on one side is refused, one at the limit is read",
          "[scan][image]") {
  test::TempDir dir;
  GrayImage wide(kMaxImageSide + 1, 1, 100);
  test::write_png(wide.view(), dir / "wide.png");
  GrayImage edge(kMaxImageSide, 1, 100);
  test::write_png(edge.view(), dir / "edge.png");
  auto jpeg = decoder();
  require_bad_input(load_image_file(dir / "wide.png", jpeg), dir / "wide.png", "8193x1");
  const auto loaded = load_image_file(dir / "edge.png", jpeg);
  REQUIRE(loaded);
  CHECK(loaded->width() == kMaxImageSide);
}
