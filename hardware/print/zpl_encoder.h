#pragma once
// ZPL II for Zebra-compatible label printers, pure: no sockets. The badge goes as 1-bit ^GF
// graphics (what the PDF shows, fonts and umlauts included, without depending on the printer's
// fonts) and its QR code as a native ^BQ field, which the printer draws with sharp module edges.
#include <expected>
#include <string>
#include <string_view>

#include "badge/badge.h"
#include "badge/mono_bitmap.h"
#include "badge/render_badge.h"

namespace einlass {

// Bytes of one ^GF field at most: older firmware clamps larger counts, so a badge is sent as
// horizontal strips.
inline constexpr int kZplMaxGraphicBytes = 99999;
// ^BQ magnification range: dots per module.
inline constexpr int kZplMaxQrMagnification = 10;

struct ZplQr {
  int x = 0, y = 0;       // ^FO of the symbol
  int magnification = 1;  // dots per module
  std::string data;       // the code; printable ASCII
};

struct ZplLabel {
  int width_dots = 0;   // ^PW
  int height_dots = 0;  // ^LL
  std::string title;    // ^FX comment, for the printer's logs
};

// ^GF data in Zebra's ASCII compression: runs as repeat letters (G..Y = 1..19, g..z = 20..400),
// ',' for a row ending in white, '!' for a row ending in black, ':' for a row equal to the one
// before.
std::string zpl_compressed_rows(const MonoBitmap& bitmap, int first_row, int rows);

// One ^XA..^XZ label: the bitmap in strips of at most kZplMaxGraphicBytes, then the QR if any.
std::string encode_zpl(const ZplLabel& label, const MonoBitmap& bitmap, const ZplQr* qr);

// True when the printer's ^BQ in automatic mode encodes `code` as is: printable ASCII.
bool zpl_native_qr_possible(std::string_view code);

// Renders the badge at layout.dpi and encodes it; the QR is native when the code allows,
// otherwise part of the bitmap.
std::expected<std::string, std::string> badge_to_zpl(const Badge& badge, const BadgeLayout& layout,
                                                     std::string_view title);

}  // namespace einlass
