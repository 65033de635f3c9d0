#pragma once
// Draws a badge (badge.h) on its page: PDF and PNG for file and IPP printers, a 1-bit bitmap for
// label printers. Fonts are DejaVu Sans (fonts-dejavu-core); the QR code holds Badge::code.
#include <expected>
#include <string>

#include "badge/badge.h"
#include "badge/mono_bitmap.h"
#include "render/ticket_sheet.h"  // DocumentFormat

namespace einlass {

// The whole file: a one-page PDF of the layout's size, or a PNG at the layout's dpi. Errors name
// what is wrong: the page size or resolution, a bad category colour, a code too long for the QR,
// a field that is not UTF-8 text.
std::expected<std::string, std::string> render_badge(const Badge& badge, const BadgeLayout& layout,
                                                     DocumentFormat format);

enum class BadgeQr {
  drawn,       // the bitmap holds the QR code
  left_blank,  // its square stays white, for a printer that draws the QR itself
};

struct BadgeRaster {
  MonoBitmap bitmap;  // layout.dpi dots per inch
  // Where the QR symbol is (or belongs): the top left dot of its first module, modules per side
  // without the quiet zone, and dots per module.
  int qr_x = 0;
  int qr_y = 0;
  int qr_modules = 0;
  int qr_module_dots = 0;
};

// The badge in black and white at layout.dpi. The colour band turns black with white text when
// white text suits its colour, else stays white inside a black frame, so the label stays legible.
std::expected<BadgeRaster, std::string> render_badge_bitmap(const Badge& badge,
                                                            const BadgeLayout& layout,
                                                            BadgeQr qr = BadgeQr::drawn);

}  // namespace einlass
