#include "staffcard/staff_card_codec.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>

#include "base/text.h"
#include "ticket/base44.h"

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

void put_u32be(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

// Reads the payload front to back; the first failure is kept so that a whole record can be read
// and checked once.
class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> data) : data_(data) {}

  std::size_t position() const { return pos_; }
  std::size_t remaining() const { return data_.size() - pos_; }
  bool failed() const { return error_.has_value(); }
  const std::string& error() const { return *error_; }

  void fail(std::string why) {
    if (!error_) error_ = std::move(why);
  }

  std::uint8_t u8(const char* field) {
    if (!need(1, field)) return 0;
    return data_[pos_++];
  }

  std::uint32_t u32be(const char* field) {
    if (!need(4, field)) return 0;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | data_[pos_++];
    return v;
  }

  template <std::size_t N>
  std::array<std::uint8_t, N> array(const char* field) {
    std::array<std::uint8_t, N> out{};
    if (!need(N, field)) return out;
    std::copy_n(data_.begin() + static_cast<std::ptrdiff_t>(pos_), N, out.begin());
    pos_ += N;
    return out;
  }

  std::span<const std::uint8_t> bytes(std::size_t n, const char* field) {
    if (!need(n, field)) return {};
    const auto out = data_.subspan(pos_, n);
    pos_ += n;
    return out;
  }

 private:
  bool need(std::size_t n, const char* field) {
    if (failed()) return false;
    if (remaining() < n) {
      fail(std::string{"the card ends inside the "} + field);
      return false;
    }
    return true;
  }

  std::span<const std::uint8_t> data_;
  std::size_t pos_ = 0;
  std::optional<std::string> error_;
};

StaffCardError malformed(std::string detail) {
  return StaffCardError{StaffCardProblem::malformed, std::move(detail)};
}

std::expected<UnverifiedStaffCard, StaffCardError> decode(std::span<const std::uint8_t> data) {
  Reader in{data};
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
