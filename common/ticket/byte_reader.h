#pragma once
// Reading and writing the binary records inside signed codes (tickets, staff cards): big-endian
// integers, LEB128 varints, byte runs. The reader keeps the first failure, so a decoder can read
// a whole record and check once.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace einlass {

inline constexpr std::size_t kMaxVarintBytes = 5;  // a u32 in LEB128

void put_u32be(std::vector<std::uint8_t>& out, std::uint32_t v);
void put_varint(std::vector<std::uint8_t>& out, std::uint32_t v);

class ByteReader {
 public:
  // `record` names what is read in errors: "the ticket ends inside the event id".
  ByteReader(std::span<const std::uint8_t> data, const char* record)
      : data_(data), record_(record) {}

  std::size_t position() const { return pos_; }
  std::size_t remaining() const { return data_.size() - pos_; }
  bool failed() const { return error_.has_value(); }
  const std::string& error() const { return *error_; }
  void fail(std::string why);

  std::uint8_t u8(const char* field);
  std::uint32_t u32be(const char* field);
  // Refuses values beyond 32 bits and encodings that are not minimal (one text per ticket).
  std::uint32_t varint(const char* field);
  std::span<const std::uint8_t> bytes(std::size_t n, const char* field);

  template <std::size_t N>
  std::array<std::uint8_t, N> array(const char* field) {
    std::array<std::uint8_t, N> out{};
    const auto run = bytes(N, field);
    if (run.size() == N) std::copy_n(run.begin(), N, out.begin());
    return out;
  }

 private:
  bool need(std::size_t n, const char* field);

  std::span<const std::uint8_t> data_;
  const char* record_;
  std::size_t pos_ = 0;
  std::optional<std::string> error_;
};

}  // namespace einlass
