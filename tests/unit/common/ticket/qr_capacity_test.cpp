// The ticket must fit a QR code small enough to print on a letter and to show on a phone.
#include <catch2/catch.hpp>

#include <string>

#include "base/text.h"
#include "render/qr_code.h"
#include "sample_tickets.h"
#include "ticket/ticket_issuer.h"

using namespace einlass;

TEST_CASE(
    "a ticket with a 60-character name and a 60-character organisation fits a QR of version 10 "
    "or less at error correction M",
    "[ticket][qr]") {
  Ticket t = test::minimal_ticket();
  t.ticket_id = 49'999;  // a three-byte id, as at a 50,000-attendee event
  t.category = 3;
  t.days = 0b111;
  t.display_name = "Prof. Dr. Hans-Jürgen Müller-Lüdenscheidt zu Weißenbach-Groß";
  t.organisation = "Landesamt für Digitalisierung, Breitband und Vermessung Nord";
  REQUIRE(decode_utf8(t.display_name)->size() == 60);
  REQUIRE(decode_utf8(t.organisation)->size() == 60);

  const std::string text = issue_ticket(t, SigningKey::generate());
  // The encoder the ticket sheets and badges use.
  const auto qr = QrCode::encode(text, QrErrorCorrection::medium);
  REQUIRE(qr);
  const int version = qr->version();
  INFO(text.size() << " characters, QR version " << version);
  CHECK(text.size() <= 311);  // the alphanumeric capacity of version 10-M
  CHECK(version <= 10);
}
