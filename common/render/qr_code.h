#pragma once
// QR symbols as a module matrix, made with libqrencode. Drawing is someone else's job.
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace einlass {

enum class QrErrorCorrection { low, medium, quartile, high };

class QrCode {
 public:
  // Picks the smallest version that holds `text`; alphanumeric runs use alphanumeric mode.
  static std::expected<QrCode, std::string> encode(std::string_view text, QrErrorCorrection level);

  int version() const { return version_; }
  int size() const { return size_; }  // modules per side, without the quiet zone
  bool dark(int x, int y) const { return modules_[static_cast<std::size_t>(y * size_ + x)] != 0; }

 private:
  QrCode(int version, int size, std::vector<std::uint8_t> modules)
      : version_(version), size_(size), modules_(std::move(modules)) {}

  int version_;
  int size_;
  std::vector<std::uint8_t> modules_;
};

}  // namespace einlass
