#pragma once
// The camera-type scanners by URI:
//   v4l2:/dev/video0?width=1280&height=720&format=mjpeg   (format mjpeg or yuyv; default: MJPEG
//                                                          when the camera offers it)
//   dir:/srv/frames
// Both take repeat_gap_ms (0..60000, default 1500): how long a code must be out of sight before
// it counts again. Tests that show the same ticket twice in a row use repeat_gap_ms=0.
#include <memory>

#include "base/time.h"
#include "device/device_uri.h"
#include "device/scanner.h"

namespace einlass {

// Errors: bad_uri for another scheme, an unknown option or a bad value (naming it); unavailable
// when the folder or the camera is missing or unusable (naming it).
DeviceResult<std::unique_ptr<Scanner>> open_frame_scanner(const DeviceUri& uri);
// As above with the clock that stamps frames (dir: takes it as the pick-up time; v4l2: the
// driver's capture time is mapped onto it). `clock` must outlive the scanner.
DeviceResult<std::unique_ptr<Scanner>> open_frame_scanner(const DeviceUri& uri, const Clock& clock);

}  // namespace einlass
