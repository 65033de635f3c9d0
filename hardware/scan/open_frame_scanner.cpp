#include "scan/open_frame_scanner.h"

#include <algorithm>
#include <string>

#include "scan/dir_frame_source.h"
#include "scan/frame_scanner.h"
#include "scan/v4l2_camera.h"

namespace einlass {

namespace {

std::unexpected<DeviceError> bad_uri(const DeviceUri& uri, std::string_view why) {
  return device_error(DeviceError::Kind::bad_uri,
                      "device URI \"" + uri.text + "\": " + std::string(why));
}

// A misspelt option ("widht") must not be ignored silently: the kiosk would run with defaults
// nobody chose.
DeviceResult<void> only_known_options(const DeviceUri& uri,
                                      std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : uri.query) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string list;
      for (const auto name : known) list += (list.empty() ? "" : ", ") + std::string(name);
      return bad_uri(uri, "unknown option \"" + key + "\" (known: " + list + ")");
    }
  }
  return {};
}

DeviceResult<std::unique_ptr<Scanner>> open_dir(const DeviceUri& uri, const Clock& clock,
                                                std::chrono::milliseconds repeat_gap) {
  if (auto ok = only_known_options(uri, {"repeat_gap_ms", "poll_ms"}); !ok)
    return std::unexpected(ok.error());
  if (!uri.host.empty()) return bad_uri(uri, "write dir:/path/to/folder, without \"//host\"");
  const auto poll = uri.int_option("poll_ms", static_cast<int>(kDefaultDirPoll.count()), 1, 1000);
  if (!poll) return std::unexpected(poll.error());
  auto source = DirFrameSource::open(uri.path, clock, std::chrono::milliseconds{*poll});
  if (!source) return std::unexpected(source.error());
  return std::make_unique<FrameScanner>(std::move(*source), repeat_gap);
}

DeviceResult<std::unique_ptr<Scanner>> open_v4l2(const DeviceUri& uri, const Clock& clock,
                                                 std::chrono::milliseconds repeat_gap) {
  if (auto ok = only_known_options(uri, {"width", "height", "format", "buffers", "repeat_gap_ms"});
      !ok)
    return std::unexpected(ok.error());
  if (!uri.host.empty()) return bad_uri(uri, "write v4l2:/dev/videoN, without \"//host\"");
  CameraSettings settings;
  settings.device = uri.path;
  const auto width = uri.int_option("width", settings.width, 16, 8192);
  if (!width) return std::unexpected(width.error());
  const auto height = uri.int_option("height", settings.height, 16, 8192);
  if (!height) return std::unexpected(height.error());
  const auto buffers = uri.int_option("buffers", settings.buffers, 2, 16);
  if (!buffers) return std::unexpected(buffers.error());
  settings.width = *width;
  settings.height = *height;
  settings.buffers = *buffers;
  if (const auto format = uri.option("format")) {
    settings.format = parse_camera_format(*format);
    if (!settings.format)
      return bad_uri(
          uri, "the option \"format\" must be mjpeg or yuyv, not \"" + std::string(*format) + "\"");
  }
  auto camera = V4l2Camera::open(settings, clock);
  if (!camera) return std::unexpected(camera.error());
  return std::make_unique<FrameScanner>(std::move(*camera), repeat_gap);
}

}  // namespace

DeviceResult<std::unique_ptr<Scanner>> open_frame_scanner(const DeviceUri& uri) {
  static const SystemClock clock;
  return open_frame_scanner(uri, clock);
}

DeviceResult<std::unique_ptr<Scanner>> open_frame_scanner(const DeviceUri& uri,
                                                          const Clock& clock) {
  if (uri.scheme != "dir" && uri.scheme != "v4l2")
    return bad_uri(uri, "not a camera scanner (expected v4l2: or dir:)");
  const auto gap =
      uri.int_option("repeat_gap_ms", static_cast<int>(kDefaultRepeatGap.count()), 0, 60'000);
  if (!gap) return std::unexpected(gap.error());
  const std::chrono::milliseconds repeat_gap{*gap};
  return uri.scheme == "dir" ? open_dir(uri, clock, repeat_gap) : open_v4l2(uri, clock, repeat_gap);
}

}  // namespace einlass
