#include "keyed/line_decoder.h"

#include <catch2/catch.hpp>

#include "keyed/keystroke_decoder.h"

using einlass::DeviceError;
using einlass::DeviceResult;
using einlass::LineDecoder;

namespace {

// Feeds `stream` in chunks cut at `cuts` (as reads from a tty arrive) and collects the results.
std::vector<DeviceResult<std::string>> decode(std::string_view stream,
                                              std::vector<std::size_t> cuts = {}) {
  LineDecoder decoder;
  std::vector<DeviceResult<std::string>> out;
  cuts.push_back(stream.size());
  std::size_t from = 0;
  for (const auto to : cuts) {
    for (const char b : stream.substr(from, to - from))
      if (auto code = decoder.feed(b)) out.push_back(std::move(*code));
    from = to;
  }
  return out;
}

std::vector<std::string> texts(const std::vector<DeviceResult<std::string>>& results) {
  std::vector<std::string> out;
  for (const auto& r : results) out.push_back(r ? *r : "<error: " + r.error().message + ">");
  return out;
}

}  // namespace

TEST_CASE("CR, LF and CRLF each end one code; empty lines are ignored", "[keyed]") {
  const std::string stream =
      "EINLASS:ABC$%*+-./:\r\n"
      "SECOND\r"
      "THIRD\n"
      "\r\n\n\r"
      "FOURTH\n\r";
  CHECK(texts(decode(stream)) ==
        std::vector<std::string>{"EINLASS:ABC$%*+-./:", "SECOND", "THIRD", "FOURTH"});
}

TEST_CASE("codes split anywhere across reads decode the same", "[keyed]") {
  const std::string stream = "EINLASS:K1\r\nJÜRGEN\r\nX\n";
  const std::vector<std::string> expected = {"EINLASS:K1", "JÜRGEN", "X"};
  for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
    INFO("cut at " << cut);
    CHECK(texts(decode(stream, {cut})) == expected);
  }
  // Between CR and LF, and inside the two bytes of "Ü".
  CHECK(texts(decode(stream, {11, 12, 17, 18, 19})) == expected);
}

TEST_CASE("a control byte spoils its code only, and is named", "[keyed]") {
  const auto results =
      decode(std::string("AB\x02"
                         "C\r\nNEXT\r\nX\x1bY\nZ\x7f\n",
                         20));
  REQUIRE(results.size() == 4);
  REQUIRE_FALSE(results[0].has_value());
  CHECK(results[0].error().kind == DeviceError::Kind::bad_input);
  CHECK_THAT(results[0].error().message, Catch::Contains("0x02"));
  CHECK(results[1] == "NEXT");
  REQUIRE_FALSE(results[2].has_value());
  CHECK_THAT(results[2].error().message, Catch::Contains("0x1B"));
  REQUIRE_FALSE(results[3].has_value());
  CHECK_THAT(results[3].error().message, Catch::Contains("0x7F"));
}

TEST_CASE("a NUL byte is a control byte too", "[keyed]") {
  const auto results = decode(std::string("A\0B\n", 4));
  REQUIRE(results.size() == 1);
  REQUIRE_FALSE(results[0].has_value());
  CHECK_THAT(results[0].error().message, Catch::Contains("0x00"));
}

TEST_CASE("codes must be UTF-8 without C1 controls", "[keyed]") {
  const auto results = decode(
      "M\xFC"
      "ller\n"
      "A\xC2\x85"
      "B\n"
      "Müller\n");
  REQUIRE(results.size() == 3);
  REQUIRE_FALSE(results[0].has_value());
  CHECK_THAT(results[0].error().message, Catch::Contains("UTF-8"));
  REQUIRE_FALSE(results[1].has_value());
  CHECK_THAT(results[1].error().message, Catch::Contains("control"));
  CHECK(results[2] == "Müller");
}

TEST_CASE("an over-long line is refused and the next one decodes", "[keyed]") {
  const std::string longest(einlass::kMaxScannedCodeLength, 'A');
  const std::string too_long(einlass::kMaxScannedCodeLength + 1, 'A');
  const auto results = decode(too_long + "\r\n" + longest + "\r\nOK\r\n");
  REQUIRE(results.size() == 3);
  REQUIRE_FALSE(results[0].has_value());
  CHECK_THAT(results[0].error().message, Catch::Contains("4096"));
  REQUIRE(results[1].has_value());
  CHECK(*results[1] == longest);
  CHECK(results[2] == "OK");
}

TEST_CASE("a line is in progress from its first byte to its end", "[keyed]") {
  LineDecoder decoder;
  CHECK_FALSE(decoder.in_code());
  decoder.feed('\n');
  CHECK_FALSE(decoder.in_code());
  decoder.feed('A');
  CHECK(decoder.in_code());
  const auto code = decoder.feed('\r');
  REQUIRE((code && code->has_value()));
  CHECK(**code == "A");
  CHECK_FALSE(decoder.in_code());
}
