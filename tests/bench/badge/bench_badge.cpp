// Badge rendering benchmark: how long a kiosk takes from "print this badge" to the bytes a
// printer gets: PDF (file:, ipp:), PNG (file:), and ZPL (zpl:, a 1-bit bitmap plus its encoding),
// on the default 90 x 140 mm card and a 4 x 3 in label. Beside them, as the reference measured in
// the same run, the cost of a blank page of the same size written as PNG (cairo + zlib alone).
// Prints a table; asserts nothing about speed. --quick runs a few iterations for ctest.
#include <cairo.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "badge/render_badge.h"
#include "print/zpl_encoder.h"

#include "bench/latency.h"

namespace {

using namespace einlass;
using Stopwatch = std::chrono::steady_clock;

using bench::Latency;
using bench::summarise;

const char* const kNames[] = {
    "Anna Ng",           "Maximilian-Alexander von Müller-Lüdenscheidt", "Dr. Jürgen Weiß",
    "Zoë Øverlie-Ståhl", "Prof. Dr. Anna-Lena Großkreuz-Bärwald",
};

Badge badge_number(int i) {
  Badge b;
  b.event_name = "Digitaler Staat 2026";
  b.name = kNames[static_cast<std::size_t>(i) % std::size(kNames)];
  b.organisation = "Landesamt für Digitalisierung, Breitband und Vermessung Sachsen-Anhalt";
  b.category_label = i % 2 == 0 ? "Referent" : "Teilnehmer";
  b.category_colour = i % 2 == 0 ? "#C0392B" : "#F1C40F";
  b.days_text = "Sa 28.03. · So 29.03.";
  b.code = "B1:K1-" + std::to_string(100000 + i) + ":r0";
  b.reprint = i % 7 == 0 ? 1 : 0;
  return b;
}

// Runs `work` n times (after two warm-up runs); returns latencies and the last output size.
Latency measure(int n, std::size_t& bytes, const std::function<std::size_t(int)>& work) {
  work(0);
  work(1);
  std::vector<double> ms;
  ms.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const auto start = Stopwatch::now();
    bytes = work(i);
    ms.push_back(std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count());
  }
  return summarise(std::move(ms));
}

cairo_status_t count_bytes(void* closure, const unsigned char*, unsigned int length) {
  *static_cast<std::size_t*>(closure) += length;
  return CAIRO_STATUS_SUCCESS;
}

std::size_t blank_png(const BadgeLayout& layout) {
  const double dpmm = layout.dpi / 25.4;
  cairo_surface_t* surface = cairo_image_surface_create(
      CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(layout.width_mm * dpmm)),
      static_cast<int>(std::lround(layout.height_mm * dpmm)));
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_destroy(cr);
  std::size_t bytes = 0;
  cairo_surface_write_to_png_stream(surface, count_bytes, &bytes);
  cairo_surface_destroy(surface);
  return bytes;
}

std::size_t must(std::expected<std::string, std::string> out) {
  if (!out) {
    std::fprintf(stderr, "render failed: %s\n", out.error().c_str());
    std::exit(1);
  }
  return out->size();
}

void row(const char* what, const Latency& l, std::size_t bytes, double reference_p50) {
  std::printf("  %-34s %8.2f %8.2f %8.2f %10zu %8.2fx\n", what, l.p50, l.p99, l.mean, bytes,
              l.p50 / reference_p50);
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const int n = quick ? 5 : 200;
  std::printf("badge rendering, %d runs each (ms; ratio = p50 / blank PNG page p50)\n", n);

  struct Case {
    const char* title;
    BadgeLayout layout;
  };
  for (const Case& c : {Case{"90 x 140 mm card, 300 dpi", BadgeLayout{90, 140, 300}},
                        Case{"4 x 3 in label, 203 dpi", BadgeLayout{101.6, 76.2, 203}}}) {
    const auto& layout = c.layout;
    std::printf("\n%s\n  %-34s %8s %8s %8s %10s %9s\n", c.title, "", "p50", "p99", "mean", "bytes",
                "ratio");
    std::size_t bytes = 0;
    const auto reference = measure(n, bytes, [&](int) { return blank_png(layout); });
    row("reference: blank page as PNG", reference, bytes, reference.p50);
    const auto pdf = measure(n, bytes, [&](int i) {
      return must(render_badge(badge_number(i), layout, DocumentFormat::pdf));
    });
    row("PDF (file:, ipp:)", pdf, bytes, reference.p50);
    const auto png = measure(n, bytes, [&](int i) {
      return must(render_badge(badge_number(i), layout, DocumentFormat::png));
    });
    row("PNG (file:)", png, bytes, reference.p50);
    const auto bitmap = measure(n, bytes, [&](int i) {
      auto raster = render_badge_bitmap(badge_number(i), layout, BadgeQr::left_blank);
      if (!raster) std::exit(1);
      return raster->bitmap.bytes().size();
    });
    row("1-bit bitmap alone", bitmap, bytes, reference.p50);
    const auto zpl = measure(
        n, bytes, [&](int i) { return must(badge_to_zpl(badge_number(i), layout, "badge")); });
    row("ZPL (zpl:, bitmap + encoding)", zpl, bytes, reference.p50);
    const auto raster = render_badge_bitmap(badge_number(0), layout, BadgeQr::left_blank);
    std::printf(
        "  ZPL size %zu bytes; the same ^GF as plain hex would be %zu bytes (%.1fx)\n", bytes,
        2 * raster->bitmap.bytes().size(),
        2.0 * static_cast<double>(raster->bitmap.bytes().size()) / static_cast<double>(bytes));
  }
  return 0;
}
