#include "badge/render_badge.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "badge/badge_geometry.h"
#include "badge/badge_text.h"
#include "badge/label_contrast.h"
#include "base/text.h"
#include "render/cairo_handles.h"
#include "render/colour.h"
#include "render/qr_code.h"
#include "render/qr_draw.h"

namespace einlass {

namespace {

using render_detail::ContextPtr;
using render_detail::SurfacePtr;

constexpr double kMmPerInch = 25.4;
constexpr double kPointsPerInch = 72;
constexpr char kFontFamily[] = "DejaVu Sans";
// Below this a phone camera at arm's length struggles; the kiosk's own camera too.
constexpr double kMinQrModuleMm = 0.25;
constexpr int kMinQrModuleDots = 2;
// Smaller text is cut with "…" rather than shrunk further (2 mm is about 6 pt).
constexpr double kMinTextMm = 2.0;

struct FontOptionsDestroy {
  void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
};
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, FontOptionsDestroy>;

struct Prepared {
  BadgeGeometry geometry;
  QrCode qr;
  Rgb band;
};

std::expected<void, std::string> check_text(std::string_view field, const std::string& text) {
  if (!is_valid_utf8(text))
    return std::unexpected("badge " + std::string(field) + " is not valid UTF-8 text");
  if (contains_control_character(text))
    return std::unexpected("badge " + std::string(field) + " contains a control character");
  return {};
}

std::expected<Prepared, std::string> prepare(const Badge& badge, const BadgeLayout& layout) {
  auto geometry = badge_geometry(layout);
  if (!geometry) return std::unexpected(geometry.error());
  const std::pair<std::string_view, const std::string*> fields[] = {
      {"event name", &badge.event_name},
      {"name", &badge.name},
      {"organisation", &badge.organisation},
      {"category label", &badge.category_label},
      {"days text", &badge.days_text}};
  for (const auto& [field, text] : fields)
    if (auto ok = check_text(field, *text); !ok) return std::unexpected(ok.error());
  if (badge.code.empty()) return std::unexpected("badge has no code for its QR");
  auto qr = QrCode::encode(badge.code, QrErrorCorrection::medium);
  if (!qr) return std::unexpected("badge code cannot be drawn as a QR code: " + qr.error());
  const int modules = qr->size() + 2 * render_detail::kQuietZoneModules;
  const double module_mm = geometry->qr.width / modules;
  if (module_mm < kMinQrModuleMm) {
    char why[160];
    std::snprintf(why, sizeof why,
                  "its QR modules would be %.2f mm on this page, at least %.2f mm are needed",
                  module_mm, kMinQrModuleMm);
    return std::unexpected("badge code of " + std::to_string(badge.code.size()) +
                           " characters is too long: " + why);
  }
  auto band = parse_colour(badge.category_colour);
  if (!band) return std::unexpected("badge category colour: " + band.error());
  return Prepared{*geometry, std::move(*qr), *band};
}

// How one page is drawn: the colour document, or black and white for a label printer.
struct Style {
  bool mono = false;
  bool draw_qr = true;
  double dots_per_mm = 0;  // > 0: raster output, the QR is snapped to whole dots
};

struct QrPlacement {
  double x_mm = 0, y_mm = 0, side_mm = 0;
  int x_dots = 0, y_dots = 0, module_dots = 0;
};

class Painter {
 public:
  Painter(cairo_t* cr, const Badge& badge, const Prepared& prepared, Style style)
      : cr_(cr), badge_(badge), p_(prepared), style_(style) {
    FontOptionsPtr options{cairo_font_options_create()};
    // Unhinted metrics scale linearly with the size, so the fitting below measures once and the
    // PNG lays out exactly like the PDF.
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(cr_, options.get());
  }

  std::expected<QrPlacement, std::string> paint() {
    const auto& g = p_.geometry;
    cairo_set_source_rgb(cr_, 1, 1, 1);
    cairo_paint(cr_);

    BadgeBox event_box = g.header;
    if (badge_.reprint > 0) event_box.width -= paint_reprint_mark(g.header) + g.header.height / 2;
    cairo_set_source_rgb(cr_, 0, 0, 0);
    paint_line(badge_.event_name, event_box, false, event_box.height * 0.6, kMinTextMm);
    paint_lines(badge_.name, g.name, true, 0);
    paint_lines(badge_.organisation, g.organisation, false, kMinTextMm);
    paint_line(badge_.days_text, g.days, false, g.days.height * 0.6, kMinTextMm);
    paint_band(g.band);
    auto qr = place_qr();
    if (!qr) return qr;
    if (style_.draw_qr) render_detail::draw_qr(cr_, p_.qr, qr->x_mm, qr->y_mm, qr->side_mm);
    return qr;
  }

 private:
  void select_font(bool bold) {
    cairo_select_font_face(cr_, kFontFamily, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  }

  FontMetrics metrics() {
    cairo_set_font_size(cr_, 1);
    cairo_font_extents_t extents;
    cairo_font_extents(cr_, &extents);
    return {extents.ascent, extents.descent};
  }

  TextMeasure measure() {
    return [cr = cr_](std::string_view text) {
      const std::string s(text);
      cairo_set_font_size(cr, 1);
      cairo_text_extents_t extents;
      cairo_text_extents(cr, s.c_str(), &extents);
      return extents.x_advance;
    };
  }

  double advance(const std::string& text, double size) {
    cairo_set_font_size(cr_, size);
    cairo_text_extents_t extents;
    cairo_text_extents(cr_, text.c_str(), &extents);
    return extents.x_advance;
  }

  void show(const std::string& text, double size, double x, double baseline, bool centred,
            double centre_x) {
    cairo_set_font_size(cr_, size);
    const double left = centred ? centre_x - advance(text, size) / 2 : x;
    cairo_move_to(cr_, left, baseline);
    cairo_show_text(cr_, text.c_str());
  }

  bool centred() const { return !p_.geometry.landscape; }

  void paint_line(const std::string& text, const BadgeBox& box, bool bold, double max_size,
                  double min_size) {
    select_font(bold);
    const auto line =
        fit_line(text, box.width, box.height, max_size, min_size, metrics(), measure());
    if (line.text.empty()) return;
    show(line.text, line.size, box.x, box.y + line.baseline, centred(), box.centre_x());
  }

  // One or two lines (the name, the organisation); below `min_size` one line cut with "…".
  void paint_lines(const std::string& text, const BadgeBox& box, bool bold, double min_size) {
    select_font(bold);
    const auto fitted = fit_name(text, box.width, box.height, metrics(), measure());
    if (fitted.size < min_size) return paint_line(text, box, bold, min_size, min_size);
    for (std::size_t i = 0; i < fitted.lines.size(); ++i)
      show(fitted.lines[i], fitted.size, box.x, box.y + fitted.baselines[i], centred(),
           box.centre_x());
  }

  // A black tag with "Reprint n" at the right end of the header; returns its width.
  double paint_reprint_mark(const BadgeBox& header) {
    const std::string text = "Reprint " + std::to_string(badge_.reprint);
    select_font(true);
    const double size = header.height * 0.62;
    const double pad = size * 0.4;
    const double width = advance(text, size) + 2 * pad;
    const double x = header.right() - width;
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_rectangle(cr_, x, header.y, width, header.height);
    cairo_fill(cr_);
    cairo_set_source_rgb(cr_, 1, 1, 1);
    const auto m = metrics();
    const double baseline =
        header.y + (header.height - (m.ascent + m.descent) * size) / 2 + m.ascent * size;
    show(text, size, x + pad, baseline, false, 0);
    return width;
  }

  void paint_band(const BadgeBox& band) {
    const bool black_text = black_text_reads_better(p_.band);
    if (!style_.mono) {
      cairo_set_source_rgb(cr_, p_.band.r, p_.band.g, p_.band.b);
      cairo_rectangle(cr_, band.x, band.y, band.width, band.height);
      cairo_fill(cr_);
    } else if (!black_text) {
      cairo_set_source_rgb(cr_, 0, 0, 0);
      cairo_rectangle(cr_, band.x, band.y, band.width, band.height);
      cairo_fill(cr_);
    } else {
      const double frame = band.height * 0.04;
      cairo_set_source_rgb(cr_, 0, 0, 0);
      cairo_set_line_width(cr_, frame);
      cairo_rectangle(cr_, band.x + frame / 2, band.y + frame / 2, band.width - frame,
                      band.height - frame);
      cairo_stroke(cr_);
    }
    const double shade = black_text ? 0 : 1;
    cairo_set_source_rgb(cr_, shade, shade, shade);
    const double inset = band.height * 0.25;
    const BadgeBox label{band.x + inset, band.y, band.width - 2 * inset, band.height};
    select_font(true);
    const auto line = fit_line(badge_.category_label, label.width, label.height, band.height * 0.55,
                               2.5, metrics(), measure());
    if (!line.text.empty())
      show(line.text, line.size, label.x, label.y + line.baseline, true, label.centre_x());
  }

  // In raster output the QR is snapped to whole dots per module, centred in its square, so that
  // every module has the same width and the code stays sharp.
  std::expected<QrPlacement, std::string> place_qr() {
    const auto& box = p_.geometry.qr;
    const int modules = p_.qr.size() + 2 * render_detail::kQuietZoneModules;
    QrPlacement q;
    if (style_.dots_per_mm <= 0) {
      q.x_mm = box.x;
      q.y_mm = box.y;
      q.side_mm = box.width;
      return q;
    }
    const double dpmm = style_.dots_per_mm;
    const int side_dots = static_cast<int>(std::floor(box.width * dpmm));
    q.module_dots = side_dots / modules;
    if (q.module_dots < kMinQrModuleDots)
      return std::unexpected("badge QR of " + std::to_string(modules) + " modules gets only " +
                             std::to_string(q.module_dots) + " dot(s) per module at this dpi; " +
                             "at least " + std::to_string(kMinQrModuleDots) + " are needed");
    const int used = q.module_dots * modules;
    q.x_dots = static_cast<int>(std::lround(box.x * dpmm)) + (side_dots - used) / 2;
    q.y_dots = static_cast<int>(std::lround(box.y * dpmm)) + (side_dots - used) / 2;
    q.x_mm = q.x_dots / dpmm;
    q.y_mm = q.y_dots / dpmm;
    q.side_mm = used / dpmm;
    return q;
  }

  cairo_t* cr_;
  const Badge& badge_;
  const Prepared& p_;
  Style style_;
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::expected<void, std::string> check(cairo_status_t status, std::string_view what) {
  if (status == CAIRO_STATUS_SUCCESS) return {};
  return std::unexpected("cannot render the badge " + std::string(what) + ": " +
                         cairo_status_to_string(status));
}

std::expected<QrPlacement, std::string> paint_on(cairo_surface_t* surface, double scale,
                                                 const Badge& badge, const Prepared& prepared,
                                                 Style style) {
  ContextPtr cr{cairo_create(surface)};
  cairo_scale(cr.get(), scale, scale);
  Painter painter{cr.get(), badge, prepared, style};
  auto placed = painter.paint();
  if (!placed) return placed;
  if (auto ok = check(cairo_status(cr.get()), "page"); !ok) return std::unexpected(ok.error());
  return placed;
}

SurfacePtr raster_surface(const BadgeLayout& layout) {
  const double dpmm = layout.dpi / kMmPerInch;
  return SurfacePtr{cairo_image_surface_create(
      CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(layout.width_mm * dpmm)),
      static_cast<int>(std::lround(layout.height_mm * dpmm)))};
}

}  // namespace

std::expected<std::string, std::string> render_badge(const Badge& badge, const BadgeLayout& layout,
                                                     DocumentFormat format) {
  auto prepared = prepare(badge, layout);
  if (!prepared) return std::unexpected(prepared.error());
  std::string out;
  if (format == DocumentFormat::pdf) {
    const double scale = kPointsPerInch / kMmPerInch;
    SurfacePtr surface{cairo_pdf_surface_create_for_stream(
        append_to_string, &out, layout.width_mm * scale, layout.height_mm * scale)};
    if (auto ok = check(cairo_surface_status(surface.get()), "PDF"); !ok)
      return std::unexpected(ok.error());
    const std::string title = "Badge " + badge.code;
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Einlass");
    if (auto ok = paint_on(surface.get(), scale, badge, *prepared, {}); !ok)
      return std::unexpected(ok.error());
    cairo_surface_finish(surface.get());
    if (auto ok = check(cairo_surface_status(surface.get()), "PDF"); !ok)
      return std::unexpected(ok.error());
    return out;
  }
  const double dpmm = layout.dpi / kMmPerInch;
  SurfacePtr surface = raster_surface(layout);
  if (auto ok = check(cairo_surface_status(surface.get()), "PNG"); !ok)
    return std::unexpected(ok.error());
  if (auto ok = paint_on(surface.get(), dpmm, badge, *prepared, {false, true, dpmm}); !ok)
    return std::unexpected(ok.error());
  if (auto ok =
          check(cairo_surface_write_to_png_stream(surface.get(), append_to_string, &out), "PNG");
      !ok)
    return std::unexpected(ok.error());
  return out;
}

std::expected<BadgeRaster, std::string> render_badge_bitmap(const Badge& badge,
                                                            const BadgeLayout& layout, BadgeQr qr) {
  auto prepared = prepare(badge, layout);
  if (!prepared) return std::unexpected(prepared.error());
  const double dpmm = layout.dpi / kMmPerInch;
  SurfacePtr surface = raster_surface(layout);
  if (auto ok = check(cairo_surface_status(surface.get()), "bitmap"); !ok)
    return std::unexpected(ok.error());
  auto placed = paint_on(surface.get(), dpmm, badge, *prepared, {true, qr == BadgeQr::drawn, dpmm});
  if (!placed) return std::unexpected(placed.error());
  cairo_surface_flush(surface.get());

  const int width = cairo_image_surface_get_width(surface.get());
  const int height = cairo_image_surface_get_height(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  BadgeRaster raster;
  raster.bitmap = MonoBitmap(width, height);
  for (int y = 0; y < height; ++y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    std::uint8_t* out = raster.bitmap.row(y);
    for (int x = 0; x < width; ++x) {
      // Only black and white were drawn; grey is antialiasing at an edge.
      const auto green = (row[x] >> 8) & 0xFF;
      if (green < 128) out[x / 8] = static_cast<std::uint8_t>(out[x / 8] | (0x80u >> (x % 8)));
    }
  }
  const int quiet = render_detail::kQuietZoneModules;
  raster.qr_modules = prepared->qr.size();
  raster.qr_module_dots = placed->module_dots;
  raster.qr_x = placed->x_dots + quiet * placed->module_dots;
  raster.qr_y = placed->y_dots + quiet * placed->module_dots;
  return raster;
}

}  // namespace einlass
