#include "scan/dir_frame_source.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <system_error>

#include "scan/image_file.h"

namespace einlass {

namespace {

bool is_frame_name(const std::filesystem::path& name) {
  const auto text = name.string();
  if (text.empty() || text.front() == '.') return false;
  auto extension = name.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".png" || extension == ".jpg" || extension == ".jpeg";
}

}  // namespace

DeviceResult<std::unique_ptr<DirFrameSource>> DirFrameSource::open(std::filesystem::path folder,
                                                                   const Clock& clock,
                                                                   std::chrono::milliseconds poll) {
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error))
    return device_error(DeviceError::Kind::unavailable,
                        "dir " + folder.string() + ": not a directory" +
                            (error ? " (" + error.message() + ")" : std::string{}));
  std::filesystem::create_directory(folder / "done", error);
  if (error)
    return device_error(DeviceError::Kind::unavailable,
                        "dir " + folder.string() + ": cannot create done/: " + error.message());
  auto jpeg = JpegDecoder::create();
  if (!jpeg) return std::unexpected(jpeg.error());
  return std::unique_ptr<DirFrameSource>(
      new DirFrameSource(std::move(folder), clock, poll, std::move(*jpeg)));
}

DirFrameSource::DirFrameSource(std::filesystem::path folder, const Clock& clock,
                               std::chrono::milliseconds poll, JpegDecoder jpeg)
    : folder_(std::move(folder)),
      done_(folder_ / "done"),
      clock_(clock),
      poll_(poll),
      jpeg_(std::move(jpeg)) {}

DeviceResult<std::filesystem::path> DirFrameSource::first_waiting() const {
  std::error_code error;
  std::filesystem::directory_iterator it(folder_, error);
  std::filesystem::path first;
  for (; !error && it != std::filesystem::directory_iterator{}; it.increment(error)) {
    const auto& path = it->path();
    if (!is_frame_name(path.filename()) || unmovable_.contains(path)) continue;
    std::error_code type_error;
    if (!it->is_regular_file(type_error)) continue;
    if (first.empty() || path.filename() < first.filename()) first = path;
  }
  if (error)
    return device_error(DeviceError::Kind::unavailable,
                        "dir " + folder_.string() + ": cannot list: " + error.message());
  return first;
}

DeviceResult<void> DirFrameSource::move_to_done(const std::filesystem::path& file) {
  std::error_code error;
  std::filesystem::rename(file, done_ / file.filename(), error);
  if (!error) return {};
  unmovable_.insert(file);
  return device_error(DeviceError::Kind::unavailable, "dir " + folder_.string() + ": cannot move " +
                                                          file.filename().string() +
                                                          " to done/: " + error.message());
}

DeviceResult<Frame> DirFrameSource::next() {
  for (;;) {
    if (stopped_) return device_error(DeviceError::Kind::stopped, "dir " + folder_.string());
    auto file = first_waiting();
    if (!file) return std::unexpected(file.error());
    if (!file->empty()) {
      const auto arrived = clock_.now();
      auto image = load_image_file(*file, jpeg_);
      // Moved whatever came of reading it, so that a bad file is reported once, not forever.
      if (auto moved = move_to_done(*file); !moved) return std::unexpected(moved.error());
      if (!image) return std::unexpected(image.error());
      current_ = std::move(*image);
      return Frame{current_.view(), arrived};
    }
    std::unique_lock lock(wait_mutex_);
    wake_.wait_for(lock, poll_, [&] { return stopped_.load(); });
  }
}

void DirFrameSource::stop() {
  {
    std::lock_guard lock(wait_mutex_);
    stopped_ = true;
  }
  wake_.notify_all();
}

std::string DirFrameSource::describe() const {
  return "dir " + folder_.string();
}

}  // namespace einlass
