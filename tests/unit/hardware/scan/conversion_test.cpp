#include <turbojpeg.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>
#include <vector>

#include "scan/camera_format.h"
#include "scan/camera_frame.h"
#include "scan/jpeg_decoder.h"
#include "scan/yuyv.h"
#include "support/time_literals.h"

using namespace einlass;
using namespace std::chrono_literals;

namespace {

// A gradient with a sharp square, so that a wrong stride or a transposed image shows.
GrayImage test_pattern(int width, int height) {
  GrayImage image(width, height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      image.at(x, y) = static_cast<std::uint8_t>(
          (x > width / 4 && x < width / 2 && y > height / 4 && y < height / 2)
              ? 20
              : 60 + (x + 2 * y) % 160);
  return image;
}

struct TjFree {
  void operator()(unsigned char* p) const { tjFree(p); }
};
struct TjDestroy {
  void operator()(void* handle) const { tjDestroy(handle); }
};

// Encodes interleaved pixels of `format` with libturbojpeg, as a camera's MJPEG encoder would.
std::vector<std::uint8_t> encode(const std::vector<std::uint8_t>& pixels, int width, int height,
                                 int format, int subsampling) {
  std::unique_ptr<void, TjDestroy> tj{tjInitCompress()};
  REQUIRE(tj);
  unsigned char* out = nullptr;
  unsigned long size = 0;
  const int pixel_size = tjPixelSize[format];
  REQUIRE(tjCompress2(tj.get(), pixels.data(), width, width * pixel_size, height, format, &out,
                      &size, subsampling, 95, 0) == 0);
  std::unique_ptr<unsigned char, TjFree> owned{out};
  return {out, out + size};
}

int max_difference(const GrayImage& a, const GrayImage& b) {
  int worst = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x) worst = std::max(worst, std::abs(a.at(x, y) - b.at(x, y)));
  return worst;
}

}  // namespace

TEST_CASE("YUYV to gray keeps exactly the Y bytes and skips the line padding", "[scan][convert]") {
  const int width = 4, height = 2, pitch = 12;  // 4 bytes of padding a line
  const std::vector<std::uint8_t> yuyv = {
      10, 200, 11, 201, 12, 202, 13, 203, 0xEE, 0xEE, 0xEE, 0xEE,  //
      20, 210, 21, 211, 22, 212, 23, 213, 0xEE, 0xEE, 0xEE, 0xEE,
  };
  GrayImage gray;
  REQUIRE(yuyv_to_gray(yuyv, width, height, pitch, gray));
  REQUIRE(gray.width() == 4);
  REQUIRE(gray.height() == 2);
  CHECK(std::vector<std::uint8_t>(gray.pixels().begin(), gray.pixels().end()) ==
        std::vector<std::uint8_t>{10, 11, 12, 13, 20, 21, 22, 23});
}

TEST_CASE("YUYV frames that are short or oddly shaped are bad input", "[scan][convert]") {
  GrayImage gray;
  const std::vector<std::uint8_t> bytes(2 * 4 * 2 - 1);
  const auto short_frame = yuyv_to_gray(bytes, 4, 2, 8, gray);
  REQUIRE_FALSE(short_frame);
  CHECK(short_frame.error().kind == DeviceError::Kind::bad_input);
  CHECK_THAT(short_frame.error().message, Catch::Contains("15 bytes"));
  CHECK_FALSE(yuyv_to_gray(std::vector<std::uint8_t>(64), 3, 2, 6, gray));
  CHECK_FALSE(yuyv_to_gray(std::vector<std::uint8_t>(64), 4, 2, 6, gray));
  CHECK_FALSE(yuyv_to_gray(std::vector<std::uint8_t>(64), 0, 2, 8, gray));
}

TEST_CASE("a gray JPEG decodes to its pixels", "[scan][convert]") {
  const auto original = test_pattern(64, 48);
  const std::vector<std::uint8_t> pixels(original.pixels().begin(), original.pixels().end());
  const auto jpeg_bytes = encode(pixels, 64, 48, TJPF_GRAY, TJSAMP_GRAY);
  auto decoder = JpegDecoder::create();
  REQUIRE(decoder);
  GrayImage gray;
  REQUIRE(decoder->decode(jpeg_bytes, gray, "test"));
  REQUIRE(gray.width() == 64);
  REQUIRE(gray.height() == 48);
  CHECK(max_difference(gray, original) <= 8);
}

TEST_CASE("a colour MJPEG frame decodes to its luma", "[scan][convert]") {
  // What a webcam sends: YCbCr 4:2:0. The gray result must be the luma of the RGB picture.
  const int width = 64, height = 48;
  std::vector<std::uint8_t> rgb;
  GrayImage luma(width, height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const bool square = x > 16 && x < 40 && y > 12 && y < 30;
      const int r = square ? 200 : 40 + 2 * x, g = square ? 30 : 90, b = square ? 30 : 60 + 3 * y;
      rgb.insert(rgb.end(), {static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g),
                             static_cast<std::uint8_t>(b)});
      luma.at(x, y) = static_cast<std::uint8_t>((306 * r + 601 * g + 117 * b + 512) >> 10);
    }
  const auto jpeg_bytes = encode(rgb, width, height, TJPF_RGB, TJSAMP_420);
  auto decoder = JpegDecoder::create();
  REQUIRE(decoder);
  GrayImage gray;
  const CameraFrameLayout layout{CameraPixelFormat::mjpeg, width, height, 0};
  REQUIRE(camera_frame_to_gray(layout, jpeg_bytes, *decoder, gray));
  REQUIRE(gray.width() == width);
  CHECK(max_difference(gray, luma) <= 8);
}

TEST_CASE("the camera path converts YUYV buffers too", "[scan][convert]") {
  std::vector<std::uint8_t> yuyv;
  for (int i = 0; i < 8; ++i) yuyv.insert(yuyv.end(), {static_cast<std::uint8_t>(i), 128});
  auto decoder = JpegDecoder::create();
  REQUIRE(decoder);
  GrayImage gray;
  REQUIRE(camera_frame_to_gray({CameraPixelFormat::yuyv, 4, 2, 8}, yuyv, *decoder, gray));
  CHECK(gray.at(3, 1) == 7);
}

TEST_CASE("a JPEG cut short is refused from a file but tolerated from a camera",
          "[scan][convert]") {
  const auto original = test_pattern(64, 64);
  const std::vector<std::uint8_t> pixels(original.pixels().begin(), original.pixels().end());
  auto jpeg_bytes = encode(pixels, 64, 64, TJPF_GRAY, TJSAMP_GRAY);
  jpeg_bytes.resize(jpeg_bytes.size() * 2 / 3);
  auto decoder = JpegDecoder::create();
  REQUIRE(decoder);
  GrayImage gray;
  const auto refused = decoder->decode(jpeg_bytes, gray, "frames/a.jpg");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == DeviceError::Kind::bad_input);
  CHECK_THAT(refused.error().message, Catch::StartsWith("frames/a.jpg: "));
  REQUIRE(decoder->decode(jpeg_bytes, gray, "camera", JpegDamage::tolerate_warnings));
  CHECK(gray.width() == 64);
  // The top rows arrived whole.
  int worst = 0;
  for (int x = 0; x < 64; ++x) worst = std::max(worst, std::abs(gray.at(x, 2) - original.at(x, 2)));
  CHECK(worst <= 8);
}

TEST_CASE("a JPEG header claiming a huge picture is refused before decoding", "[scan][convert]") {
  const auto original = test_pattern(16, 16);
  const std::vector<std::uint8_t> pixels(original.pixels().begin(), original.pixels().end());
  auto jpeg_bytes = encode(pixels, 16, 16, TJPF_GRAY, TJSAMP_GRAY);
  // SOF0: FF C0, length (2), precision (1), height (2), width (2).
  std::size_t sof = 0;
  for (std::size_t i = 0; i + 1 < jpeg_bytes.size(); ++i)
    if (jpeg_bytes[i] == 0xFF && jpeg_bytes[i + 1] == 0xC0) sof = i;
  REQUIRE(sof != 0);
  for (const std::size_t at : {sof + 5, sof + 7}) {
    jpeg_bytes[at] = 0xEA;  // 60000
    jpeg_bytes[at + 1] = 0x60;
  }
  auto decoder = JpegDecoder::create();
  REQUIRE(decoder);
  GrayImage gray;
  const auto refused = decoder->decode(jpeg_bytes, gray, "big.jpg");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == DeviceError::Kind::bad_input);
  CHECK_THAT(refused.error().message, Catch::Contains("60000x60000"));
  CHECK(gray.empty());
}

TEST_CASE("MJPEG is preferred and JPEG counts as MJPEG", "[scan][camera]") {
  const std::vector<std::uint32_t> both = {kFourccYuyv, kFourccMjpeg};
  CHECK(choose_camera_format(std::nullopt, both, "/dev/video0") == CameraPixelFormat::mjpeg);
  CHECK(choose_camera_format(CameraPixelFormat::yuyv, both, "/dev/video0") ==
        CameraPixelFormat::yuyv);
  const std::vector<std::uint32_t> yuyv_only = {kFourccYuyv};
  CHECK(choose_camera_format(std::nullopt, yuyv_only, "/dev/video0") == CameraPixelFormat::yuyv);
  const std::vector<std::uint32_t> jpeg_only = {kFourccJpeg};
  CHECK(choose_camera_format(CameraPixelFormat::mjpeg, jpeg_only, "/dev/video0") ==
        CameraPixelFormat::mjpeg);
}

TEST_CASE("a camera without a usable format is unavailable, naming what it offers",
          "[scan][camera]") {
  const std::vector<std::uint32_t> offered = {fourcc('N', 'V', '1', '2'),
                                              fourcc('H', '2', '6', '4')};
  const auto none = choose_camera_format(std::nullopt, offered, "/dev/video2");
  REQUIRE_FALSE(none);
  CHECK(none.error().kind == DeviceError::Kind::unavailable);
  CHECK_THAT(none.error().message,
             Catch::Contains("/dev/video2") && Catch::Contains("NV12") && Catch::Contains("H264"));
  const std::vector<std::uint32_t> mjpeg_only = {kFourccMjpeg};
  const auto no_yuyv = choose_camera_format(CameraPixelFormat::yuyv, mjpeg_only, "/dev/video0");
  REQUIRE_FALSE(no_yuyv);
  CHECK_THAT(no_yuyv.error().message, Catch::Contains("YUYV") && Catch::Contains("MJPG"));
}

TEST_CASE("camera formats parse from the URI in any case", "[scan][camera]") {
  CHECK(parse_camera_format("MJPEG") == CameraPixelFormat::mjpeg);
  CHECK(parse_camera_format("yuyv") == CameraPixelFormat::yuyv);
  CHECK_FALSE(parse_camera_format("h264"));
  CHECK(fourcc_text(kFourccMjpeg) == "MJPG");
}

TEST_CASE("a frame's arrival is its capture time on the kiosk clock", "[scan][camera]") {
  const auto now = test::utc(2026, 3, 28, 8, 0);
  CHECK(frame_arrival(now, 10'000'000us, 9'960'000us) == now - 40ms);
  // A stamp from the future or from long ago is not trusted beyond 0..1 s.
  CHECK(frame_arrival(now, 10'000'000us, 10'500'000us) == now);
  CHECK(frame_arrival(now, 10'000'000us, 1'000'000us) == now - 1000ms);
}
