#include "staffcard/staff_card_issuer.h"

#include "staffcard/staff_card_codec.h"

namespace einlass {

std::string sign_staff_card(const StaffCard& card, const SigningKey& key) {
  const std::vector<std::uint8_t> payload = encode_staff_card_payload(card);
  return format_staff_card_text(payload, key.sign(staff_card_signed_message(payload)));
}

}  // namespace einlass
