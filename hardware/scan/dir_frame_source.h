#pragma once
// dir:FOLDER — every PNG or JPEG file that appears in FOLDER is one camera frame, taken in name
// order. Names starting with '.' are ignored, so writers write ".name.tmp" and rename it into
// place. Each handled file, readable or not, is moved to FOLDER/done/.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>

#include "base/time.h"
#include "scan/frame_source.h"
#include "scan/jpeg_decoder.h"

namespace einlass {

inline constexpr std::chrono::milliseconds kDefaultDirPoll{50};

class DirFrameSource final : public FrameSource {
 public:
  // Creates FOLDER/done when missing. Errors: unavailable when FOLDER is not a directory or
  // done/ cannot be made. `clock` stamps each frame when its file is picked up and must outlive
  // the source.
  static DeviceResult<std::unique_ptr<DirFrameSource>> open(
      std::filesystem::path folder, const Clock& clock,
      std::chrono::milliseconds poll = kDefaultDirPoll);

  // Waits for the next file, polling the folder every `poll`. bad_input names an unreadable
  // file (already moved to done/); unavailable when the folder cannot be listed or a file cannot
  // be moved (that file is then skipped for the life of this source).
  DeviceResult<Frame> next() override;
  void stop() override;
  FrameSequence sequence() const override { return FrameSequence::stills; }
  std::string describe() const override;

 private:
  DirFrameSource(std::filesystem::path folder, const Clock& clock, std::chrono::milliseconds poll,
                 JpegDecoder jpeg);

  // The first waiting file in name order, or an empty path.
  DeviceResult<std::filesystem::path> first_waiting() const;
  DeviceResult<void> move_to_done(const std::filesystem::path& file);

  std::filesystem::path folder_;
  std::filesystem::path done_;
  const Clock& clock_;
  std::chrono::milliseconds poll_;
  JpegDecoder jpeg_;
  GrayImage current_;
  std::set<std::filesystem::path> unmovable_;

  std::atomic<bool> stopped_{false};
  std::mutex wait_mutex_;
  std::condition_variable wake_;
};

}  // namespace einlass
