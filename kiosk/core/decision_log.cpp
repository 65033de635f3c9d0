#include "core/decision_log.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace einlass {

namespace {

nlohmann::json header(std::string_view event, std::string_view kiosk_id, Timestamp at) {
  return nlohmann::json{{"time", format_utc(at)}, {"kiosk", kiosk_id}, {"event", event}};
}

std::string_view verdict(const Decision& decision) {
  if (!decision.admitted) return "refused";
  return decision.kind == AdmissionKind::exit ? "exit" : "admitted";
}

}  // namespace

std::string decision_log_line(const Decision& decision, std::string_view kiosk_id,
                              Timestamp logged_at, double latency_ms) {
  auto line = header("decision", kiosk_id, logged_at);
  // Unverified codes have no ticket id worth logging (it could be anything the code claimed).
  line["ticket"] = decision.ticket_id == 0 ? nlohmann::json(nullptr)
                                           : nlohmann::json(format_ticket_id(decision.ticket_id));
  line["verdict"] = verdict(decision);
  line["reason"] = decision.reason ? nlohmann::json(to_string(*decision.reason)) : nullptr;
  line["latency_ms"] = std::round(latency_ms * 100) / 100;
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string print_log_line(const PrintJob& job, TicketId ticket, std::string_view kiosk_id,
                           Timestamp logged_at, PrintJobState state, std::string_view detail) {
  auto line = header("print", kiosk_id, logged_at);
  line["job"] = job.id;
  line["ticket"] = format_ticket_id(ticket);
  line["reprint"] = job.reprint;
  line["attempt"] = job.attempts;
  line["state"] = to_string(state);
  line["detail"] = detail;
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string status_log_line(std::string_view what, std::string_view kiosk_id, Timestamp logged_at,
                            std::string_view detail) {
  auto line = header(what, kiosk_id, logged_at);
  line["detail"] = detail;
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace einlass
