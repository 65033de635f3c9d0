#include "ticket/ticket_codec.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "base/text.h"
#include "sample_tickets.h"
#include "support/time_literals.h"
#include "ticket/base44.h"

using namespace einlass;
using einlass::test::full_ticket;
using einlass::test::minimal_ticket;
using einlass::test::utc;

namespace {

TicketSignature dummy_signature() {
  TicketSignature s{};
  for (std::size_t i = 0; i < s.size(); ++i) s[i] = static_cast<std::uint8_t>(0xA0 + i);
  return s;
}

std::string text_of(const Ticket& t) {
  return format_ticket_text(encode_ticket_payload(t), dummy_signature());
}

Ticket round_trip(const Ticket& t) {
  const auto parsed = parse_ticket(text_of(t));
  REQUIRE(parsed);
  CHECK(parsed->signed_bytes == encode_ticket_payload(t));
  CHECK(parsed->signature == dummy_signature());
  return parsed->ticket;
}

// A hand-made body: version 1, key 1, event 0x01020304, ticket 5, category 1, days 1, `flags`,
// then `rest`, then a signature-sized tail. The parser does not check signatures.
std::string raw_ticket(std::uint8_t flags, std::vector<std::uint8_t> rest = {},
                       std::uint8_t version = 1) {
  std::vector<std::uint8_t> bytes = {version, 1, 1, 2, 3, 4, 5, 1, 1, flags};
  bytes.insert(bytes.end(), rest.begin(), rest.end());
  bytes.insert(bytes.end(), kTicketSignatureSize, 0xAB);
  return std::string{kTicketPrefix} + base44_encode(bytes);
}

TicketError parse_error(std::string_view text) {
  const auto parsed = parse_ticket(text);
  REQUIRE_FALSE(parsed);
  return parsed.error();
}

}  // namespace

TEST_CASE("a ticket with every field set round trips through its text form", "[ticket][codec]") {
  CHECK(round_trip(full_ticket()) == full_ticket());
}

TEST_CASE("a ticket without time window and badge fields round trips", "[ticket][codec]") {
  CHECK(round_trip(minimal_ticket()) == minimal_ticket());
}

TEST_CASE("the text form is the prefix followed by QR alphanumeric characters only",
          "[ticket][codec]") {
  const std::string text = text_of(full_ticket());
  REQUIRE(text.starts_with("EINLASS:"));
  for (char c : text.substr(kTicketPrefix.size())) {
    CHECK(test::kQrAlphanumericWithoutSpace.find(c) != std::string_view::npos);
  }
}

TEST_CASE("German names are packed as Latin-1, one byte a letter", "[ticket][codec]") {
  Ticket t = minimal_ticket();
  const std::size_t without = encode_ticket_payload(t).size();
  t.display_name = "Jürgen Weiß";  // 11 letters, 13 bytes of UTF-8
  CHECK(encode_ticket_payload(t).size() == without + 1 + 11);
  CHECK(round_trip(t).display_name == "Jürgen Weiß");
}

TEST_CASE("names beyond Latin-1 travel as UTF-8 and come back unchanged", "[ticket][codec]") {
  for (const char* name : {"Łukasz Wróbel", "Ελένη Παπαδοπούλου", "李娜", "Zoë 🎉 Ünal"}) {
    INFO(name);
    Ticket t = minimal_ticket();
    t.display_name = name;
    t.organisation = "Stadt Görlitz";  // Latin-1 next to a UTF-8 field
    CHECK(encode_ticket_payload(t).size() == encode_ticket_payload(minimal_ticket()).size() + 1 +
                                                 std::string_view{name}.size() + 1 + 13);
    CHECK(round_trip(t) == t);
  }
}

TEST_CASE("time windows keep minute resolution and drop seconds", "[ticket][codec]") {
  Ticket t = minimal_ticket();
  t.valid_from = utc(2026, 9, 15, 7, 59, 59);
  t.valid_until = utc(1970, 1, 1, 0, 0, 0);
  const Ticket back = round_trip(t);
  CHECK(back.valid_from == utc(2026, 9, 15, 7, 59));
  CHECK(back.valid_until == utc(1970, 1, 1));
  t.valid_from.reset();
  CHECK_FALSE(round_trip(t).valid_from);
}

TEST_CASE("ticket ids and day masks survive the varint encoding at every width boundary",
          "[ticket][codec]") {
  for (std::uint32_t v : {0u, 127u, 128u, 16383u, 16384u, (1u << 21) - 1, 1u << 21, (1u << 28) - 1,
                          1u << 28, std::numeric_limits<std::uint32_t>::max()}) {
    INFO(v);
    Ticket t = minimal_ticket();
    t.ticket_id = v;
    t.days = v;
    t.event_id = v;
    CHECK(round_trip(t) == t);
  }
}

TEST_CASE("check_encodable refuses what a ticket cannot carry, naming the field, not its content",
          "[ticket][codec]") {
  auto refused = [](const Ticket& t) {
    const auto ok = check_encodable(t);
    REQUIRE_FALSE(ok);
    return ok.error();
  };
  Ticket t = minimal_ticket();
  t.display_name = std::string(200, 'x');
  CHECK(check_encodable(t));
  t.display_name.clear();
  for (int i = 0; i < 200; ++i) t.display_name += "ä";  // 400 bytes of UTF-8, 200 of Latin-1
  CHECK(check_encodable(t));
  CHECK(round_trip(t) == t);

  t = minimal_ticket();
  t.organisation = std::string(201, 'x');
  CHECK_THAT(refused(t), Catch::Contains("organisation") && Catch::Contains("201"));
  t = minimal_ticket();
  for (int i = 0; i < 67; ++i) t.display_name += "李";  // 201 bytes
  CHECK_THAT(refused(t), Catch::Contains("name"));
  t = minimal_ticket();
  t.display_name = "Anna\tSchmidt";
  CHECK_THAT(refused(t), Catch::Contains("control character") && !Catch::Contains("Anna"));
  t.display_name = "Anna\xC2\x85Schmidt";  // U+0085, a C1 control
  CHECK_THAT(refused(t), Catch::Contains("control character"));
  t.display_name = "M\xFCller";  // Latin-1 where UTF-8 belongs
  CHECK_THAT(refused(t), Catch::Contains("UTF-8"));
  t = minimal_ticket();
  t.valid_from = utc(1969, 12, 31, 23, 59);
  CHECK_THAT(refused(t), Catch::Contains("valid_from"));
}

TEST_CASE("parsing tolerates the blanks a handheld scanner adds around a ticket",
          "[ticket][codec]") {
  const std::string text = text_of(full_ticket());
  for (const std::string& scanned :
       {text + "\r\n", text + "\n", text + "\r", "  " + text + " ", "\t" + text + "\t\r\n"}) {
    const auto parsed = parse_ticket(scanned);
    REQUIRE(parsed);
    CHECK(parsed->ticket == full_ticket());
  }
}

TEST_CASE("parsing refuses a ticket read in lower case", "[ticket][codec]") {
  const std::string text = text_of(full_ticket());
  TicketError e = parse_error(ascii_lower(text));
  CHECK(e.problem == TicketProblem::malformed);
  CHECK_THAT(e.detail, Catch::Contains("lower case"));

  std::string one = text;
  const auto pos = one.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ", kTicketPrefix.size());
  REQUIRE(pos != std::string::npos);
  one[pos] = static_cast<char>(one[pos] + 32);
  e = parse_error(one);
  CHECK(e.problem == TicketProblem::malformed);
  CHECK_THAT(e.detail, Catch::Contains("position " + std::to_string(pos)));
}

TEST_CASE("parsing refuses blanks and other characters inside a ticket", "[ticket][codec]") {
  const std::string text = text_of(full_ticket());
  for (const char* inner : {" ", "\t", "\r\n", "#", "\xC3\xA4"}) {
    std::string damaged = text;
    damaged.insert(30, inner);
    INFO(damaged);
    CHECK(parse_error(damaged).problem == TicketProblem::malformed);
  }
  CHECK(parse_error("EINLASS: " + text.substr(kTicketPrefix.size())).problem ==
        TicketProblem::malformed);
}

TEST_CASE("random text, a web address and an EAN product barcode are not tickets",
          "[ticket][codec]") {
  TicketError e = parse_error("4006381333931");
  CHECK(e.problem == TicketProblem::not_a_ticket);
  CHECK_THAT(e.detail, Catch::Contains("barcode"));
  e = parse_error("https://www.example.org/tickets/4711");
  CHECK(e.problem == TicketProblem::not_a_ticket);
  CHECK_THAT(e.detail, Catch::Contains("web address"));
  e = parse_error("Hallo Welt");
  CHECK(e.problem == TicketProblem::not_a_ticket);
  CHECK_THAT(e.detail, Catch::Contains("not an Einlass ticket"));
  CHECK(parse_error("EINLAS:0000").problem == TicketProblem::not_a_ticket);
  CHECK(parse_error("HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N").problem ==
        TicketProblem::not_a_ticket);
}

TEST_CASE("an empty or blank scan is not a ticket", "[ticket][codec]") {
  for (const char* scanned : {"", " ", "\r\n", "\t \n"}) {
    const TicketError e = parse_error(scanned);
    CHECK(e.problem == TicketProblem::not_a_ticket);
    CHECK(e.detail == "empty scan");
  }
}

TEST_CASE("a ticket cut short anywhere after its prefix is malformed", "[ticket][codec]") {
  const std::string text = text_of(full_ticket());
  for (std::size_t n = kTicketPrefix.size(); n < text.size(); ++n) {
    INFO(n);
    CHECK(parse_error(text.substr(0, n)).problem == TicketProblem::malformed);
  }
  CHECK_THAT(parse_error("EINLASS:").detail, Catch::Contains("nothing follows"));
}

TEST_CASE("bytes appended after the signature make a ticket malformed", "[ticket][codec]") {
  auto bytes = encode_ticket_payload(full_ticket());
  const auto sig = dummy_signature();
  bytes.insert(bytes.end(), sig.begin(), sig.end());
  for (std::size_t extra : {1, 2, 3}) {
    auto longer = bytes;
    longer.insert(longer.end(), extra, 0);
    const TicketError e = parse_error(std::string{kTicketPrefix} + base44_encode(longer));
    CHECK(e.problem == TicketProblem::malformed);
    CHECK_THAT(e.detail, Catch::Contains("after the signature"));
  }
}

TEST_CASE("a ticket of another format version is unsupported_version", "[ticket][codec]") {
  for (int v : {0, 2, 255}) {
    const auto version = static_cast<std::uint8_t>(v);
    const TicketError e = parse_error(raw_ticket(0, {}, version));
    CHECK(e.problem == TicketProblem::unsupported_version);
    CHECK_THAT(e.detail, Catch::Contains("version " + std::to_string(version)));
  }
  CHECK(parse_ticket(raw_ticket(0)));
}

TEST_CASE("unknown flag bits and encoding flags of absent fields are refused", "[ticket][codec]") {
  CHECK_THAT(parse_error(raw_ticket(0x40)).detail, Catch::Contains("unknown flag bits 0x40"));
  CHECK_THAT(parse_error(raw_ticket(0x80)).detail, Catch::Contains("unknown flag bits 0x80"));
  CHECK(parse_error(raw_ticket(0x10)).problem == TicketProblem::malformed);
  CHECK(parse_error(raw_ticket(0x20)).problem == TicketProblem::malformed);
}

TEST_CASE("varints must be minimal and fit 32 bits", "[ticket][codec]") {
  auto with_ticket_id = [](std::vector<std::uint8_t> id) {
    std::vector<std::uint8_t> bytes = {1, 1, 1, 2, 3, 4};
    bytes.insert(bytes.end(), id.begin(), id.end());
    bytes.insert(bytes.end(), {1, 1, 0});
    bytes.insert(bytes.end(), kTicketSignatureSize, 0xAB);
    return std::string{kTicketPrefix} + base44_encode(bytes);
  };
  CHECK(parse_ticket(with_ticket_id({0x00})));
  CHECK(parse_ticket(with_ticket_id({0xFF, 0xFF, 0xFF, 0xFF, 0x0F})));
  CHECK_THAT(parse_error(with_ticket_id({0x85, 0x00})).detail,
             Catch::Contains("ticket id is not minimally encoded"));
  CHECK_THAT(parse_error(with_ticket_id({0x80, 0x80, 0x80, 0x80, 0x00})).detail,
             Catch::Contains("not minimally encoded"));
  CHECK_THAT(parse_error(with_ticket_id({0xFF, 0xFF, 0xFF, 0xFF, 0x1F})).detail,
             Catch::Contains("does not fit 32 bits"));
  CHECK_THAT(parse_error(with_ticket_id({0x80, 0x80, 0x80, 0x80, 0x80, 0x01})).detail,
             Catch::Contains("does not fit 32 bits"));
  // A minute varint in the window is held to the same rules.
  CHECK(parse_error(raw_ticket(0x01, {0x81, 0x00})).problem == TicketProblem::malformed);
}

TEST_CASE("a text field must be non-empty, at most 200 bytes and packed canonically",
          "[ticket][codec]") {
  CHECK(parse_ticket(raw_ticket(0x14, {3, 'A', 'n', 'n'})));
  CHECK_THAT(parse_error(raw_ticket(0x14, {0})).detail, Catch::Contains("empty"));
  std::vector<std::uint8_t> long_field = {201};
  long_field.insert(long_field.end(), 201, 'x');
  CHECK_THAT(parse_error(raw_ticket(0x14, long_field)).detail, Catch::Contains("longer than 200"));
  // "Jürgen" as UTF-8 fits Latin-1, so an issuer would have packed it as Latin-1.
  std::vector<std::uint8_t> utf8 = {7};
  for (char c : std::string_view{"J\xC3\xBCrgen"}) utf8.push_back(static_cast<std::uint8_t>(c));
  CHECK_THAT(parse_error(raw_ticket(0x04, utf8)).detail, Catch::Contains("not canonical"));
  // A length byte that runs into the signature leaves too little for it.
  CHECK(parse_error(raw_ticket(0x14, {60, 'A'})).problem == TicketProblem::malformed);
}

TEST_CASE("text fields with control characters or broken UTF-8 are refused", "[ticket][codec]") {
  CHECK_THAT(parse_error(raw_ticket(0x14, {3, 'A', '\n', 'B'})).detail,
             Catch::Contains("name contains a control character"));
  CHECK_THAT(parse_error(raw_ticket(0x28, {3, 'A', 0x00, 'B'})).detail,
             Catch::Contains("organisation contains a control character"));
  CHECK_THAT(parse_error(raw_ticket(0x14, {2, 'A', 0x9B})).detail,
             Catch::Contains("control character"));
  CHECK(parse_ticket(raw_ticket(0x04, {3, 0xE6, 0x9D, 0x8E})));  // 李 in UTF-8
  CHECK_THAT(parse_error(raw_ticket(0x04, {2, 0xE6, 0x9D})).detail, Catch::Contains("UTF-8"));
  CHECK_THAT(parse_error(raw_ticket(0x04, {3, 0xED, 0xA0, 0x80})).detail, Catch::Contains("UTF-8"));
}

TEST_CASE("text longer than any ticket is refused before decoding", "[ticket][codec]") {
  const TicketError e = parse_error("EINLASS:" + std::string(3000, '0'));
  CHECK(e.problem == TicketProblem::malformed);
  CHECK_THAT(e.detail, Catch::Contains("longer than any ticket"));
}
