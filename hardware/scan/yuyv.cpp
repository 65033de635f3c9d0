#include "scan/yuyv.h"

#include <string>

#include "scan/image_limits.h"

namespace einlass {

DeviceResult<void> yuyv_to_gray(std::span<const std::uint8_t> yuyv, int width, int height,
                                int bytes_per_line, GrayImage& into) {
  if (auto problem = image_size_problem(width, height))
    return device_error(DeviceError::Kind::bad_input, "YUYV frame " + *problem);
  if (width % 2 != 0)
    return device_error(DeviceError::Kind::bad_input,
                        "YUYV frame has an odd width " + std::to_string(width));
  if (bytes_per_line < 2 * width)
    return device_error(DeviceError::Kind::bad_input,
                        "YUYV line pitch " + std::to_string(bytes_per_line) +
                            " is shorter than a line of " + std::to_string(width) + " pixels");
  const auto needed =
      static_cast<std::size_t>(bytes_per_line) * static_cast<std::size_t>(height - 1) +
      2 * static_cast<std::size_t>(width);
  if (yuyv.size() < needed)
    return device_error(DeviceError::Kind::bad_input,
                        "YUYV frame of " + std::to_string(yuyv.size()) + " bytes is short of the " +
                            std::to_string(needed) + " its size needs");
  into.reshape(width, height);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* in = yuyv.data() + static_cast<std::ptrdiff_t>(y) * bytes_per_line;
    std::uint8_t* out = into.row(y);
    for (int x = 0; x < width; ++x) out[x] = in[2 * x];
  }
  return {};
}

}  // namespace einlass
