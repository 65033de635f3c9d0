#include "device/printer.h"

namespace einlass {

std::string_view to_string(PrinterState state) {
  switch (state) {
    case PrinterState::ready:
      return "ready";
    case PrinterState::printing:
      return "printing";
    case PrinterState::media_empty:
      return "media_empty";
    case PrinterState::offline:
      return "offline";
    case PrinterState::error:
      return "error";
  }
  return "error";
}

}  // namespace einlass
