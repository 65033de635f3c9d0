#include "render/qr_draw.h"

namespace einlass::render_detail {

void draw_qr(cairo_t* cr, const QrCode& code, double x, double y, double side) {
  const double module = side / (code.size() + 2 * kQuietZoneModules);
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x, y, side, side);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  // Without antialiasing neighbouring modules share exact edges and no hairline gaps appear.
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  for (int row = 0; row < code.size(); ++row) {
    for (int col = 0; col < code.size(); ++col) {
      if (!code.dark(col, row)) continue;
      cairo_rectangle(cr, x + (col + kQuietZoneModules) * module,
                      y + (row + kQuietZoneModules) * module, module, module);
    }
  }
  cairo_fill(cr);
  cairo_restore(cr);
}

}  // namespace einlass::render_detail
