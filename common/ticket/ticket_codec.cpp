#include "ticket/ticket_codec.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>

#include "base/text.h"
#include "ticket/base44.h"
#include "ticket/byte_reader.h"

namespace einlass {

namespace {

enum Flag : std::uint8_t {
  kHasValidFrom = 0x01,
  kHasValidUntil = 0x02,
  kHasName = 0x04,
  kHasOrganisation = 0x08,
  kNameLatin1 = 0x10,
  kOrganisationLatin1 = 0x20,
  kKnownFlags = 0x3F,
};

constexpr std::size_t kMaxTicketBytes = 1 + 1 + 4 + kMaxVarintBytes + 1 + kMaxVarintBytes + 1 +
                                        2 * kMaxVarintBytes + 2 * (1 + kMaxTicketTextBytes) +
                                        kTicketSignatureSize;
constexpr std::int64_t kMsPerMinute = 60'000;

[[noreturn]] void contract_violation(const std::string& what) {
  std::fprintf(stderr,
               "einlass: encode_ticket_payload called with a ticket that cannot be encoded: %s\n",
               what.c_str());
  std::abort();
}

struct PackedText {
  std::string bytes;
  bool latin1 = false;
};

// Requires valid UTF-8.
PackedText pack(std::string_view utf8) {
  const std::u32string cps = decode_utf8(utf8).value();
  if (std::any_of(cps.begin(), cps.end(), [](char32_t c) { return c > 0xFF; })) {
    return {std::string{utf8}, false};
  }
  PackedText packed{{}, true};
  for (char32_t c : cps) packed.bytes.push_back(static_cast<char>(c));
  return packed;
}

std::expected<void, std::string> check_text(std::string_view utf8, const char* field) {
  if (!is_valid_utf8(utf8)) return std::unexpected(std::string{field} + " is not valid UTF-8");
  if (contains_control_character(utf8)) {
    return std::unexpected(std::string{field} + " contains a control character");
  }
  const std::size_t size = pack(utf8).bytes.size();
  if (size > kMaxTicketTextBytes) {
    return std::unexpected(std::string{field} + " takes " + std::to_string(size) +
                           " bytes in a ticket; at most " + std::to_string(kMaxTicketTextBytes) +
                           " fit");
  }
  return {};
}

std::optional<std::uint32_t> to_minutes(Timestamp t) {
  const std::int64_t ms = to_unix_ms(t);
  if (ms < 0) return std::nullopt;
  const std::int64_t minutes = ms / kMsPerMinute;  // drops seconds, as documented in ticket.h
  if (minutes > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
  return static_cast<std::uint32_t>(minutes);
}

void put_u8(std::vector<std::uint8_t>& out, std::uint8_t v) {
  out.push_back(v);
}

void put_text(std::vector<std::uint8_t>& out, const PackedText& text) {
  out.push_back(static_cast<std::uint8_t>(text.bytes.size()));
  for (char c : text.bytes) out.push_back(static_cast<std::uint8_t>(c));
}

std::string read_text(ByteReader& in, bool latin1, const char* field) {
  const std::uint8_t size = in.u8(field);
  if (in.failed()) return {};
  if (size == 0) {
    in.fail(std::string{field} + " is flagged present but empty");
    return {};
  }
  if (size > kMaxTicketTextBytes) {
    in.fail(std::string{field} + " is longer than " + std::to_string(kMaxTicketTextBytes) +
            " bytes");
    return {};
  }
  const auto raw = in.bytes(size, field);
  if (in.failed()) return {};
  std::string out;
  if (latin1) {
    for (std::uint8_t b : raw) {
      if (is_control_character(b)) {
        in.fail(std::string{field} + " contains a control character");
        return {};
      }
      append_utf8(out, b);
    }
    return out;
  }
  out.assign(raw.begin(), raw.end());
  const std::optional<std::u32string> cps = decode_utf8(out);
  if (!cps) {
    in.fail(std::string{field} + " is not valid UTF-8");
    return {};
  }
  if (std::any_of(cps->begin(), cps->end(), is_control_character)) {
    in.fail(std::string{field} + " contains a control character");
    return {};
  }
  if (std::none_of(cps->begin(), cps->end(), [](char32_t c) { return c > 0xFF; })) {
    in.fail(std::string{field} + " is UTF-8 but fits Latin-1 (not canonical)");
    return {};
  }
  return out;
}

TicketError malformed(std::string detail) {
  return TicketError{TicketProblem::malformed, std::move(detail)};
}

std::expected<UnverifiedTicket, TicketError> decode(std::span<const std::uint8_t> data) {
  ByteReader in{data, "ticket"};
  const std::uint8_t version = in.u8("format version");
  if (in.failed()) return std::unexpected(malformed("nothing follows the prefix"));
  if (version != kTicketFormatVersion) {
    return std::unexpected(TicketError{TicketProblem::unsupported_version,
                                       "ticket format version " + std::to_string(version) +
                                           "; this build reads version " +
                                           std::to_string(kTicketFormatVersion)});
  }
  UnverifiedTicket out;
  Ticket& t = out.ticket;
  t.key_id = in.u8("key id");
  t.event_id = in.u32be("event id");
  t.ticket_id = in.varint("ticket id");
  t.category = in.u8("category");
  t.days = in.varint("days");
  const std::uint8_t flags = in.u8("flags");
  if (in.failed()) return std::unexpected(malformed(in.error()));
  if ((flags & ~kKnownFlags) != 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "unknown flag bits 0x%02X", unsigned(flags & ~kKnownFlags));
    return std::unexpected(malformed(buf));
  }
  if (((flags & kNameLatin1) && !(flags & kHasName)) ||
      ((flags & kOrganisationLatin1) && !(flags & kHasOrganisation))) {
    return std::unexpected(malformed("a text encoding flag is set for an absent field"));
  }
  if (flags & kHasValidFrom) {
    t.valid_from = from_unix_ms(std::int64_t{in.varint("valid_from")} * kMsPerMinute);
  }
  if (flags & kHasValidUntil) {
    t.valid_until = from_unix_ms(std::int64_t{in.varint("valid_until")} * kMsPerMinute);
  }
  if (flags & kHasName) t.display_name = read_text(in, flags & kNameLatin1, "name");
  if (flags & kHasOrganisation) {
    t.organisation = read_text(in, flags & kOrganisationLatin1, "organisation");
  }
  if (in.failed()) return std::unexpected(malformed(in.error()));

  const std::size_t signed_size = in.position();
  if (in.remaining() < kTicketSignatureSize) {
    return std::unexpected(malformed("the signature is incomplete (" +
                                     std::to_string(in.remaining()) + " of " +
                                     std::to_string(kTicketSignatureSize) + " bytes)"));
  }
  if (in.remaining() > kTicketSignatureSize) {
    return std::unexpected(malformed(std::to_string(in.remaining() - kTicketSignatureSize) +
                                     " unexpected bytes after the signature"));
  }
  const auto signature = in.bytes(kTicketSignatureSize, "signature");
  std::copy(signature.begin(), signature.end(), out.signature.begin());
  out.signed_bytes.assign(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(signed_size));
  return out;
}

bool only_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

TicketError not_a_ticket(std::string_view text) {
  std::string what;
  if (only_digits(text)) {
    what = "only digits: a product or other barcode";
  } else if (starts_with_ignoring_ascii_case(text, "http://") ||
             starts_with_ignoring_ascii_case(text, "https://")) {
    what = "a web address";
  } else {
    what = "text without the ticket prefix";
  }
  return TicketError{TicketProblem::not_a_ticket, what + ", not an Einlass ticket"};
}

}  // namespace

std::expected<void, std::string> check_encodable(const Ticket& ticket) {
  if (auto ok = check_text(ticket.display_name, "name"); !ok) return ok;
  if (auto ok = check_text(ticket.organisation, "organisation"); !ok) return ok;
  if (ticket.valid_from && !to_minutes(*ticket.valid_from)) {
    return std::unexpected("valid_from lies outside the years 1970 to 10136");
  }
  if (ticket.valid_until && !to_minutes(*ticket.valid_until)) {
    return std::unexpected("valid_until lies outside the years 1970 to 10136");
  }
  return {};
}

std::vector<std::uint8_t> encode_ticket_payload(const Ticket& ticket) {
  if (auto ok = check_encodable(ticket); !ok) contract_violation(ok.error());
  const PackedText name = pack(ticket.display_name);
  const PackedText organisation = pack(ticket.organisation);
  std::uint8_t flags = 0;
  if (ticket.valid_from) flags |= kHasValidFrom;
  if (ticket.valid_until) flags |= kHasValidUntil;
  if (!name.bytes.empty()) flags |= kHasName | (name.latin1 ? kNameLatin1 : 0);
  if (!organisation.bytes.empty()) {
    flags |= kHasOrganisation | (organisation.latin1 ? kOrganisationLatin1 : 0);
  }

  std::vector<std::uint8_t> out;
  out.reserve(kMaxTicketBytes);
  put_u8(out, kTicketFormatVersion);
  put_u8(out, ticket.key_id);
  put_u32be(out, ticket.event_id);
  put_varint(out, ticket.ticket_id);
  put_u8(out, ticket.category);
  put_varint(out, ticket.days);
  put_u8(out, flags);
  if (ticket.valid_from) put_varint(out, *to_minutes(*ticket.valid_from));
  if (ticket.valid_until) put_varint(out, *to_minutes(*ticket.valid_until));
  if (flags & kHasName) put_text(out, name);
  if (flags & kHasOrganisation) put_text(out, organisation);
  return out;
}

std::string format_ticket_text(std::span<const std::uint8_t> signed_bytes,
                               const TicketSignature& signature) {
  std::vector<std::uint8_t> all(signed_bytes.begin(), signed_bytes.end());
  all.insert(all.end(), signature.begin(), signature.end());
  return std::string{kTicketPrefix} + base44_encode(all);
}

std::expected<UnverifiedTicket, TicketError> parse_ticket(std::string_view scanned) {
  const std::string_view text = trim(scanned);
  if (text.empty()) return std::unexpected(TicketError{TicketProblem::not_a_ticket, "empty scan"});
  if (!text.starts_with(kTicketPrefix)) {
    if (starts_with_ignoring_ascii_case(text, kTicketPrefix)) {
      return std::unexpected(malformed(
          "read in lower case; tickets are upper case (check the scanner's letter case setting)"));
    }
    return std::unexpected(not_a_ticket(text));
  }
  const std::string_view body = text.substr(kTicketPrefix.size());
  if (const auto lower =
          std::find_if(body.begin(), body.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      lower != body.end()) {
    return std::unexpected(
        malformed("lower-case letter at position " +
                  std::to_string(kTicketPrefix.size() + std::size_t(lower - body.begin())) +
                  "; tickets are upper case (check the scanner's letter case setting)"));
  }
  if (body.size() > base44_encoded_size(kMaxTicketBytes)) {
    return std::unexpected(
        malformed(std::to_string(text.size()) + " characters: longer than any ticket"));
  }
  auto bytes = base44_decode(body);
  if (!bytes) return std::unexpected(malformed("damaged after the prefix: " + bytes.error()));
  return decode(*bytes);
}

}  // namespace einlass
