#include "scan/qr_decoder.h"

#include "scan/code_cues.h"
#include "scan/scene_change.h"

#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

namespace einlass {

// How the decoder spends its time (1280x720 frames, this 2-core machine, release build; the
// figures come from tests/bench/scan/bench_scan, which measures them beside a plain ZXing call):
//
// 1. Every frame first gets the call a plain ZXing user would make: QR only, the LocalAverage
//    binariser (it survives uneven light where GlobalHistogram and FixedThreshold fail),
//    default effort. ~2.2 ms whether it finds a code or not; frames it reads cost nothing more.
// 2. Only when that reads nothing: block statistics (~0.1 ms), then retries on a picture
//    normalised for local contrast (local_contrast.h, ~0.4 ms). Normalised, faint or glared
//    prints and screens with moire read; negated, dark-mode codes read, which ZXing 1.4 never
//    tries by itself. Inverting the raw frame and calling ZXing again would cost a whole second
//    decode (~2.2 ms); a fixed-threshold read of the normalised picture without ZXing's extra
//    effort (tryHarder, tryDownscale) costs ~0.9 ms and read everything the slower variants
//    read on the benchmark frames. LocalAverage on the normalised picture comes last: slower,
//    but it reads a few real photographs the threshold misses.
// 3. The polarity tried first is guessed from block statistics (code_cues.h): on the
//    benchmark frames the guess was right every time, so a dark-mode code costs one retry.
// 4. A still (dir:) gets every retry in one frame, so a single file with an inverted code is
//    enough. A camera gets at most one retry per frame and only while the picture holds a
//    patch of dense texture: a held code that needs a retry is read at most a frame or two
//    later, and frames without a code do not cost double for ever: an empty entrance costs the
//    plain call plus the block statistics (1.05x), and once every retry has failed on an
//    unchanged scene, none is tried again until the scene changes.
// Measured over the benchmark's mix of degradations: 1.2x the plain call's mean time for
// stills, 1.16x for the camera, p99 under 9 ms; on frames the plain call reads, 1.0x.

namespace {

ZXing::DecodeHints plain_hints() {
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode);
  hints.setBinarizer(ZXing::Binarizer::LocalAverage);
  return hints;
}

ZXing::DecodeHints retry_hints() {
  auto hints = plain_hints();
  // The normalised picture is centred on mid-grey around its local mean, so a fixed threshold
  // binarises it nearly as well as LocalAverage does, at a fraction of the cost.
  hints.setBinarizer(ZXing::Binarizer::FixedThreshold);
  hints.setTryHarder(false);
  hints.setTryDownscale(false);
  return hints;
}

std::optional<std::string> read_qr(GrayView image, const ZXing::DecodeHints& hints) {
  if (image.empty()) return std::nullopt;
  const ZXing::ImageView view(image.pixels, image.width, image.height, ZXing::ImageFormat::Lum,
                              image.stride);
  const auto result = ZXing::ReadBarcode(view, hints);
  if (!result.isValid()) return std::nullopt;
  return result.text();
}

Polarity other(Polarity polarity) {
  return polarity == Polarity::keep ? Polarity::invert : Polarity::keep;
}

// The retries, cheapest and likeliest first: the guessed polarity, then the other one, each
// binarised with a fixed threshold, then again with LocalAverage (slower, and it reads a few
// codes the threshold misses: worn prints, dotted codes).
constexpr int kRetries = 4;

}  // namespace

QrDecoder::QrDecoder(FrameSequence sequence) : sequence_(sequence) {}

std::optional<std::string> QrDecoder::retry(GrayView image, int attempt, Polarity likely) {
  const auto polarity = attempt % 2 == 0 ? likely : other(likely);
  normalize_local_contrast(image, stats_, polarity, normalized_);
  auto hints = retry_hints();
  if (attempt >= 2) hints.setBinarizer(ZXing::Binarizer::LocalAverage);
  return read_qr(normalized_.view(), hints);
}

std::optional<std::string> QrDecoder::decode(GrayView image) {
  if (auto text = read_qr(image, plain_hints())) return text;
  compute_block_stats(image, stats_);
  const auto cues = find_code_cues(stats_);
  if (sequence_ == FrameSequence::stills) {
    for (int attempt = 0; attempt < kRetries; ++attempt)
      if (auto text = retry(image, attempt, cues.likely_polarity)) return text;
    return std::nullopt;
  }
  if (!cues.dense_texture) return std::nullopt;
  if (scene_changed(round_start_, stats_)) {
    round_start_ = stats_;
    round_polarity_ = cues.likely_polarity;
    next_retry_ = 0;
  }
  if (next_retry_ >= kRetries) return std::nullopt;
  return retry(image, next_retry_++, round_polarity_);
}

}  // namespace einlass
