#include "ticket/byte_reader.h"

namespace einlass {

void put_u32be(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void put_varint(std::vector<std::uint8_t>& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>((v & 0x7Fu) | 0x80u));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}

void ByteReader::fail(std::string why) {
  if (!error_) error_ = std::move(why);
}

std::uint8_t ByteReader::u8(const char* field) {
  if (!need(1, field)) return 0;
  return data_[pos_++];
}

std::uint32_t ByteReader::u32be(const char* field) {
  if (!need(4, field)) return 0;
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | data_[pos_++];
  return v;
}

std::uint32_t ByteReader::varint(const char* field) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < kMaxVarintBytes; ++i) {
    if (!need(1, field)) return 0;
    const std::uint8_t byte = data_[pos_++];
    const bool last = (byte & 0x80u) == 0;
    if (i == kMaxVarintBytes - 1 && (byte & 0xF0u) != 0) {
      fail(std::string{field} + " does not fit 32 bits");
      return 0;
    }
    if (last && byte == 0 && i > 0) {
      fail(std::string{field} + " is not minimally encoded");
      return 0;
    }
    v |= static_cast<std::uint32_t>(byte & 0x7Fu) << (7 * i);
    if (last) return v;
  }
  return 0;  // unreachable: the fifth byte has no continuation bit after the check above
}

std::span<const std::uint8_t> ByteReader::bytes(std::size_t n, const char* field) {
  if (!need(n, field)) return {};
  const auto out = data_.subspan(pos_, n);
  pos_ += n;
  return out;
}

bool ByteReader::need(std::size_t n, const char* field) {
  if (failed()) return false;
  if (remaining() < n) {
    fail(std::string{"the "} + record_ + " ends inside the " + field);
    return false;
  }
  return true;
}

}  // namespace einlass
