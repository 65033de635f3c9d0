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

}  // namespace einlass::render_detail
