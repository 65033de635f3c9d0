#pragma once
// The ticket's wire format and its text form, without cryptography.
//
// Signed bytes (format version 1), all integers unsigned:
//   version u8 (=1) | key id u8 | event id u32 big endian | ticket id varint | category u8 |
//   days varint | flags u8 | [valid_from varint] | [valid_until varint] | [name] | [organisation]
// followed by the 64-byte Ed25519 signature over everything before it. Varints are LEB128 and
// must be minimal; times are unix minutes. A text field is a length byte (1..200) and its bytes:
// Latin-1 when every code point fits (German names then cost one byte a letter), else UTF-8.
// Flags: 0x01 valid_from, 0x02 valid_until, 0x04 name, 0x08 organisation, 0x10 name is Latin-1,
// 0x20 organisation is Latin-1; other bits must be zero.
//
// Text form: "EINLASS:" + base44(signed bytes + signature), all QR alphanumeric characters.
// Each ticket has exactly one encoding; the parser rejects every other byte string, so a code that
// parses re-encodes to itself.
#include <array>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ticket/ticket.h"
#include "ticket/ticket_error.h"

namespace einlass {

inline constexpr std::string_view kTicketPrefix = "EINLASS:";
inline constexpr std::size_t kTicketSignatureSize = 64;
// Per text field, after packing; keeps a ticket within a QR code a phone can show.
inline constexpr std::size_t kMaxTicketTextBytes = 200;

using TicketSignature = std::array<std::uint8_t, kTicketSignatureSize>;

// A ticket as read from a scan. Nothing in it is trustworthy until the signature is verified.
struct UnverifiedTicket {
  Ticket ticket;
  std::vector<std::uint8_t> signed_bytes;  // what the signature covers
  TicketSignature signature{};
};

// Whether a ticket can be encoded: text fields valid UTF-8 without control characters and at
// most kMaxTicketTextBytes once packed, times between 1970 and the end of the u32 minute range.
// The error names the field, not its content.
std::expected<void, std::string> check_encodable(const Ticket& ticket);

// The signed bytes. Requires check_encodable(ticket); aborts otherwise, since a ticket that
// cannot be read back must never be issued.
std::vector<std::uint8_t> encode_ticket_payload(const Ticket& ticket);

std::string format_ticket_text(std::span<const std::uint8_t> signed_bytes,
                               const TicketSignature& signature);

// Accepts the text form with the blanks a handheld scanner adds around it (spaces, tabs, CR/LF)
// and nothing else. Reports not_a_ticket, malformed or unsupported_version.
std::expected<UnverifiedTicket, TicketError> parse_ticket(std::string_view scanned);

}  // namespace einlass
