// Kiosks gone quiet: one kiosk_offline alert per absence, named by the moment the kiosk was last
// heard (the alert's seq), so calling this every few seconds raises each absence once.
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/event_view.h"
#include "desk/kiosk_view.h"
#include "storage/alert_repository.h"

namespace einlass {

using namespace desk_detail;

DeskResult<std::size_t> DeskService::raise_offline_alerts(std::chrono::seconds threshold) {
  return guarded("raising offline alerts", [&] {
    const Timestamp now = clock_.now();
    const EventView view = load_event_view(db_);
    AlertRepository alerts(db_);
    std::size_t raised = 0;
    for (const auto& kiosk : load_kiosks(db_)) {
      if (kiosk.row.connected) continue;
      const auto silent = now - kiosk.row.last_seen;
      if (silent <= threshold) continue;
      const NewAlert alert{
          AlertKind::kiosk_offline, kiosk.row.kiosk_id,
          static_cast<std::uint64_t>(to_unix_ms(kiosk.row.last_seen)), std::nullopt,
          "offline since " + view.time_text.clock(kiosk.row.last_seen) + " (" +
              std::to_string(std::chrono::duration_cast<std::chrono::seconds>(silent).count()) +
              " s)"};
      if (need(alerts.raise(alert, now))) ++raised;
    }
    return raised;
  });
}

}  // namespace einlass
