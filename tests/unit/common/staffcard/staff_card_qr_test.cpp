// A staff card must fit a QR code that a kiosk's camera reads from a lanyard card or a phone.
#include <catch2/catch.hpp>

#include <string>

#include "base/text.h"
#include "render/qr_code.h"
#include "sample_staff_cards.h"
#include "staffcard/staff_card_issuer.h"

using namespace einlass;

TEST_CASE("a staff card with the longest name fits a QR of version 10 or less at level M",
          "[staffcard][qr]") {
  StaffCard card = test::sample_staff_card();
  card.card_id = 0xFFFF'FFFF;
  card.pin = make_pin_verifier("2580");  // the default parameters, as issued
  // 64 bytes of UTF-8 with umlauts: the most a card holds.
  card.staff_name = "Prof. Dr. Hans-Jürgen Müller-Lüdenscheidt zu Weißenbach";
  while (card.staff_name.size() < kMaxStaffNameBytes) card.staff_name += "x";
  REQUIRE(card.staff_name.size() == kMaxStaffNameBytes);

  const std::string text = sign_staff_card(card, SigningKey::generate());
  const auto qr = QrCode::encode(text, QrErrorCorrection::medium);
  REQUIRE(qr);
  INFO(text.size() << " characters, QR version " << qr->version());
  CHECK(text.size() == 14 + 269);  // prefix + base44 of 179 bytes
  CHECK(text.size() <= 311);       // the alphanumeric capacity of version 10-M
  CHECK(qr->version() <= 10);
}

TEST_CASE("a card's text uses only QR alphanumeric characters", "[staffcard][qr]") {
  const std::string text = sign_staff_card(test::sample_staff_card(), SigningKey::generate());
  const std::string_view alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  for (char c : text) {
    INFO(c);
    CHECK(alphanumeric.find(c) != std::string_view::npos);
  }
}
