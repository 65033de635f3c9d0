#include "hub/admission_alerts.h"

namespace einlass {

std::string describe_key(const EventKey& key) {
  return key.kiosk_id + "#" + std::to_string(key.seq);
}

std::string describe_event(const AdmissionEvent& event) {
  std::string text =
      "ticket " + format_ticket_id(event.ticket_id) + ", " + std::string(to_string(event.kind)) +
      " on day " + std::to_string(event.event_day) + " at " + format_utc(event.scan_time) +
      ", hlc " + std::to_string(event.hlc.wall_ms) + "." + std::to_string(event.hlc.logical);
  if (!event.staff.empty()) text += ", by " + event.staff;
  if (!event.reason.empty()) text += " (" + event.reason + ")";
  return text;
}

std::vector<NewAlert> alerts_for(const MergeResult& merged, const Revocation* revocation) {
  std::vector<NewAlert> out;
  for (const auto& m : merged.events) {
    const AdmissionEvent& e = m.event;
    if (m.duplicate_of) {
      out.push_back({AlertKind::duplicate, e.key.kiosk_id, e.key.seq, e.ticket_id,
                     "repeats the admission " + describe_key(*m.duplicate_of) + " on day " +
                         std::to_string(e.event_day)});
    }
    if (m.admitted_after_revocation) {
      std::string detail = "admitted at " + format_utc(e.scan_time) + " on day " +
                           std::to_string(e.event_day) + ", after the ticket was revoked";
      if (revocation != nullptr) detail += " at " + format_utc(revocation->revoked_at);
      out.push_back(
          {AlertKind::admitted_after_revocation, e.key.kiosk_id, e.key.seq, e.ticket_id, detail});
    }
  }
  return out;
}

NewAlert key_conflict_alert(const AdmissionEvent& kept, const AdmissionEvent& other) {
  return {AlertKind::key_conflict, kept.key.kiosk_id, kept.key.seq, kept.ticket_id,
          "sequence number used twice: kept " + describe_event(kept) + "; also sent " +
              describe_event(other)};
}

std::string alert_line(const NewAlert& alert) {
  std::string line(to_string(alert.kind));
  const bool about_event = alert.kind == AlertKind::duplicate ||
                           alert.kind == AlertKind::admitted_after_revocation ||
                           alert.kind == AlertKind::key_conflict;
  if (about_event)
    line += " " + describe_key({alert.kiosk_id, alert.seq});
  else if (!alert.kiosk_id.empty())
    line += " " + alert.kiosk_id;
  if (alert.ticket_id) line += " (" + format_ticket_id(*alert.ticket_id) + ")";
  return line + ": " + alert.detail;
}

}  // namespace einlass
