#include "render/qr_code.h"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace einlass {

namespace {

QRecLevel to_qrencode(QrErrorCorrection level) {
  switch (level) {
    case QrErrorCorrection::low:
      return QR_ECLEVEL_L;
    case QrErrorCorrection::medium:
      return QR_ECLEVEL_M;
    case QrErrorCorrection::quartile:
      return QR_ECLEVEL_Q;
    case QrErrorCorrection::high:
      return QR_ECLEVEL_H;
  }
  return QR_ECLEVEL_M;
}

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::expected<QrCode, std::string> QrCode::encode(std::string_view text, QrErrorCorrection level) {
  if (text.empty()) return std::unexpected("nothing to encode");
  if (text.find('\0') != std::string_view::npos) {
    return std::unexpected("text contains a NUL byte");
  }
  const std::string owned{text};
  // Case-sensitive so lowercase stays lowercase; QR_MODE_8 lets libqrencode split the text into
  // alphanumeric and byte segments by itself.
  std::unique_ptr<QRcode, QrFree> code{
      QRcode_encodeString(owned.c_str(), 0, to_qrencode(level), QR_MODE_8, 1)};
  if (!code) {
    return std::unexpected(errno == ERANGE
                               ? std::string{"text too long for a QR code"}
                               : std::string{"QR encoding failed: "} + std::strerror(errno));
  }
  const int size = code->width;
  std::vector<std::uint8_t> modules(static_cast<std::size_t>(size * size));
  for (std::size_t i = 0; i < modules.size(); ++i) modules[i] = code->data[i] & 1u;
  return QrCode{code->version, size, std::move(modules)};
}

}  // namespace einlass
