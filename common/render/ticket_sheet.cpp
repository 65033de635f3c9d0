#include "render/ticket_sheet.h"

#include <cairo-pdf.h>

#include "render/cairo_handles.h"
#include "render/colour.h"
#include "render/qr_code.h"
#include "render/qr_draw.h"
#include "render/text_fit.h"

namespace einlass {

namespace {

using render_detail::ContextPtr;
using render_detail::SurfacePtr;

constexpr double kPageWidthMm = 105;
constexpr double kPageHeightMm = 148;
constexpr double kMarginMm = 6;
constexpr double kPngDpi = 300;
constexpr double kMmPerInch = 25.4;

void draw_page(cairo_t* cr, const TicketSheet& sheet, const QrCode& qr, Rgb band) {
  using render_detail::draw_fitted;
  using render_detail::FittedLine;
  constexpr auto bold = CAIRO_FONT_WEIGHT_BOLD;
  constexpr auto normal = CAIRO_FONT_WEIGHT_NORMAL;
  const double centre = kPageWidthMm / 2;
  const double width = kPageWidthMm - 2 * kMarginMm;
  auto line = [&](const std::string& text, FittedLine style, double baseline) {
    draw_fitted(cr, text, style, width, centre, baseline);
  };

  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);

  // Header band in the category colour with the event.
  cairo_set_source_rgb(cr, band.r, band.g, band.b);
  cairo_rectangle(cr, 0, 0, kPageWidthMm, 22);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  line(sheet.event_name, {bold, 6, 2.5}, 11);
  line(sheet.event_dates, {normal, 4, 2}, 18);

  // Who the ticket is for.
  cairo_set_source_rgb(cr, 0, 0, 0);
  line(sheet.attendee_name, {bold, 7, 2.5}, 33);
  line(sheet.organisation, {normal, 4.2, 2}, 40);

  const double qr_side = 74;
  render_detail::draw_qr(cr, qr, centre - qr_side / 2, 44, qr_side);

  line(sheet.days_text, {normal, 3.6, 2}, 124);
  line(sheet.ticket_id_text, {normal, 3, 3}, 129.5);

  // Footer band with the category label.
  cairo_set_source_rgb(cr, band.r, band.g, band.b);
  cairo_rectangle(cr, 0, kPageHeightMm - 13, kPageWidthMm, 13);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  line(sheet.category_label, {bold, 6, 2.5}, kPageHeightMm - 4.5);
}

std::expected<void, std::string> check(cairo_status_t status, const std::filesystem::path& out) {
  if (status == CAIRO_STATUS_SUCCESS) return {};
  return std::unexpected("cannot write " + out.string() + ": " + cairo_status_to_string(status));
}

}  // namespace

std::expected<void, std::string> render_ticket_sheet(const TicketSheet& sheet,
                                                     DocumentFormat format,
                                                     const std::filesystem::path& out) {
  auto qr = QrCode::encode(sheet.code, QrErrorCorrection::medium);
  if (!qr) return std::unexpected("ticket " + sheet.ticket_id_text + ": " + qr.error());
  auto band = parse_colour(sheet.category_colour);
  if (!band) return std::unexpected(band.error());

  const bool pdf = format == DocumentFormat::pdf;
  const double scale = pdf ? 72.0 / kMmPerInch : kPngDpi / kMmPerInch;
  SurfacePtr surface{
      pdf ? cairo_pdf_surface_create(out.c_str(), kPageWidthMm * scale, kPageHeightMm * scale)
          : cairo_image_surface_create(CAIRO_FORMAT_RGB24,
                                       static_cast<int>(kPageWidthMm * scale + 0.5),
                                       static_cast<int>(kPageHeightMm * scale + 0.5))};
  if (auto ok = check(cairo_surface_status(surface.get()), out); !ok) return ok;
  if (pdf) {
    const std::string title = sheet.event_name + " – " + sheet.ticket_id_text;
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  }
  {
    ContextPtr cr{cairo_create(surface.get())};
    cairo_scale(cr.get(), scale, scale);
    draw_page(cr.get(), sheet, *qr, *band);
    if (auto ok = check(cairo_status(cr.get()), out); !ok) return ok;
  }
  if (!pdf) {
    if (auto ok = check(cairo_surface_write_to_png(surface.get(), out.c_str()), out); !ok)
      return ok;
  }
  cairo_surface_finish(surface.get());
  return check(cairo_surface_status(surface.get()), out);
}

}  // namespace einlass
