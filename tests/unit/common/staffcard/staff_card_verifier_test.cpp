#include "staffcard/staff_card_verifier.h"

#include <catch2/catch.hpp>

#include <string>

#include "sample_staff_cards.h"
#include "staffcard/staff_card_codec.h"
#include "staffcard/staff_card_issuer.h"
#include "ticket/base44.h"
#include "ticket/ticket_codec.h"
#include "ticket/ticket_issuer.h"
#include "ticket/ticket_verifier.h"

using namespace einlass;

namespace {

std::vector<std::uint8_t> decoded(std::string_view text, std::string_view prefix) {
  return base44_decode(text.substr(prefix.size())).value();
}

StaffCardError refusal(std::string_view text, const Keyring& ring) {
  auto verified = verify_staff_card(text, ring);
  REQUIRE_FALSE(verified);
  return verified.error();
}

Ticket sample_ticket() {
  Ticket t;
  t.key_id = 1;
  t.event_id = test::kStaffEvent;
  t.ticket_id = 7;
  t.category = 1;
  t.days = 1;
  t.display_name = "Anna Schäfer";
  return t;
}

}  // namespace

TEST_CASE("a genuine staff card of the kiosk's event is verified and its PIN checks",
          "[staffcard]") {
  const auto key = SigningKey::generate();
  const StaffCard card = test::sample_staff_card();
  auto verified = verify_staff_card(sign_staff_card(card, key), test::staff_keyring(key));
  REQUIRE(verified);
  CHECK(*verified == card);
  CHECK(check_pin(*verified, "2580"));
  CHECK_FALSE(check_pin(*verified, "2581"));
}

TEST_CASE("a card of another event is refused as other_event before any key is looked at",
          "[staffcard]") {
  const auto key = SigningKey::generate();
  const std::string text = sign_staff_card(test::sample_staff_card(), key);
  const auto error = refusal(text, test::staff_keyring(key, 1, 4711));
  CHECK(error.problem == StaffCardProblem::other_event);
  CHECK_THAT(error.detail, Catch::Contains("S000007") && Catch::Contains("event 20260915") &&
                               Catch::Contains("event 4711"));
  CHECK_THAT(error.detail, !Catch::Contains("Anna"));
}

TEST_CASE("a card signed with a key the kiosk does not hold is unknown_key", "[staffcard]") {
  const auto key = SigningKey::generate();
  const std::string text = sign_staff_card(test::sample_staff_card(), key);
  Keyring ring = test::staff_keyring(key, 2);
  CHECK(refusal(text, ring).problem == StaffCardProblem::unknown_key);
  Keyring retired = test::staff_keyring(key, 1);
  REQUIRE(retired.remove(1));
  CHECK(refusal(text, retired).problem == StaffCardProblem::unknown_key);
}

TEST_CASE("a card signed with another key under the same id is bad_signature", "[staffcard]") {
  const auto key = SigningKey::generate();
  const auto forger = SigningKey::generate();
  const std::string forged = sign_staff_card(test::sample_staff_card(), forger);
  const auto error = refusal(forged, test::staff_keyring(key));
  CHECK(error.problem == StaffCardProblem::bad_signature);
  CHECK_THAT(error.detail, Catch::Contains("S000007"));
}

TEST_CASE("flipping any bit of any byte of a card makes it fail", "[staffcard][tamper]") {
  const auto key = SigningKey::generate();
  const Keyring ring = test::staff_keyring(key);
  const std::string text = sign_staff_card(test::sample_staff_card("Zoë Öztürk"), key);
  const auto bytes = decoded(text, kStaffCardPrefix);
  REQUIRE(verify_staff_card(text, ring));
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      auto altered = bytes;
      altered[i] = static_cast<std::uint8_t>(altered[i] ^ (1u << bit));
      const std::string altered_text = std::string{kStaffCardPrefix} + base44_encode(altered);
      auto verified = verify_staff_card(altered_text, ring);
      INFO("byte " << i << " bit " << bit);
      CHECK_FALSE(verified);
    }
  }
}

TEST_CASE("replacing any character of a card's text fails", "[staffcard][tamper]") {
  const auto key = SigningKey::generate();
  const Keyring ring = test::staff_keyring(key);
  const std::string text = sign_staff_card(test::sample_staff_card(), key);
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (char c : kBase44Alphabet) {
      if (c == text[i]) continue;
      std::string altered = text;
      altered[i] = c;
      INFO("position " << i << " '" << c << "'");
      CHECK_FALSE(verify_staff_card(altered, ring));
    }
  }
}

TEST_CASE("a ticket is never taken for a staff card", "[staffcard][separation]") {
  const auto key = SigningKey::generate();
  const Keyring ring = test::staff_keyring(key);
  const std::string ticket = issue_ticket(sample_ticket(), key);
  REQUIRE(verify_ticket(ticket, ring));

  CHECK_FALSE(looks_like_staff_card(ticket));
  CHECK(refusal(ticket, ring).problem == StaffCardProblem::not_a_staff_card);
  // The ticket's bytes under the staff card prefix: not a card payload.
  const std::string relabelled =
      std::string{kStaffCardPrefix} + ticket.substr(kTicketPrefix.size());
  const auto error = refusal(relabelled, ring);
  CHECK(error.problem == StaffCardProblem::malformed);
  CHECK_THAT(error.detail, Catch::Contains("not a staff card"));
}

TEST_CASE("a staff card is never taken for a ticket", "[staffcard][separation]") {
  const auto key = SigningKey::generate();
  const Keyring ring = test::staff_keyring(key);
  const std::string card = sign_staff_card(test::sample_staff_card(), key);
  REQUIRE(verify_staff_card(card, ring));

  CHECK(looks_like_staff_card(card));
  CHECK(looks_like_staff_card("  einlass-staff:ABC\r\n"));
  auto as_ticket = verify_ticket(card, ring);
  REQUIRE_FALSE(as_ticket);
  CHECK(as_ticket.error().problem == TicketProblem::not_a_ticket);
  // The card's bytes under the ticket prefix: the 'S' tag is no ticket format version.
  const std::string relabelled = std::string{kTicketPrefix} + card.substr(kStaffCardPrefix.size());
  auto relabelled_ticket = verify_ticket(relabelled, ring);
  REQUIRE_FALSE(relabelled_ticket);
  CHECK(relabelled_ticket.error().problem == TicketProblem::unsupported_version);
}

TEST_CASE("a ticket signature never verifies a staff card message and the other way round",
          "[staffcard][separation]") {
  // Even a payload that both parsers accepted would need one signature over two different
  // messages: the card's message starts with the context string, a ticket's with its version.
  const auto key = SigningKey::generate();
  const Keyring ring = test::staff_keyring(key);
  const auto payload = encode_staff_card_payload(test::sample_staff_card());
  const auto card_signature = key.sign(staff_card_signed_message(payload));
  CHECK_FALSE(ring.verify(1, payload, card_signature));
  const auto payload_signature = key.sign(payload);
  CHECK_FALSE(ring.verify(1, staff_card_signed_message(payload), payload_signature));
  CHECK(ring.verify(1, staff_card_signed_message(payload), card_signature));
}
