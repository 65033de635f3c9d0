#include "staffcard/staff_card_codec.h"

#include <catch2/catch.hpp>

#include <string>

#include "sample_staff_cards.h"
#include "staffcard/staff_card_issuer.h"
#include "ticket/base44.h"

using namespace einlass;

namespace {

std::string body_of(const std::string& text) {
  return text.substr(kStaffCardPrefix.size());
}

std::vector<std::uint8_t> bytes_of(const std::string& text) {
  return base44_decode(body_of(text)).value();
}

std::string text_of(const std::vector<std::uint8_t>& bytes) {
  return std::string{kStaffCardPrefix} + base44_encode(bytes);
}

StaffCardProblem problem_of(std::string_view text) {
  auto parsed = parse_staff_card(text);
  REQUIRE_FALSE(parsed);
  return parsed.error().problem;
}

}  // namespace

TEST_CASE("a signed staff card parses back to the same card and re-encodes to itself",
          "[staffcard]") {
  const auto key = SigningKey::generate();
  for (const std::string& name : std::vector<std::string>{"Anna Schäfer", "Łukasz Wróbel", "A",
                                                          std::string(kMaxStaffNameBytes, 'x')}) {
    StaffCard card = test::sample_staff_card(name);
    card.card_id = 0xFFFF'FFFF;
    card.key_id = 255;
    card.event_id = 0xFFFF'FFFF;
    const std::string text = sign_staff_card(card, key);
    INFO(text);
    CHECK(text.starts_with("EINLASS-STAFF:"));
    auto parsed = parse_staff_card(text);
    REQUIRE(parsed);
    CHECK(parsed->card == card);
    CHECK(format_staff_card_text(parsed->payload, parsed->signature) == text);
    CHECK(parsed->payload == encode_staff_card_payload(card));
  }
}

TEST_CASE("the payload has the documented layout", "[staffcard]") {
  const StaffCard card = test::sample_staff_card("Jo");
  const auto p = encode_staff_card_payload(card);
  REQUIRE(p.size() == 51 + 2);
  CHECK(p[0] == 0x53);
  CHECK(p[1] == 1);
  CHECK(p[2] == 1);  // key id
  // event id 20260915 = 0x01352833 big endian
  CHECK(std::vector<std::uint8_t>(p.begin() + 3, p.begin() + 7) ==
        std::vector<std::uint8_t>{0x01, 0x35, 0x28, 0x33});
  CHECK(std::vector<std::uint8_t>(p.begin() + 7, p.begin() + 11) ==
        std::vector<std::uint8_t>{0, 0, 0, 7});
  // 2026-09-01T10:30:15Z = 1788258615 = 0x6A96A937
  CHECK(std::vector<std::uint8_t>(p.begin() + 11, p.begin() + 15) ==
        std::vector<std::uint8_t>{0x6A, 0x96, 0xA9, 0x37});
  CHECK(p[15] == 10);
  CHECK(p[16] == 8);
  CHECK(p[17] == 1);
  CHECK(std::equal(test::kFixedSalt.begin(), test::kFixedSalt.end(), p.begin() + 18));
  CHECK(std::equal(card.pin.hash.begin(), card.pin.hash.end(), p.begin() + 34));
  CHECK(p[50] == 2);
  CHECK(p[51] == 'J');
  CHECK(p[52] == 'o');
}

TEST_CASE("the signature covers a staff card context before the payload", "[staffcard]") {
  const auto payload = encode_staff_card_payload(test::sample_staff_card());
  const auto message = staff_card_signed_message(payload);
  REQUIRE(message.size() == kStaffCardSigningContext.size() + payload.size());
  CHECK(std::string(message.begin(), message.begin() + 19) == "einlass staff card\n");
  CHECK(std::equal(payload.begin(), payload.end(), message.begin() + 19));
}

TEST_CASE("milliseconds of the issue time are dropped", "[staffcard]") {
  StaffCard card = test::sample_staff_card();
  const Timestamp whole = card.issued_at;
  card.issued_at += std::chrono::milliseconds(999);
  auto parsed = parse_staff_card(sign_staff_card(card, SigningKey::generate()));
  REQUIRE(parsed);
  CHECK(parsed->card.issued_at == whole);
}

TEST_CASE("a card that could not be read back cannot be encoded, with the reason", "[staffcard]") {
  auto refused = [](StaffCard card) {
    auto ok = check_encodable(card);
    REQUIRE_FALSE(ok);
    return ok.error();
  };
  StaffCard c = test::sample_staff_card();
  REQUIRE(check_encodable(c));

  c.staff_name = std::string(kMaxStaffNameBytes + 1, 'x');
  CHECK_THAT(refused(c), Catch::Contains("65 bytes; at most 64"));
  c.staff_name = "";
  CHECK_THAT(refused(c), Catch::Contains("empty"));
  c.staff_name = "Anna\nSchäfer";
  CHECK_THAT(refused(c), Catch::Contains("control character"));
  c.staff_name = "Anna\xC2\x85";  // NEL, a C1 control
  CHECK_THAT(refused(c), Catch::Contains("control character"));
  c.staff_name = "Anna \xFF";
  CHECK_THAT(refused(c), Catch::Contains("UTF-8"));
  c.staff_name = " Anna";
  CHECK_THAT(refused(c), Catch::Contains("blank"));
  c.staff_name = "Anna ";
  CHECK_THAT(refused(c), Catch::Contains("blank"));

  c = test::sample_staff_card();
  c.card_id = 0;
  CHECK_THAT(refused(c), Catch::Contains("card id 0"));
  c = test::sample_staff_card();
  c.issued_at = test::utc(1969, 12, 31, 23, 59);
  CHECK_THAT(refused(c), Catch::Contains("1970 to 2106"));
  c.issued_at = test::utc(2106, 2, 8);
  CHECK_THAT(refused(c), Catch::Contains("1970 to 2106"));
  c = test::sample_staff_card();
  c.pin.params.log2_n = 21;
  CHECK_THAT(refused(c), Catch::Contains("2^10 to 2^20"));
}

TEST_CASE("a code without the staff card prefix is not a staff card", "[staffcard]") {
  CHECK(problem_of("") == StaffCardProblem::not_a_staff_card);
  CHECK(problem_of("  \r\n") == StaffCardProblem::not_a_staff_card);
  CHECK(problem_of("4006381333931") == StaffCardProblem::not_a_staff_card);
  CHECK(problem_of("https://example.org/") == StaffCardProblem::not_a_staff_card);
  CHECK(problem_of("EINLASS:ABC") == StaffCardProblem::not_a_staff_card);
  CHECK(problem_of("EINLASS-STAFF") == StaffCardProblem::not_a_staff_card);
}

TEST_CASE("a staff card read in lower case is reported as such", "[staffcard]") {
  std::string text = sign_staff_card(test::sample_staff_card(), SigningKey::generate());
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto parsed = parse_staff_card(text);
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().problem == StaffCardProblem::malformed);
  CHECK_THAT(parsed.error().detail, Catch::Contains("lower case"));
}

TEST_CASE("the blanks a scanner adds around a card are accepted, nothing else", "[staffcard]") {
  const std::string text = sign_staff_card(test::sample_staff_card(), SigningKey::generate());
  CHECK(parse_staff_card(" \t" + text + "\r\n"));
  CHECK(problem_of(text + "x") == StaffCardProblem::malformed);
  CHECK(problem_of(text.substr(0, 20) + " " + text.substr(20)) == StaffCardProblem::malformed);
}

TEST_CASE("a truncated, extended or non-canonical card is malformed", "[staffcard]") {
  const std::string text = sign_staff_card(test::sample_staff_card(), SigningKey::generate());
  const auto bytes = bytes_of(text);
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    INFO(size);
    auto shorter = bytes;
    shorter.resize(size);
    CHECK(problem_of(text_of(shorter)) == StaffCardProblem::malformed);
  }
  auto longer = bytes;
  longer.push_back(0);
  CHECK_THAT(parse_staff_card(text_of(longer)).error().detail,
             Catch::Contains("1 unexpected bytes after the signature"));
  CHECK(problem_of(std::string{kStaffCardPrefix} + std::string(400, '0')) ==
        StaffCardProblem::malformed);
}

TEST_CASE("a card of another format version is reported as unsupported", "[staffcard]") {
  auto bytes = bytes_of(sign_staff_card(test::sample_staff_card(), SigningKey::generate()));
  bytes[1] = 2;
  auto parsed = parse_staff_card(text_of(bytes));
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().problem == StaffCardProblem::unsupported_version);
  CHECK_THAT(parsed.error().detail, Catch::Contains("version 2"));
}

TEST_CASE("card id 0, a bad name or out-of-range hash parameters in a card are malformed",
          "[staffcard]") {
  const auto bytes =
      bytes_of(sign_staff_card(test::sample_staff_card("Jo"), SigningKey::generate()));
  auto zero_id = bytes;
  zero_id[10] = 0;
  CHECK_THAT(parse_staff_card(text_of(zero_id)).error().detail, Catch::Contains("card id 0"));
  auto control = bytes;
  control[51] = '\t';
  CHECK_THAT(parse_staff_card(text_of(control)).error().detail,
             Catch::Contains("control character"));
  auto empty_name = bytes;
  empty_name[50] = 0;
  empty_name.erase(empty_name.begin() + 51, empty_name.begin() + 53);
  CHECK_THAT(parse_staff_card(text_of(empty_name)).error().detail, Catch::Contains("empty"));
  auto huge = bytes;
  huge[15] = 30;
  CHECK_THAT(parse_staff_card(text_of(huge)).error().detail, Catch::Contains("2^10 to 2^20"));
}
