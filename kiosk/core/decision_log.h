#pragma once
// The kiosk's log: one JSON object per line on stdout (journald keeps it), for every decision
// and every print job. Ticket ids, verdicts and reasons only: never a name.
#include <string>
#include <string_view>

#include "base/time.h"
#include "rules/decide.h"
#include "storage/print_job_repository.h"

namespace einlass {

// {"time":"2026-03-28T08:01:02.345Z","kiosk":"K1","event":"decision","ticket":"T000042",
//  "verdict":"admitted"|"exit"|"refused","reason":"already_admitted"|null,"latency_ms":3.1}
std::string decision_log_line(const Decision& decision, std::string_view kiosk_id,
                              Timestamp logged_at, double latency_ms);

// {"time":..,"kiosk":..,"event":"print","job":7,"ticket":"T000042","attempt":1,
//  "state":"done"|"failed"|"printing","detail":".."}
std::string print_log_line(const PrintJob& job, TicketId ticket, std::string_view kiosk_id,
                           Timestamp logged_at, PrintJobState state, std::string_view detail);

// {"time":..,"kiosk":..,"event":"<what>","detail":".."} for device faults, starts and stops.
std::string status_log_line(std::string_view what, std::string_view kiosk_id, Timestamp logged_at,
                            std::string_view detail);

}  // namespace einlass
