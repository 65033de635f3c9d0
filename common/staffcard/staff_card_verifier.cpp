#include "staffcard/staff_card_verifier.h"

#include <utility>

#include "base/text.h"
#include "staffcard/staff_card_codec.h"

namespace einlass {

std::expected<StaffCard, StaffCardError> verify_staff_card(std::string_view scanned,
                                                           const Keyring& keyring) {
  auto parsed = parse_staff_card(scanned);
  if (!parsed) return std::unexpected(std::move(parsed.error()));
  const StaffCard& c = parsed->card;
  const std::string id = format_staff_card_id(c.card_id);
  if (c.event_id != keyring.event_id()) {
    return std::unexpected(
        StaffCardError{StaffCardProblem::other_event,
                       "staff card " + id + " of event " + std::to_string(c.event_id) +
                           ", this kiosk serves event " + std::to_string(keyring.event_id())});
  }
  if (!keyring.contains(c.key_id)) {
    return std::unexpected(
        StaffCardError{StaffCardProblem::unknown_key, "staff card " + id + " is signed with key " +
                                                          std::to_string(c.key_id) +
                                                          ", which this kiosk does not hold"});
  }
  const std::vector<std::uint8_t> message = staff_card_signed_message(parsed->payload);
  if (!keyring.verify(c.key_id, message, parsed->signature)) {
    return std::unexpected(StaffCardError{
        StaffCardProblem::bad_signature,
        "the signature does not match: forged or altered (claims to be staff card " + id + ")"});
  }
  return std::move(parsed->card);
}

bool looks_like_staff_card(std::string_view scanned) {
  return starts_with_ignoring_ascii_case(trim(scanned), kStaffCardPrefix);
}

}  // namespace einlass
