#include "print/ipp_status.h"

#include <algorithm>
#include <string_view>

namespace einlass {

namespace {

constexpr int kIdle = 3;
constexpr int kProcessing = 4;
constexpr int kStopped = 5;

std::string_view keyword(std::string_view reason) {
  for (const std::string_view suffix : {"-error", "-warning", "-report"})
    if (reason.ends_with(suffix)) return reason.substr(0, reason.size() - suffix.size());
  return reason;
}

bool has(const std::vector<std::string>& reasons, std::initializer_list<std::string_view> keys) {
  return std::any_of(reasons.begin(), reasons.end(), [&](const std::string& r) {
    return std::find(keys.begin(), keys.end(), keyword(r)) != keys.end();
  });
}

std::string detail(const IppPrinterAttributes& a) {
  std::string text;
  for (const auto& reason : a.reasons) {
    if (reason == "none") continue;
    if (!text.empty()) text += ", ";
    text += reason;
  }
  if (!a.message.empty()) text += (text.empty() ? "" : ": ") + a.message;
  return text;
}

}  // namespace

PrinterStatus map_ipp_printer_state(const IppPrinterAttributes& a) {
  const std::string words = detail(a);
  if (has(a.reasons, {"offline", "shutdown", "timed-out", "connecting-to-device"}))
    return {PrinterState::offline, words};
  if (has(a.reasons, {"media-empty", "media-needed"})) return {PrinterState::media_empty, words};
  if (a.state == kStopped) {
    if (has(a.reasons, {"paused", "moving-to-paused"})) return {PrinterState::offline, words};
    return {PrinterState::error, words.empty() ? "stopped" : "stopped: " + words};
  }
  if (!a.accepting_jobs)
    return {PrinterState::error,
            words.empty() ? "not accepting jobs" : "not accepting jobs: " + words};
  const bool error_reason = std::any_of(a.reasons.begin(), a.reasons.end(),
                                        [](const std::string& r) { return r.ends_with("-error"); });
  if (error_reason) return {PrinterState::error, words};
  if (a.state == kProcessing) return {PrinterState::printing, words};
  if (a.state != kIdle)
    return {PrinterState::error, "unknown printer-state " + std::to_string(a.state)};
  return {PrinterState::ready, words};
}

}  // namespace einlass
