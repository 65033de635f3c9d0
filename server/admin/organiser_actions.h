#pragma once
// Changes an organiser makes from the command line. Each is committed together with its audit
// log entry (who, when, what, why): both stay, or neither.
#include <expected>
#include <string>
#include <string_view>

#include "admin/admin_error.h"
#include "base/time.h"
#include "event/attendee.h"
#include "storage/database.h"

namespace einlass {

struct Actor {
  std::string who;  // "cli:anna": the operating system user behind einlass-admin
  Timestamp at{};
};

// Cancel, block or reactivate a registration. Fails for a ticket id that does not exist.
std::expected<void, AdminError> change_status(Database& db, TicketId id, AttendeeStatus status,
                                              const Actor& actor, std::string_view why);

// Revokes a ticket; false when it was revoked before (nothing is written then). `why` is
// required: a revocation refuses someone at the door.
std::expected<bool, AdminError> revoke_ticket(Database& db, TicketId id, const Actor& actor,
                                              std::string_view why);

// A new signing key that signs tickets from now on; older keys stay valid. Returns its id.
std::expected<KeyId, AdminError> rotate_signing_key(Database& db, const Actor& actor);

// Retires a key: it signs nothing and leaves every keyring, so its tickets become unknown_key.
std::expected<void, AdminError> retire_signing_key(Database& db, KeyId id, const Actor& actor);

}  // namespace einlass
