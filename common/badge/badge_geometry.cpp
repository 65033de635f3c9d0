#include "badge/badge_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace einlass {

namespace {

std::string number_text(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", value);
  return buf;
}

std::string size_text(const BadgeLayout& layout) {
  return number_text(layout.width_mm) + " x " + number_text(layout.height_mm) + " mm";
}

// One column: header, name, organisation, QR, days, band.
BadgeGeometry portrait(double w, double h) {
  BadgeGeometry g;
  const double margin = 0.05 * w;
  const double inner = w - 2 * margin;
  g.band = {0, h * 0.85, w, h * 0.15};
  g.header = {margin, margin, inner, h * 0.06};
  g.name = {margin, g.header.bottom() + h * 0.02, inner, h * 0.22};
  g.organisation = {margin, g.name.bottom() + h * 0.01, inner, h * 0.06};
  g.days = {margin, g.band.y - h * 0.015 - h * 0.05, inner, h * 0.05};
  const double qr_top = g.organisation.bottom() + h * 0.01;
  const double side = std::min(g.days.y - h * 0.005 - qr_top, inner);
  g.qr = {(w - side) / 2, qr_top + (g.days.y - h * 0.005 - qr_top - side) / 2, side, side};
  return g;
}

// Text on the left, QR on the right, band along the bottom.
BadgeGeometry landscape(double w, double h) {
  BadgeGeometry g;
  g.landscape = true;
  const double margin = 0.05 * h;
  g.band = {0, h * 0.83, w, h * 0.17};
  g.header = {margin, margin, w - 2 * margin, h * 0.09};
  const double top = g.header.bottom() + h * 0.02;
  const double bottom = g.band.y - h * 0.02;
  // The quiet zone is white already, so the QR box may reach into the right margin.
  const double side = std::min(bottom - top, w * 0.36);
  g.qr = {w - margin / 2 - side, top + (bottom - top - side) / 2, side, side};
  const double text_width = g.qr.x - margin - margin / 2;
  g.name = {margin, top, text_width, h * 0.34};
  g.organisation = {margin, g.name.bottom() + h * 0.02, text_width, h * 0.1};
  g.days = {margin, g.organisation.bottom() + h * 0.03, text_width, h * 0.08};
  return g;
}

}  // namespace

std::expected<BadgeGeometry, std::string> badge_geometry(const BadgeLayout& layout) {
  const double w = layout.width_mm;
  const double h = layout.height_mm;
  if (!std::isfinite(w) || !std::isfinite(h) || w < kMinBadgeSideMm || h < kMinBadgeSideMm)
    return std::unexpected("badge page " + size_text(layout) +
                           " is too small: each side needs at least " +
                           number_text(kMinBadgeSideMm) + " mm");
  if (w > kMaxBadgeSideMm || h > kMaxBadgeSideMm)
    return std::unexpected("badge page " + size_text(layout) + " is too large: each side at most " +
                           number_text(kMaxBadgeSideMm) + " mm");
  if (layout.dpi < kMinBadgeDpi || layout.dpi > kMaxBadgeDpi)
    return std::unexpected("badge resolution " + std::to_string(layout.dpi) + " dpi is outside " +
                           std::to_string(kMinBadgeDpi) + ".." + std::to_string(kMaxBadgeDpi) +
                           " dpi");
  return w > h ? landscape(w, h) : portrait(w, h);
}

}  // namespace einlass
