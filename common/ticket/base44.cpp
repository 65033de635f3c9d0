#include "ticket/base44.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace einlass {

namespace {

constexpr unsigned kRadix = 44;
static_assert(kBase44Alphabet.size() == kRadix);
static_assert(kRadix * kRadix * kRadix >= 65536, "three characters must hold two bytes");
static_assert(kRadix * kRadix >= 256, "two characters must hold one byte");

constexpr int kNotInAlphabet = -1;

constexpr std::array<int, 256> make_digit_table() {
  std::array<int, 256> table{};
  for (auto& d : table) d = kNotInAlphabet;
  for (std::size_t i = 0; i < kBase44Alphabet.size(); ++i) {
    table[static_cast<unsigned char>(kBase44Alphabet[i])] = static_cast<int>(i);
  }
  return table;
}

constexpr std::array<int, 256> kDigit = make_digit_table();

// Readable even for control bytes and non-ASCII, since details end up on the staff screen.
std::string describe_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  char buf[16];
  if (u == ' ') {
    std::snprintf(buf, sizeof buf, "a space");
  } else if (u > 0x20 && u < 0x7F) {
    std::snprintf(buf, sizeof buf, "'%c'", c);
  } else {
    std::snprintf(buf, sizeof buf, "byte 0x%02X", unsigned{u});
  }
  return buf;
}

}  // namespace

std::size_t base44_encoded_size(std::size_t byte_count) {
  return byte_count / 2 * 3 + (byte_count % 2) * 2;
}

std::string base44_encode(std::span<const std::uint8_t> bytes) {
  std::string out;
  out.reserve(base44_encoded_size(bytes.size()));
  auto put = [&out](unsigned value, int digits) {
    for (int i = 0; i < digits; ++i) {
      out.push_back(kBase44Alphabet[value % kRadix]);
      value /= kRadix;
    }
  };
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) put(unsigned{bytes[i]} * 256u + bytes[i + 1], 3);
  if (i < bytes.size()) put(bytes[i], 2);
  return out;
}

std::expected<std::vector<std::uint8_t>, std::string> base44_decode(std::string_view text) {
  if (text.size() % 3 == 1) {
    return std::unexpected("length " + std::to_string(text.size()) +
                           " is impossible (a character is missing or one too many)");
  }
  std::vector<std::uint8_t> out;
  out.reserve(text.size() / 3 * 2 + 1);
  for (std::size_t pos = 0; pos < text.size(); pos += 3) {
    const std::size_t digits = std::min<std::size_t>(3, text.size() - pos);
    unsigned value = 0;
    unsigned weight = 1;
    for (std::size_t k = 0; k < digits; ++k) {
      const int d = kDigit[static_cast<unsigned char>(text[pos + k])];
      if (d == kNotInAlphabet) {
        return std::unexpected(describe_char(text[pos + k]) + " at position " +
                               std::to_string(pos + k) + " is not a ticket character");
      }
      value += static_cast<unsigned>(d) * weight;
      weight *= kRadix;
    }
    const unsigned limit = digits == 3 ? 0xFFFFu : 0xFFu;
    if (value > limit) {
      return std::unexpected("the group at position " + std::to_string(pos) +
                             " does not encode valid bytes");
    }
    if (digits == 3) out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value & 0xFFu));
  }
  return out;
}

}  // namespace einlass
