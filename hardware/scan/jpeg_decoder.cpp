#include "scan/jpeg_decoder.h"

#include <turbojpeg.h>

#include <string>

#include "scan/image_limits.h"

namespace einlass {

struct JpegDecoder::Handle {
  tjhandle tj = nullptr;
  Handle() = default;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() {
    if (tj != nullptr) tjDestroy(tj);
  }
};

namespace {

std::unexpected<DeviceError> bad_jpeg(std::string_view what, std::string_view problem) {
  return device_error(DeviceError::Kind::bad_input,
                      std::string(what) + ": " + std::string(problem));
}

}  // namespace

DeviceResult<JpegDecoder> JpegDecoder::create() {
  auto handle = std::make_unique<Handle>();
  handle->tj = tjInitDecompress();
  if (handle->tj == nullptr)
    return device_error(
        DeviceError::Kind::unavailable,
        std::string("libturbojpeg: cannot create a decompressor: ") + tjGetErrorStr2(nullptr));
  return JpegDecoder(std::move(handle));
}

JpegDecoder::JpegDecoder(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}
JpegDecoder::JpegDecoder(JpegDecoder&&) noexcept = default;
JpegDecoder& JpegDecoder::operator=(JpegDecoder&&) noexcept = default;
JpegDecoder::~JpegDecoder() = default;

DeviceResult<void> JpegDecoder::decode(std::span<const std::uint8_t> jpeg, GrayImage& into,
                                       std::string_view what, JpegDamage damage) {
  if (jpeg.empty()) return bad_jpeg(what, "empty (0 bytes)");
  const auto* data = jpeg.data();
  const auto size = static_cast<unsigned long>(jpeg.size());
  int width = 0;
  int height = 0;
  int subsampling = 0;
  int colourspace = 0;
  if (tjDecompressHeader3(handle_->tj, data, size, &width, &height, &subsampling, &colourspace) !=
      0)
    return bad_jpeg(what, std::string("not a readable JPEG: ") + tjGetErrorStr2(handle_->tj));
  if (auto problem = image_size_problem(width, height))
    return bad_jpeg(what, "JPEG header " + *problem);
  into.reshape(width, height);
  // LIMITSCANS refuses progressive files with absurd scan counts, a known way to make libjpeg
  // spin for minutes on a few kilobytes.
  const int flags = TJFLAG_LIMITSCANS | (damage == JpegDamage::refuse ? TJFLAG_STOPONWARNING : 0);
  if (tjDecompress2(handle_->tj, data, size, into.pixels().data(), width, into.stride(), height,
                    TJPF_GRAY, flags) != 0) {
    const bool warning_only = tjGetErrorCode(handle_->tj) == TJERR_WARNING;
    if (!(warning_only && damage == JpegDamage::tolerate_warnings))
      return bad_jpeg(what, std::string("damaged JPEG: ") + tjGetErrorStr2(handle_->tj));
  }
  return {};
}

}  // namespace einlass
