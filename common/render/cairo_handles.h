#pragma once
// RAII for the cairo objects this library creates. Internal to common/render.
#include <cairo.h>

#include <memory>

namespace einlass::render_detail {

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDestroy {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDestroy>;

}  // namespace einlass::render_detail
