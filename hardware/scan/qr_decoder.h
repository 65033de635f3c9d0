#pragma once
// QR codes in gray frames, with ZXing-C++ 1.4 and, where it reads nothing, retries on a local
// contrast normalised picture in both polarities (see qr_decoder.cpp for what each costs and
// why the retries are arranged as they are).
#include <optional>
#include <string>

#include "scan/block_stats.h"
#include "scan/frame_source.h"
#include "scan/gray_image.h"
#include "scan/local_contrast.h"

namespace einlass {

class QrDecoder {
 public:
  // `live`: successive frames show the same scene (a camera); `stills`: each frame stands alone
  // and gets every attempt (the dir: source).
  explicit QrDecoder(FrameSequence sequence);

  // The text of a QR code in `image` (UTF-8), or nullopt when none is read.
  std::optional<std::string> decode(GrayView image);

 private:
  std::optional<std::string> retry(GrayView image, int attempt, Polarity likely);

  FrameSequence sequence_;
  BlockStats stats_;
  GrayImage normalized_;
  // Live only: the block statistics of the frame that started the current round of retries,
  // the polarity guessed then, and the next retry of the round.
  BlockStats round_start_;
  Polarity round_polarity_ = Polarity::keep;
  int next_retry_ = 0;
};

}  // namespace einlass
