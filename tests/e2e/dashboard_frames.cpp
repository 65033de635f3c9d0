// Camera frames of ticket codes for the dashboard's browser test: for every NAME CODE pair it
// writes DIR/NAME.png, the code as a printed ticket seen by an entrance camera. The test drops
// them into a running kiosk's dir: scanner.
// usage: dashboard_frames DIR NAME CODE [NAME CODE ...]
#include <cstdint>
#include <exception>
#include <filesystem>
#include <iostream>

#include "support/frames/frame_maker.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc < 4 || (argc - 2) % 2 != 0) {
    std::cerr << "usage: dashboard_frames DIR NAME CODE [NAME CODE ...]\n";
    return 2;
  }
  const fs::path dir = argv[1];
  try {
    fs::create_directories(dir);
    for (int i = 2; i + 1 < argc; i += 2) {
      // A seed per frame: each looks like another person's ticket in front of the camera.
      const auto seed = static_cast<std::uint32_t>(i);
      const auto frame =
          einlass::test::make_frame(argv[i + 1], einlass::test::FrameStyle::clean, seed);
      einlass::test::write_png(frame.view(), dir / (std::string(argv[i]) + ".png"));
    }
  } catch (const std::exception& error) {
    std::cerr << "dashboard_frames: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
