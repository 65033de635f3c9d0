#include "hub/kiosk_commands.h"

#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/command_repository.h"

namespace einlass {

namespace {

KioskCommandKind to_stored(CommandKind kind) {
  switch (kind) {
    case CommandKind::reprint:
      return KioskCommandKind::reprint;
    case CommandKind::pause:
      return KioskCommandKind::pause;
    case CommandKind::resume:
      return KioskCommandKind::resume;
  }
  return KioskCommandKind::pause;
}

CommandKind from_stored(KioskCommandKind kind) {
  switch (kind) {
    case KioskCommandKind::reprint:
      return CommandKind::reprint;
    case KioskCommandKind::pause:
      return CommandKind::pause;
    case KioskCommandKind::resume:
      return CommandKind::resume;
  }
  return CommandKind::pause;
}

Command to_message(const KioskCommand& stored) {
  return Command{stored.id, from_stored(stored.kind), stored.ticket_id.value_or(0), stored.staff,
                 stored.reason};
}

}  // namespace

HubResult<Command> queue_command(Database& db, const Clock& clock, const CommandRequest& request) {
  if (auto ok = check_kiosk_id(request.kiosk_id); !ok)
    return hub_error(HubError::Kind::invalid, ok.error());
  if (request.staff.empty())
    return hub_error(HubError::Kind::invalid, "a kiosk command needs the name of who orders it");
  KioskCommand command;
  command.kiosk_id = request.kiosk_id;
  command.kind = to_stored(request.kind);
  command.staff = request.staff;
  command.reason = request.reason;
  command.created_at = clock.now();
  if (request.kind == CommandKind::reprint) {
    auto record = AttendeeRepository(db, clock).find_record(request.ticket_id);
    if (!record) return storage_error(record.error());
    if (!*record)
      return hub_error(
          HubError::Kind::invalid,
          "cannot reprint " + format_ticket_id(request.ticket_id) + ": there is no such ticket");
    auto entered = has_entry(db, clock, request.ticket_id);
    if (!entered) return std::unexpected(entered.error());
    if (!*entered)
      return hub_error(HubError::Kind::invalid,
                       "cannot reprint " + format_ticket_id(request.ticket_id) +
                           ": it has no entry; a first badge is printed at the entrance");
    command.ticket_id = request.ticket_id;
  } else if (request.ticket_id != 0) {
    return hub_error(HubError::Kind::invalid,
                     "pause and resume concern a whole kiosk, not a ticket");
  }
  auto id = CommandRepository(db).add(command);
  if (!id) return storage_error(id.error());
  command.id = *id;
  return to_message(command);
}

HubResult<bool> has_entry(Database& db, const Clock& clock, TicketId ticket) {
  auto events = AdmissionLog(db, clock).events_for_ticket(ticket);
  if (!events) return storage_error(events.error());
  for (const auto& event : *events)
    if (event.kind != AdmissionKind::exit) return true;
  return false;
}

HubResult<std::vector<Command>> commands_after(Database& db, std::string_view kiosk_id,
                                               std::uint64_t after_id) {
  auto stored = CommandRepository(db).after(kiosk_id, after_id);
  if (!stored) return storage_error(stored.error());
  std::vector<Command> out;
  out.reserve(stored->size());
  for (const auto& command : *stored) out.push_back(to_message(command));
  return out;
}

}  // namespace einlass
