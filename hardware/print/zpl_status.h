#pragma once
// The answer of a Zebra printer to ~HS (host status): three strings, each framed by STX and
// ETX CR LF, of comma-separated flags.
#include <optional>
#include <string_view>

#include "device/printer.h"

namespace einlass {

// True once `received` holds all three strings.
bool zpl_host_status_complete(std::string_view received);

// Paper out -> media_empty; head open or ribbon out -> error; paused -> offline; labels still
// in the buffer -> printing; else ready. nullopt when the first two strings are not there or
// malformed.
std::optional<PrinterStatus> parse_zpl_host_status(std::string_view received);

}  // namespace einlass
