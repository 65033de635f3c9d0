#include "app/scanner_trouble.h"

#include <utility>

namespace einlass {

void ScannerTrouble::note(const std::string& uri, const DeviceError& problem) {
  const auto line = uri + ": " + problem.message;
  if (problem.kind == DeviceError::Kind::bad_uri) {
    broken_.insert_or_assign(uri, line);
    return;
  }
  passing_ = line;
}

ScannerTrouble::Report ScannerTrouble::report() {
  Report out;
  auto passing = std::exchange(passing_, std::string());
  if (!broken_.empty()) {
    out.health = ScannerHealth::error;
    out.detail = broken_.begin()->second;
    return out;
  }
  if (passing.empty()) return out;
  out.health = ScannerHealth::error;
  out.detail = std::move(passing);
  return out;
}

}  // namespace einlass
