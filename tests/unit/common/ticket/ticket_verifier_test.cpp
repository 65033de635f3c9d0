#include "ticket/ticket_verifier.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "base/text.h"
#include "sample_tickets.h"
#include "ticket/base44.h"
#include "ticket/ticket_codec.h"
#include "ticket/ticket_issuer.h"

using namespace einlass;
using einlass::test::full_ticket;
using einlass::test::kEvent;
using einlass::test::keyring_with;
using einlass::test::minimal_ticket;

namespace {
TicketError refusal(std::string_view scanned, const Keyring& ring) {
  const auto verified = verify_ticket(scanned, ring);
  REQUIRE_FALSE(verified);
  return verified.error();
}
}  // namespace

TEST_CASE("an issued ticket verifies and yields exactly its fields", "[ticket][verify]") {
  const SigningKey key = SigningKey::generate();
  const Keyring ring = keyring_with(key);
  for (const Ticket& t : {full_ticket(), minimal_ticket()}) {
    const auto verified = verify_ticket(issue_ticket(t, key), ring);
    REQUIRE(verified);
    CHECK(*verified == t);
  }
}

TEST_CASE("verification accepts the CR/LF and spaces a handheld scanner adds", "[ticket][verify]") {
  const SigningKey key = SigningKey::generate();
  const std::string text = issue_ticket(full_ticket(), key);
  for (const std::string& scanned : {text + "\r\n", text + "\n", " " + text + "  ", "\t" + text}) {
    CHECK(verify_ticket(scanned, keyring_with(key)));
  }
}

TEST_CASE("verification refuses a ticket read in lower case as malformed", "[ticket][verify]") {
  const SigningKey key = SigningKey::generate();
  const std::string text = ascii_lower(issue_ticket(full_ticket(), key));
  CHECK(refusal(text, keyring_with(key)).problem == TicketProblem::malformed);
}

TEST_CASE("a ticket of another event is other_event, naming both event ids", "[ticket][verify]") {
  const SigningKey key = SigningKey::generate();
  Ticket t = full_ticket();
  t.event_id = 1234;
  const TicketError e = refusal(issue_ticket(t, key), keyring_with(key, 1, 5678));
  CHECK(e.problem == TicketProblem::other_event);
  CHECK_THAT(e.detail, Catch::Contains("1234") && Catch::Contains("5678"));
}

TEST_CASE("after key rotation, tickets signed with the old key verify while it stays in the ring",
          "[ticket][verify]") {
  const SigningKey old_key = SigningKey::generate();
  const SigningKey new_key = SigningKey::generate();
  Keyring ring{kEvent};
  REQUIRE(ring.add(1, old_key.public_key()));
  REQUIRE(ring.add(2, new_key.public_key()));
  Ticket old_ticket = full_ticket();
  old_ticket.key_id = 1;
  Ticket new_ticket = full_ticket();
  new_ticket.key_id = 2;
  new_ticket.ticket_id = 4712;
  CHECK(verify_ticket(issue_ticket(old_ticket, old_key), ring));
  CHECK(verify_ticket(issue_ticket(new_ticket, new_key), ring));
}

TEST_CASE("a ticket whose key was removed from the keyring is unknown_key", "[ticket][verify]") {
  const SigningKey old_key = SigningKey::generate();
  const SigningKey new_key = SigningKey::generate();
  Keyring ring{kEvent};
  REQUIRE(ring.add(1, old_key.public_key()));
  REQUIRE(ring.add(2, new_key.public_key()));
  const std::string old_ticket = issue_ticket(full_ticket(), old_key);
  REQUIRE(ring.remove(1));
  const TicketError e = refusal(old_ticket, ring);
  CHECK(e.problem == TicketProblem::unknown_key);
  CHECK_THAT(e.detail, Catch::Contains("key 1"));
}

TEST_CASE("a ticket signed by a stranger's key under a known key id is bad_signature",
          "[ticket][verify]") {
  const SigningKey ours = SigningKey::generate();
  const SigningKey forger = SigningKey::generate();
  const TicketError e = refusal(issue_ticket(full_ticket(), forger), keyring_with(ours));
  CHECK(e.problem == TicketProblem::bad_signature);
  CHECK_THAT(e.detail, Catch::Contains("T004711"));
  CHECK_THAT(e.detail, !Catch::Contains("Jürgen"));
}

TEST_CASE(
    "a single changed character is never admitted: malformed or bad_signature, or in the header "
    "unsupported_version, unknown_key or other_event",
    "[ticket][verify]") {
  const SigningKey key = SigningKey::generate();
  const Keyring ring = keyring_with(key);
  const std::string text = issue_ticket(full_ticket(), key);
  // Characters 0..8 after the prefix carry the version, key id and event id.
  const std::size_t header_end = kTicketPrefix.size() + 9;
  for (std::size_t pos = kTicketPrefix.size(); pos < text.size(); ++pos) {
    for (std::size_t step : {1, 7, 43}) {
      std::string changed = text;
      const auto digit = kBase44Alphabet.find(changed[pos]);
      changed[pos] = kBase44Alphabet[(digit + step) % kBase44Alphabet.size()];
      INFO("position " << pos << ": " << changed);
      const TicketError e = refusal(changed, ring);
      if (pos >= header_end) {
        CHECK((e.problem == TicketProblem::malformed || e.problem == TicketProblem::bad_signature));
      } else {
        CHECK((e.problem == TicketProblem::malformed || e.problem == TicketProblem::bad_signature ||
               e.problem == TicketProblem::unsupported_version ||
               e.problem == TicketProblem::unknown_key || e.problem == TicketProblem::other_event));
      }
    }
  }
}

TEST_CASE("a truncated ticket is malformed", "[ticket][verify]") {
  const SigningKey key = SigningKey::generate();
  const std::string text = issue_ticket(minimal_ticket(), key);
  for (std::size_t n = kTicketPrefix.size(); n < text.size(); ++n) {
    CHECK(refusal(text.substr(0, n), keyring_with(key)).problem == TicketProblem::malformed);
  }
}

TEST_CASE("random text, a web address and an EAN barcode are not_a_ticket for the verifier",
          "[ticket][verify]") {
  const Keyring ring{kEvent};
  for (const char* scanned : {"4006381333931", "https://einlass.example/t/4711", "Hallo", ""}) {
    CHECK(refusal(scanned, ring).problem == TicketProblem::not_a_ticket);
  }
}

TEST_CASE("ticket problems have stable names for logs and JSON", "[ticket][verify]") {
  CHECK(to_string(TicketProblem::not_a_ticket) == "not_a_ticket");
  CHECK(to_string(TicketProblem::malformed) == "malformed");
  CHECK(to_string(TicketProblem::unsupported_version) == "unsupported_version");
  CHECK(to_string(TicketProblem::bad_signature) == "bad_signature");
  CHECK(to_string(TicketProblem::other_event) == "other_event");
  CHECK(to_string(TicketProblem::unknown_key) == "unknown_key");
}
