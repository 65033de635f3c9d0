#pragma once
// Reads a PNG the way a kiosk camera would see it and decodes the QR code in it with ZXing.
#include <filesystem>
#include <optional>
#include <string>

namespace einlass::test {

std::optional<std::string> decode_qr_from_png(const std::filesystem::path& png);

}  // namespace einlass::test
