#pragma once
// Base44: base45 (RFC 9285) over the QR alphanumeric alphabet without the space, so that a
// scanner or a form that trims spaces can never damage a code. Two bytes become three characters,
// a trailing single byte two. Every byte string has exactly one encoding and decoding accepts
// nothing else.
#include <cstddef>
#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace einlass {

inline constexpr std::string_view kBase44Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$%*+-./:";

std::size_t base44_encoded_size(std::size_t byte_count);

std::string base44_encode(std::span<const std::uint8_t> bytes);

// The error says which character or group is wrong and where.
std::expected<std::vector<std::uint8_t>, std::string> base44_decode(std::string_view text);

}  // namespace einlass
