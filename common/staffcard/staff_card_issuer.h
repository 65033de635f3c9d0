#pragma once
// Issuing: encode and sign a staff card into the text that goes into its QR code.
#include <string>

#include "staffcard/staff_card.h"
#include "ticket/signing_key.h"

namespace einlass {

// "EINLASS-STAFF:...". `key` must be the key the kiosks know under card.key_id. Requires
// check_encodable(card) (staff_card_codec.h); aborts otherwise.
std::string sign_staff_card(const StaffCard& card, const SigningKey& key);

}  // namespace einlass
