#pragma once
// RAII for the libcups objects the IPP printer creates. Internal to hardware/print.
#include <cups/cups.h>

#include <memory>

namespace einlass::print_detail {

struct HttpClose {
  void operator()(http_t* h) const { httpClose(h); }
};
struct IppDelete {
  void operator()(ipp_t* i) const { ippDelete(i); }
};
using HttpPtr = std::unique_ptr<http_t, HttpClose>;
using IppPtr = std::unique_ptr<ipp_t, IppDelete>;

}  // namespace einlass::print_detail
