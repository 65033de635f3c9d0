#pragma once
// The staff card's wire format and its text form, without cryptography.
//
// Payload (format 1), integers unsigned big endian:
//   magic u8 (0x53, 'S') | version u8 (=1) | key id u8 | event id u32 | card id u32 (>= 1) |
//   issued_at u32 (unix seconds) | scrypt log2 N u8 | scrypt r u8 | scrypt p u8 |
//   PIN salt (16 bytes) | PIN hash (16 bytes) | name length u8 (1..64) | name (UTF-8)
// followed by the 64-byte Ed25519 signature over kStaffCardSigningContext + payload.
//
// Text form: "EINLASS-STAFF:" + base44(payload + signature), all QR alphanumeric characters.
//
// A staff card and a ticket can never stand in for each other: neither prefix is a prefix of the
// other; a card's payload starts with 0x53 where a ticket's starts with its format version (1),
// so a card body under the ticket prefix is an unsupported ticket version and a ticket body under
// the card prefix is malformed; and the card's signature covers a context string that no
// ticket's signed bytes begin with, so no signature is valid for both.
#include <array>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "staffcard/staff_card.h"
#include "staffcard/staff_card_error.h"

namespace einlass {

inline constexpr std::string_view kStaffCardPrefix = "EINLASS-STAFF:";
inline constexpr std::uint8_t kStaffCardMagic = 0x53;
inline constexpr std::uint8_t kStaffCardFormatVersion = 1;
inline constexpr std::string_view kStaffCardSigningContext = "einlass staff card\n";
inline constexpr std::size_t kStaffCardSignatureSize = 64;

using StaffCardSignature = std::array<std::uint8_t, kStaffCardSignatureSize>;

// A card as read from a scan. Nothing in it is trustworthy until the signature is verified.
struct UnverifiedStaffCard {
  StaffCard card;
  std::vector<std::uint8_t> payload;
  StaffCardSignature signature{};
};

// Whether a card can be encoded: a valid name (check_staff_name), card id >= 1, PIN hash
// parameters within check_pin_hash_params, issued_at within 1970..2106.
std::expected<void, std::string> check_encodable(const StaffCard& card);

// The payload bytes. Requires check_encodable(card); aborts otherwise, since a card that cannot
// be read back must never be issued.
std::vector<std::uint8_t> encode_staff_card_payload(const StaffCard& card);

// What the signature covers: kStaffCardSigningContext followed by the payload.
std::vector<std::uint8_t> staff_card_signed_message(std::span<const std::uint8_t> payload);

std::string format_staff_card_text(std::span<const std::uint8_t> payload,
                                   const StaffCardSignature& signature);

// Accepts the text form with the blanks a handheld scanner adds around it and nothing else.
// Reports not_a_staff_card, malformed or unsupported_version.
std::expected<UnverifiedStaffCard, StaffCardError> parse_staff_card(std::string_view scanned);

}  // namespace einlass
