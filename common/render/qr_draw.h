#pragma once
// Draws a QR symbol with its quiet zone into a square. Internal to common/render.
#include <cairo.h>

#include "render/qr_code.h"

namespace einlass::render_detail {

inline constexpr int kQuietZoneModules = 4;

void draw_qr(cairo_t* cr, const QrCode& code, double x, double y, double side);

}  // namespace einlass::render_detail
