// Scenarios 8 and 9: from the scanned text through verification to the decision and the message.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "example_event.h"
#include "rules/decide.h"
#include "rules/messages.h"
#include "ticket/keyring.h"
#include "ticket/signing_key.h"
#include "ticket/ticket_issuer.h"
#include "ticket/ticket_verifier.h"

using namespace einlass;
using namespace einlass::test;

namespace {

// What a kiosk does with a scan: verify offline, then decide with what the replica knows.
Decision admit_scan(std::string_view scanned, const Keyring& keyring, Timestamp at) {
  const auto ticket = verify_ticket(scanned, keyring);
  if (!ticket) return refuse_unverified(ticket.error());
  return decide(*ticket, known(*ticket), {}, at, entrance(), example_calendar(),
                ReentryPolicy::allow_after_exit);
}

}  // namespace

TEST_CASE(
    "scenario 8: another event's ticket, a changed byte, a truncated code, random text, a URL "
    "or a product barcode are invalid: not a ticket for this event",
    "[rules][scenario][verify]") {
  const SigningKey key = SigningKey::generate();
  Keyring keyring{2026};
  REQUIRE(keyring.add(1, key.public_key()).has_value());
  const std::string genuine = issue_ticket(example_ticket(), key);
  REQUIRE(admit_scan(genuine, keyring, day1(9, 0)).admitted);

  Ticket foreign = example_ticket();
  foreign.event_id = 2025;
  std::string changed = genuine;
  // A character in the signature, replaced by another of the code's alphabet.
  char& c = changed[changed.size() - 5];
  c = c == 'A' ? 'B' : 'A';

  const std::vector<std::pair<std::string, std::string>> scans{
      {"ticket of another event", issue_ticket(foreign, key)},
      {"one character changed", changed},
      {"truncated", genuine.substr(0, genuine.size() - 10)},
      {"random text", "Hallo Welt"},
      {"a URL", "https://example.org/tickets/42"},
      {"a product barcode (EAN-13)", "4006381333931"},
      {"empty", ""},
  };
  for (const auto& [what, text] : scans) {
    INFO(what);
    const Decision d = admit_scan(text, keyring, day1(9, 0));
    CHECK_FALSE(d.admitted);
    CHECK(d.reason == Reason::invalid);
    CHECK(en(d) ==
          "This is not a ticket for Digitale Verwaltung 2026. Please go to the staff desk.");
    CHECK(de(d) ==
          "Dies ist kein Ticket für Digitale Verwaltung 2026. Bitte wenden Sie sich an die "
          "Infotheke.");
    CHECK_FALSE(d.staff_detail.empty());
  }

  // Whatever single character changes, the code is never admitted.
  for (std::size_t i = 0; i < genuine.size(); ++i) {
    std::string altered = genuine;
    altered[i] = altered[i] == '7' ? '8' : '7';
    const Decision d = admit_scan(altered, keyring, day1(9, 0));
    INFO("position " << i);
    CHECK_FALSE(d.admitted);
    // A changed key id byte names a key this kiosk does not hold; everything else is invalid.
    CHECK((d.reason == Reason::invalid || d.reason == Reason::unknown_key));
  }
}

TEST_CASE(
    "scenario 9: a ticket signed with an older key still in the keyring is admitted; with a "
    "removed key it is unknown_key",
    "[rules][scenario][verify]") {
  const SigningKey old_key = SigningKey::generate();
  const SigningKey new_key = SigningKey::generate();
  Keyring keyring{2026};
  REQUIRE(keyring.add(1, old_key.public_key()).has_value());
  REQUIRE(keyring.add(2, new_key.public_key()).has_value());

  Ticket old_ticket = example_ticket(10);
  old_ticket.key_id = 1;
  Ticket new_ticket = example_ticket(11);
  new_ticket.key_id = 2;
  const std::string old_code = issue_ticket(old_ticket, old_key);
  const std::string new_code = issue_ticket(new_ticket, new_key);

  CHECK(admit_scan(old_code, keyring, day1(9, 0)).admitted);
  CHECK(admit_scan(new_code, keyring, day1(9, 0)).admitted);

  REQUIRE(keyring.remove(1));
  const Decision d = admit_scan(old_code, keyring, day1(9, 5));
  CHECK_FALSE(d.admitted);
  CHECK(d.reason == Reason::unknown_key);
  CHECK_THAT(d.staff_detail, Catch::StartsWith("unknown_key: "));
  CHECK(en(d) == "This ticket cannot be checked here. Please go to the staff desk.");
  CHECK(de(d) ==
        "Dieses Ticket kann hier nicht geprüft werden. Bitte wenden Sie sich an die Infotheke.");
  CHECK(admit_scan(new_code, keyring, day1(9, 5)).admitted);
}
