#pragma once
// `einlass-admin staff-card`: staff cards that, with their holder's PIN, unlock a kiosk's staff
// functions. Issuing and revoking are committed together with their audit log entry.
#include <expected>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "admin/admin_error.h"
#include "admin/event_database.h"
#include "admin/organiser_actions.h"
#include "render/ticket_sheet.h"
#include "staffcard/staff_card.h"
#include "storage/database.h"
#include "storage/staff_card_repository.h"

namespace einlass {

struct IssuedStaffCard {
  StaffCard card;
  std::string text;  // "EINLASS-STAFF:...": what goes into the card's QR code
};

// A new card for `name` (blanks around it are dropped) with `pin`, signed with the event's
// current key and stamped with actor.at. Refuses a name that does not fit a card and a PIN that
// breaks the policy (check_pin_policy: 4 to 8 digits, not 1111 or 1234), saying why. The PIN is
// not stored anywhere; the card carries its scrypt hash. `pin_hash` is for tests, which cannot
// wait for the real cost on every card.
std::expected<IssuedStaffCard, AdminError> issue_staff_card(
    EventDatabase& event, const Actor& actor, std::string_view name, std::string_view pin,
    PinHashParams pin_hash = kDefaultPinHashParams);

// Revokes a card: kiosks refuse it once their replica has the revocation. False when it was
// revoked before (nothing is written then); an error for an id never issued. `why` is required.
std::expected<bool, AdminError> revoke_staff_card(Database& db, StaffCardId id, const Actor& actor,
                                                  std::string_view why);

// Every card ever issued, by id.
std::expected<std::vector<StaffCardRecord>, AdminError> list_staff_cards(Database& db);

// "S000003  Anna Schäfer  issued 2026-09-01T10:00:00.000Z  key 1" with
// "  revoked 2026-09-15T09:00:00.000Z: card lost" appended for a revoked card.
std::string format_staff_card_line(const StaffCardRecord& record);

// A printable A6 page with the event, the holder's name, the card id and the QR code (PDF, or
// PNG at 300 dpi), laid out like a ticket sheet.
std::expected<void, AdminError> write_staff_card_sheet(const EventConfig& event,
                                                       const IssuedStaffCard& issued,
                                                       DocumentFormat format,
                                                       const std::filesystem::path& out);

}  // namespace einlass
