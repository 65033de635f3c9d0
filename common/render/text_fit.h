#pragma once
// Text drawing helpers for cairo pages laid out in millimetres. Internal to common/render.
#include <cairo.h>

#include <string>

namespace einlass::render_detail {

// Largest font size <= `max_size` (and >= `min_size`) at which `text` fits in `max_width`.
double fit_font_size(cairo_t* cr, const std::string& text, double max_width, double max_size,
                     double min_size);

// Draws `text` horizontally centred on `centre_x` with its baseline at `baseline`.
void draw_centred(cairo_t* cr, const std::string& text, double centre_x, double baseline);

// One centred line of text in the layout's font, as large as fits `width`.
struct FittedLine {
  cairo_font_weight_t weight = CAIRO_FONT_WEIGHT_NORMAL;
  double max_size = 4;
  double min_size = 2;
};

// Selects the font (DejaVu Sans of `line.weight`), fits the size and draws centred.
void draw_fitted(cairo_t* cr, const std::string& text, FittedLine line, double width,
                 double centre_x, double baseline);

}  // namespace einlass::render_detail
