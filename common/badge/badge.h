#pragma once
// A name badge: what is printed on it and the page it is printed on. The kiosk fills it from the
// admission decision; the printers render it (render_badge.h) in their own formats.
#include <string>

namespace einlass {

struct BadgeLayout {
  double width_mm = 90;  // 90 x 140 mm portrait is the default; 4 x 3 in labels are 101.6 x 76.2
  double height_mm = 140;
  int dpi = 300;  // raster output (PNG, ZPL): dots per inch
  bool operator==(const BadgeLayout&) const = default;
};

struct Badge {
  std::string event_name;
  std::string name;  // auto-fitted on up to two lines
  std::string organisation;
  std::string category_label;   // "Referent"
  std::string category_colour;  // "#C0392B", the band behind the label
  std::string days_text;        // "Sa 28.03. · So 29.03."
  std::string code;             // drawn as QR: the badge id and revision
  int reprint = 0;              // > 0 prints "Reprint n"
  bool operator==(const Badge&) const = default;
};

}  // namespace einlass
