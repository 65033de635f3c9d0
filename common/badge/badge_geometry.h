#pragma once
// Where each element of a badge goes on its page, in millimetres from the top left corner. The
// layout is proportional to the page, so one rule serves 90 x 140 mm cards and 4 x 3 in labels:
// tall pages stack everything in one column, wide pages put the QR code beside the text.
#include <expected>
#include <string>

#include "badge/badge.h"

namespace einlass {

struct BadgeBox {
  double x = 0, y = 0, width = 0, height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
  double centre_x() const { return x + width / 2; }
};

struct BadgeGeometry {
  bool landscape = false;
  BadgeBox header;        // the event name; a reprint mark takes its right end
  BadgeBox name;          // one or two lines
  BadgeBox organisation;  // one line
  BadgeBox days;          // one line
  BadgeBox qr;            // square, quiet zone included
  BadgeBox band;          // category colour, edge to edge, with the label
};

// Accepted pages and resolutions.
inline constexpr double kMinBadgeSideMm = 40;
inline constexpr double kMaxBadgeSideMm = 400;
inline constexpr int kMinBadgeDpi = 72;
inline constexpr int kMaxBadgeDpi = 1200;

// Errors name the size or resolution that is out of range.
std::expected<BadgeGeometry, std::string> badge_geometry(const BadgeLayout& layout);

}  // namespace einlass
