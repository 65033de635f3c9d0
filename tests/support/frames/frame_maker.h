#pragma once
// Camera-like 1280x720 gray frames of a QR code, made in the test: a printed ticket or a phone
// held in front of a cluttered background, with the degradations a real entrance camera sees.
// The same arguments always give the same pixels, so a failing frame can be written out and
// looked at. Used by the scan unit tests, the scan benchmark and the kiosk's end-to-end test.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "scan/gray_image.h"

namespace einlass::test {

inline constexpr int kFrameWidth = 1280;
inline constexpr int kFrameHeight = 720;

enum class FrameStyle {
  clean,               // a printed ticket, sharp, slightly turned
  tilted,              // turned 45 degrees in the picture and leaning back 45 degrees
  blurred,             // out of focus
  motion_blurred,      // moved while the shutter was open
  low_contrast_glare,  // a grey print under a bright reflection
  small_off_centre,    // far away near a corner: about 3 pixels per module
  upside_down,         // turned 180 degrees
  moire_screen,        // a phone screen whose pixel grid beats against the camera's
  inverted,            // a phone in dark mode: light modules on a dark screen
};

inline constexpr std::array kAllFrameStyles = {
    FrameStyle::clean,
    FrameStyle::tilted,
    FrameStyle::blurred,
    FrameStyle::motion_blurred,
    FrameStyle::low_contrast_glare,
    FrameStyle::small_off_centre,
    FrameStyle::upside_down,
    FrameStyle::moire_screen,
    FrameStyle::inverted,
};

std::string_view to_string(FrameStyle style);

// `text` as a QR code (error correction M, as tickets are printed) in `style`. `seed` moves the
// code a little, changes the background and the sensor noise, so that a benchmark gets distinct
// frames. Throws std::invalid_argument when `text` does not fit a QR code.
GrayImage make_frame(std::string_view text, FrameStyle style, std::uint32_t seed = 1);

// The background and sensor noise of make_frame without any code: what the camera sees between
// attendees.
GrayImage make_empty_frame(std::uint32_t seed = 1);

// A realistic ticket text: "EINLASS:" followed by 242 characters of the base44 alphabet (the
// length of a ticket with a name and an organisation), different for each seed.
std::string ticket_like_text(std::uint32_t seed = 1);

// Failures throw std::runtime_error naming the path.
void write_png(GrayView image, const std::filesystem::path& path);
void write_jpeg(GrayView image, const std::filesystem::path& path, int quality = 90);
// The JPEG bytes write_jpeg would write (4:0:0 gray).
std::vector<std::uint8_t> encode_jpeg(GrayView image, int quality = 90);

}  // namespace einlass::test
