#include "render/text_fit.h"

namespace einlass::render_detail {

double fit_font_size(cairo_t* cr, const std::string& text, double max_width, double max_size,
                     double min_size) {
  double size = max_size;
  while (size > min_size) {
    cairo_set_font_size(cr, size);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, text.c_str(), &ext);
    if (ext.x_advance <= max_width) return size;
    size *= 0.95;
  }
  return min_size;
}

void draw_centred(cairo_t* cr, const std::string& text, double centre_x, double baseline) {
  cairo_text_extents_t ext;
  cairo_text_extents(cr, text.c_str(), &ext);
  cairo_move_to(cr, centre_x - ext.x_advance / 2, baseline);
  cairo_show_text(cr, text.c_str());
}

void draw_fitted(cairo_t* cr, const std::string& text, FittedLine line, double width,
                 double centre_x, double baseline) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, line.weight);
  cairo_set_font_size(cr, fit_font_size(cr, text, width, line.max_size, line.min_size));
  draw_centred(cr, text, centre_x, baseline);
}

}  // namespace einlass::render_detail
