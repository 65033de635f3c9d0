#include "staffcard/staff_card.h"

#include <charconv>

#include <cstdio>

#include "base/text.h"

namespace einlass {

std::expected<void, std::string> check_pin_hash_params(PinHashParams params) {
  if (params.log2_n < 10 || params.log2_n > 20) {
    return std::unexpected("scrypt N must be 2^10 to 2^20, not 2^" + std::to_string(params.log2_n));
  }
  if (params.r < 1 || params.r > 32) {
    return std::unexpected("scrypt r must be 1 to 32, not " + std::to_string(params.r));
  }
  if (params.p < 1 || params.p > 16) {
    return std::unexpected("scrypt p must be 1 to 16, not " + std::to_string(params.p));
  }
  const std::uint64_t memory = std::uint64_t{128} * params.r << params.log2_n;
  if (memory > std::uint64_t{64} << 20) {
    return std::unexpected("scrypt would need " + std::to_string(memory >> 20) +
                           " MiB; at most 64 MiB are allowed");
  }
  return {};
}

std::string format_staff_card_id(StaffCardId id) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "S%06u", unsigned(id));
  return buf;
}

std::expected<void, std::string> check_staff_name(std::string_view name) {
  if (name.empty()) return std::unexpected("the staff name is empty");
  if (!is_valid_utf8(name)) return std::unexpected("the staff name is not valid UTF-8");
  if (contains_control_character(name)) {
    return std::unexpected("the staff name contains a control character");
  }
  if (trim(name).size() != name.size()) {
    return std::unexpected("the staff name begins or ends with a blank");
  }
  if (name.size() > kMaxStaffNameBytes) {
    return std::unexpected("the staff name takes " + std::to_string(name.size()) +
                           " bytes; at most " + std::to_string(kMaxStaffNameBytes) + " fit a card");
  }
  return {};
}

std::expected<StaffCardId, std::string> parse_staff_card_id(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && (digits.front() == 'S' || digits.front() == 's')) digits.remove_prefix(1);
  StaffCardId id = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || id == 0)
    return std::unexpected("'" + std::string(text) + "' is not a staff card id like S000001");
  return id;
}

}  // namespace einlass
