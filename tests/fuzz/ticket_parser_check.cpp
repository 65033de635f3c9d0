#include "fuzz/ticket_parser_check.h"

#include <array>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "base/text.h"
#include "ticket/base44.h"
#include "ticket/ticket_codec.h"
#include "ticket/ticket_verifier.h"

namespace einlass::fuzz {

namespace {

constexpr std::array<std::uint8_t, 32> kFuzzPublicKey = {
    0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a,
    0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a};

Keyring make_fuzz_keyring() {
  Keyring ring{kFuzzEventId};
  if (!ring.add(kFuzzKeyId, kFuzzPublicKey)) std::abort();
  return ring;
}

// A successful parse must be the one canonical encoding of what it decoded to.
std::optional<std::string> check_parsed(std::string_view text, const UnverifiedTicket& parsed) {
  if (!check_encodable(parsed.ticket)) return "a parsed ticket is not encodable";
  if (encode_ticket_payload(parsed.ticket) != parsed.signed_bytes) {
    return "a parsed ticket re-encodes to other bytes (two encodings of one ticket)";
  }
  if (format_ticket_text(parsed.signed_bytes, parsed.signature) != trim(text)) {
    return "a parsed ticket re-formats to other text";
  }
  return std::nullopt;
}

std::optional<std::string> check_text(std::string_view text) {
  if (auto decoded = base44_decode(text); decoded && base44_encode(*decoded) != text) {
    return "base44 decoded a string that does not re-encode to itself";
  }

  const auto parsed = parse_ticket(text);
  if (parsed) {
    if (auto broken = check_parsed(text, *parsed)) return broken;
  } else if (parsed.error().detail.empty()) {
    return "a parse error without detail";
  }

  const auto verified = verify_ticket(text, fuzz_keyring());
  if (verified) {
    if (!parsed) return "verify_ticket accepted what parse_ticket refused";
    if (*verified != parsed->ticket) return "verify_ticket returned other fields than parsed";
  } else {
    const TicketError& e = verified.error();
    if (e.detail.empty() || to_string(e.problem).empty()) return "a verify error without detail";
    if (!parsed && e != parsed.error()) return "verify_ticket and parse_ticket disagree";
  }
  return std::nullopt;
}

}  // namespace

const Keyring& fuzz_keyring() {
  static const Keyring ring = make_fuzz_keyring();
  return ring;
}

std::optional<std::string> check_ticket_parser_input(std::span<const std::uint8_t> input) {
  const std::string_view text{reinterpret_cast<const char*>(input.data()), input.size()};
  if (auto broken = check_text(text)) return broken;
  // The same bytes as a decoded ticket body reach the binary decoder directly, past base44.
  const std::string wrapped = std::string{kTicketPrefix} + base44_encode(input);
  if (auto broken = check_text(wrapped)) return "(as ticket bytes) " + *broken;
  return std::nullopt;
}

}  // namespace einlass::fuzz
