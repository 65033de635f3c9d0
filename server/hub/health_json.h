#pragma once
// A kiosk's device health and activity as the JSON kept in kiosks.health, read back by the
// status report and the dashboard.
#include <optional>
#include <string>
#include <string_view>

#include "sync/messages.h"

namespace einlass {

// {"printer":"paper_out","printer_detail":"media-empty","scanner":"ok","scanner_detail":"",
//  "paused":false,"refusals":{"invalid":1},"print_jobs":{"done":40},
//  "recent_refusals":[{"ticket":42,"reason":"already_admitted","at":1774684800000}]}
std::string health_to_json(const DeviceHealth& health);
// nullopt for text health_to_json did not write (the '{}' of a kiosk that sent no heartbeat).
std::optional<DeviceHealth> health_from_json(std::string_view json);

std::string_view printer_word(PrinterHealth state);
std::string_view scanner_word(ScannerHealth state);

}  // namespace einlass
