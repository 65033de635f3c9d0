#include "scan/frame_scanner.h"

namespace einlass {

FrameScanner::FrameScanner(std::unique_ptr<FrameSource> source,
                           std::chrono::milliseconds repeat_gap)
    : source_(std::move(source)), decoder_(source_->sequence()), debouncer_(repeat_gap) {}

DeviceResult<ScannedCode> FrameScanner::next() {
  for (;;) {
    auto frame = source_->next();
    if (!frame) return std::unexpected(frame.error());
    auto text = decoder_.decode(frame->image);
    if (!text) continue;
    if (debouncer_.accept(*text, frame->arrived))
      return ScannedCode{std::move(*text), frame->arrived};
  }
}

void FrameScanner::stop() {
  source_->stop();
}

std::string FrameScanner::describe() const {
  return source_->describe();
}

}  // namespace einlass
