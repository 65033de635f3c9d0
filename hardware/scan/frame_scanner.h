#pragma once
// A Scanner made of a frame source, the QR decoder and the debouncer: the camera path of the
// kiosk, and of the dir: source that tests and the demo feed with image files.
#include <chrono>
#include <memory>

#include "device/scanner.h"
#include "scan/code_debouncer.h"
#include "scan/frame_source.h"
#include "scan/qr_decoder.h"

namespace einlass {

class FrameScanner final : public Scanner {
 public:
  FrameScanner(std::unique_ptr<FrameSource> source,
               std::chrono::milliseconds repeat_gap = kDefaultRepeatGap);

  // The next code that the debouncer accepts, stamped with its frame's arrival. Frames without a
  // code and repeats of a held code are skipped silently; an unusable frame is bad_input naming
  // it (the kiosk logs it and calls again); unavailable and stopped come from the source.
  DeviceResult<ScannedCode> next() override;
  void stop() override;
  std::string describe() const override;

 private:
  std::unique_ptr<FrameSource> source_;
  QrDecoder decoder_;
  CodeDebouncer debouncer_;
};

}  // namespace einlass
