#include "eventlog/admission_event.h"

namespace einlass {

std::string_view to_string(AdmissionKind kind) {
  switch (kind) {
    case AdmissionKind::entry:
      return "entry";
    case AdmissionKind::exit:
      return "exit";
    case AdmissionKind::manual_entry:
      return "manual_entry";
  }
  return "entry";
}

std::expected<void, std::string> check_kiosk_id(std::string_view kiosk_id) {
  if (kiosk_id.empty() || kiosk_id.size() > 32)
    return std::unexpected("a kiosk id has 1 to 32 characters");
  for (const char c : kiosk_id) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!allowed)
      return std::unexpected("the kiosk id \"" + std::string(kiosk_id) +
                             "\" may hold only letters, digits, '-' and '_'");
  }
  return {};
}

}  // namespace einlass
