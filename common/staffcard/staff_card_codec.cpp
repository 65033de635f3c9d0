#include "staffcard/staff_card_codec.h"

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

constexpr std::size_t kFixedPayloadBytes =
    1 + 1 + 1 + 4 + 4 + 4 + 3 + kPinSaltSize + kPinHashSize + 1;
constexpr std::size_t kMaxCardBytes =
    kFixedPayloadBytes + kMaxStaffNameBytes + kStaffCardSignatureSize;
constexpr std::int64_t kMsPerSecond = 1000;

std::optional<std::uint32_t> to_seconds(Timestamp t) {
  const std::int64_t ms = to_unix_ms(t);
  if (ms < 0) return std::nullopt;
  const std::int64_t seconds = ms / kMsPerSecond;
  if (seconds > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
  return static_cast<std::uint32_t>(seconds);
}

StaffCardError malformed(std::string detail) {
  return StaffCardError{StaffCardProblem::malformed, std::move(detail)};
}

std::expected<UnverifiedStaffCard, StaffCardError> decode(std::span<const std::uint8_t> data) {
  ByteReader in{data, "card"};
  const std::uint8_t magic = in.u8("format tag");
  if (in.failed()) return std::unexpected(malformed("nothing follows the prefix"));
  if (magic != kStaffCardMagic) {
    return std::unexpected(
        malformed("the content is not a staff card (a ticket's code under the "
                  "staff card prefix?)"));
  }
  const std::uint8_t version = in.u8("format version");
  if (in.failed()) return std::unexpected(malformed(in.error()));
  if (version != kStaffCardFormatVersion) {
    return std::unexpected(StaffCardError{StaffCardProblem::unsupported_version,
                                          "staff card format version " + std::to_string(version) +
                                              "; this build reads version " +
                                              std::to_string(kStaffCardFormatVersion)});
  }
  UnverifiedStaffCard out;
  StaffCard& c = out.card;
  c.key_id = in.u8("key id");
  c.event_id = in.u32be("event id");
  c.card_id = in.u32be("card id");
  c.issued_at = from_unix_ms(std::int64_t{in.u32be("issue time")} * kMsPerSecond);
  c.pin.params.log2_n = in.u8("PIN hash parameters");
  c.pin.params.r = in.u8("PIN hash parameters");
  c.pin.params.p = in.u8("PIN hash parameters");
  c.pin.salt = in.array<kPinSaltSize>("PIN salt");
  c.pin.hash = in.array<kPinHashSize>("PIN hash");
  const std::uint8_t name_size = in.u8("name");
  const auto name = in.bytes(name_size, "name");
  if (in.failed()) return std::unexpected(malformed(in.error()));
  if (c.card_id == 0) return std::unexpected(malformed("card id 0 is never issued"));
  if (auto ok = check_pin_hash_params(c.pin.params); !ok) {
    return std::unexpected(malformed(ok.error()));
  }
  c.staff_name.assign(name.begin(), name.end());
  if (auto ok = check_staff_name(c.staff_name); !ok) return std::unexpected(malformed(ok.error()));

  const std::size_t payload_size = in.position();
  if (in.remaining() < kStaffCardSignatureSize) {
    return std::unexpected(malformed("the signature is incomplete (" +
                                     std::to_string(in.remaining()) + " of " +
                                     std::to_string(kStaffCardSignatureSize) + " bytes)"));
  }
  if (in.remaining() > kStaffCardSignatureSize) {
    return std::unexpected(malformed(std::to_string(in.remaining() - kStaffCardSignatureSize) +
                                     " unexpected bytes after the signature"));
  }
  const auto signature = in.bytes(kStaffCardSignatureSize, "signature");
  std::copy(signature.begin(), signature.end(), out.signature.begin());
  out.payload.assign(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(payload_size));
  return out;
}

}  // namespace

std::expected<void, std::string> check_encodable(const StaffCard& card) {
  if (auto ok = check_staff_name(card.staff_name); !ok) return ok;
  if (card.card_id == 0) return std::unexpected("card id 0 is never issued");
  if (auto ok = check_pin_hash_params(card.pin.params); !ok) return ok;
  if (!to_seconds(card.issued_at)) {
    return std::unexpected("the issue time lies outside the years 1970 to 2106");
  }
  return {};
}

std::vector<std::uint8_t> encode_staff_card_payload(const StaffCard& card) {
  if (auto ok = check_encodable(card); !ok) {
    std::fprintf(stderr,
                 "einlass: encode_staff_card_payload called with a card that cannot be encoded: "
                 "%s\n",
                 ok.error().c_str());
    std::abort();
  }
  std::vector<std::uint8_t> out;
  out.reserve(kFixedPayloadBytes + card.staff_name.size());
  out.push_back(kStaffCardMagic);
  out.push_back(kStaffCardFormatVersion);
  out.push_back(card.key_id);
  put_u32be(out, card.event_id);
  put_u32be(out, card.card_id);
  put_u32be(out, *to_seconds(card.issued_at));
  out.push_back(card.pin.params.log2_n);
  out.push_back(card.pin.params.r);
  out.push_back(card.pin.params.p);
  out.insert(out.end(), card.pin.salt.begin(), card.pin.salt.end());
  out.insert(out.end(), card.pin.hash.begin(), card.pin.hash.end());
  out.push_back(static_cast<std::uint8_t>(card.staff_name.size()));
  for (char ch : card.staff_name) out.push_back(static_cast<std::uint8_t>(ch));
  return out;
}

std::vector<std::uint8_t> staff_card_signed_message(std::span<const std::uint8_t> payload) {
  std::vector<std::uint8_t> message(kStaffCardSigningContext.begin(),
                                    kStaffCardSigningContext.end());
  message.insert(message.end(), payload.begin(), payload.end());
  return message;
}

std::string format_staff_card_text(std::span<const std::uint8_t> payload,
                                   const StaffCardSignature& signature) {
  std::vector<std::uint8_t> all(payload.begin(), payload.end());
  all.insert(all.end(), signature.begin(), signature.end());
  return std::string{kStaffCardPrefix} + base44_encode(all);
}

std::expected<UnverifiedStaffCard, StaffCardError> parse_staff_card(std::string_view scanned) {
  const std::string_view text = trim(scanned);
  if (text.empty()) {
    return std::unexpected(StaffCardError{StaffCardProblem::not_a_staff_card, "empty scan"});
  }
  if (!text.starts_with(kStaffCardPrefix)) {
    if (starts_with_ignoring_ascii_case(text, kStaffCardPrefix)) {
      return std::unexpected(malformed(
          "read in lower case; staff cards are upper case (check the scanner's letter case "
          "setting)"));
    }
    return std::unexpected(
        StaffCardError{StaffCardProblem::not_a_staff_card, "no staff card prefix"});
  }
  const std::string_view body = text.substr(kStaffCardPrefix.size());
  if (body.size() > base44_encoded_size(kMaxCardBytes)) {
    return std::unexpected(
        malformed(std::to_string(text.size()) + " characters: longer than any staff card"));
  }
  auto bytes = base44_decode(body);
  if (!bytes) return std::unexpected(malformed("damaged after the prefix: " + bytes.error()));
  return decode(*bytes);
}

}  // namespace einlass
