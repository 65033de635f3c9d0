#include "admin/code_check.h"

#include "admin/event_database.h"
#include "rules/decide.h"
#include "rules/messages.h"
#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/revocation_repository.h"
#include "ticket/ticket_verifier.h"

namespace einlass {

namespace {

nlohmann::json days_json(DayMask days, int day_count) {
  auto list = nlohmann::json::array();
  for (int day = 1; day <= day_count; ++day) {
    if (has_day(days, day)) list.push_back(day);
  }
  return list;
}

nlohmann::json optional_time(const std::optional<Timestamp>& t) {
  return t ? nlohmann::json(format_utc(*t)) : nlohmann::json(nullptr);
}

nlohmann::json ticket_json(const Ticket& ticket, const EventConfig& event) {
  const Category* category = find_category(event, ticket.category);
  return {
      {"ticket_id", format_ticket_id(ticket.ticket_id)},
      {"event_id", ticket.event_id},
      {"key_id", ticket.key_id},
      {"category", category ? category->slug : std::to_string(ticket.category)},
      {"days", days_json(ticket.days, event.day_count)},
      {"valid_from", optional_time(ticket.valid_from)},
      {"valid_until", optional_time(ticket.valid_until)},
      {"name", ticket.display_name},
      {"organisation", ticket.organisation},
  };
}

nlohmann::json decision_json(const Decision& decision, const EventConfig& event,
                             const EventCalendar& calendar, Timestamp at) {
  return {
      {"verdict", decision.admitted ? "admit" : "refuse"},
      {"reason", decision.reason ? nlohmann::json(to_string(*decision.reason)) : nullptr},
      {"kind", to_string(decision.kind)},
      {"at", format_utc(at)},
      {"event_day", decision.event_day},
      {"message_de", attendee_message(decision, Language::de, event.name, calendar)},
      {"message_en", attendee_message(decision, Language::en, event.name, calendar)},
      {"explanation", staff_explanation(decision, calendar)},
  };
}

}  // namespace

std::expected<nlohmann::json, AdminError> check_code(EventDatabase& opened, std::string_view code,
                                                     Timestamp at, const Entrance& entrance) {
  Database& db = opened.db;
  const EventConfig& event = opened.event;
  const EventCalendar& calendar = opened.calendar;
  auto keyring = load_keyring(db, event.id);
  if (!keyring) return std::unexpected(keyring.error());

  auto ticket = verify_ticket(code, *keyring);
  if (!ticket) {
    auto out = decision_json(refuse_unverified(ticket.error()), event, calendar, at);
    out["ticket"] = nullptr;
    out["problem"] = to_string(ticket.error().problem);
    return out;
  }

  const SystemClock clock;  // stamps writes only; verify writes nothing
  ReplicaFacts facts;
  auto record = AttendeeRepository{db, clock}.find_record(ticket->ticket_id);
  if (!record) return std::unexpected(storage_failure(db.path(), record.error()));
  facts.attendee = *record;
  auto revoked = RevocationRepository{db}.is_revoked(ticket->ticket_id);
  if (!revoked) return std::unexpected(storage_failure(db.path(), revoked.error()));
  facts.revoked = *revoked;
  auto history = AdmissionLog{db, clock}.events_for_ticket(ticket->ticket_id);
  if (!history) return std::unexpected(storage_failure(db.path(), history.error()));

  const Decision decision = decide(*ticket, facts, *history, at, entrance, calendar, event.reentry);
  auto out = decision_json(decision, event, calendar, at);
  out["ticket"] = ticket_json(*ticket, event);
  return out;
}

}  // namespace einlass
