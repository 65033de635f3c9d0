#pragma once
// Orders for kiosks: queued by einlass-admin (reprint a badge, pause, resume), delivered by the
// running server, which notices them through the sync log.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "hub/hub_error.h"
#include "storage/database.h"
#include "sync/messages.h"

namespace einlass {

struct CommandRequest {
  CommandKind kind = CommandKind::pause;
  std::string kiosk_id;
  TicketId ticket_id = 0;  // reprint only
  std::string staff;       // who orders it
  std::string reason;
};

// `invalid` for a malformed kiosk id, no staff, a reprint of a ticket that does not exist or has
// not come in (no entry), or a ticket given with pause or resume. Returns the command as the kiosk
// will receive it.
HubResult<Command> queue_command(Database& db, const Clock& clock, const CommandRequest& request);

// Whether `ticket` has come in (an admission of any kind but an exit, at a kiosk or the desk): a
// reprint is for a badge that was printed before.
HubResult<bool> has_entry(Database& db, const Clock& clock, TicketId ticket);

// The kiosk's commands with id > after_id, oldest first.
HubResult<std::vector<Command>> commands_after(Database& db, std::string_view kiosk_id,
                                               std::uint64_t after_id);

}  // namespace einlass
