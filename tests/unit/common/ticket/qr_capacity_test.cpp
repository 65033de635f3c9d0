// The ticket must fit a QR code small enough to print on a letter and to show on a phone.
#include <qrencode.h>

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "sample_tickets.h"
#include "ticket/ticket_issuer.h"

using namespace einlass;

namespace {

std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

struct QrFree {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

int qr_version_at_m(const std::string& text) {
  const std::unique_ptr<QRcode, QrFree> qr{
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1)};
  REQUIRE(qr);
  return qr->version;
}

}  // namespace

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
  REQUIRE(code_points(t.display_name) == 60);
  REQUIRE(code_points(t.organisation) == 60);

  const std::string text = issue_ticket(t, SigningKey::generate());
  const int version = qr_version_at_m(text);
  INFO(text.size() << " characters, QR version " << version);
  CHECK(text.size() <= 311);  // the alphanumeric capacity of version 10-M
  CHECK(version <= 10);
}
