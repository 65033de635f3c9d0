// Replays the ticket fuzzer's seeds and saved crashes through the same checks the fuzzer runs,
// in the ordinary build, so that a fixed crash stays fixed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz/ticket_parser_check.h"
#include "support/files.h"
#include "ticket/signing_key.h"
#include "ticket/ticket_issuer.h"
#include "ticket/ticket_verifier.h"

using namespace einlass;
namespace fs = std::filesystem;
using test::read_file;

namespace {

const fs::path kFuzzDir = EINLASS_TICKET_FUZZ_DIR;

SigningKey fuzz_signing_key() {
  auto key = SigningKey::from_pem(read_file(kFuzzDir / "ticket_fuzz_key.pem"));
  REQUIRE(key);
  return std::move(*key);
}

// Seeds named valid-*.txt are genuine tickets for the fuzz keyring.
std::vector<Ticket> seed_tickets() {
  Ticket plain;
  plain.key_id = fuzz::kFuzzKeyId;
  plain.event_id = fuzz::kFuzzEventId;
  plain.ticket_id = 42;
  plain.category = 1;
  plain.days = 0b11;
  Ticket badge = plain;
  badge.ticket_id = 4711;
  badge.display_name = "Jürgen Weiß";
  badge.organisation = "Stadtverwaltung Görlitz";
  badge.valid_from = from_unix_ms(1'789'450'200'000);
  badge.valid_until = from_unix_ms(1'789'540'200'000);
  Ticket utf8 = plain;
  utf8.ticket_id = 49'999;
  utf8.display_name = "Łukasz Wróbel";
  utf8.organisation = "Urząd Miasta Zgorzelec";
  return {plain, badge, utf8};
}

}  // namespace

TEST_CASE("every seed and saved crash of the ticket fuzzer passes the fuzzer's checks",
          "[ticket][fuzz]") {
  std::vector<fs::path> files = einlass::test::fuzz_inputs(kFuzzDir / "corpus" / "ticket");
  REQUIRE(files.size() >= 5);
  const auto regressions = einlass::test::fuzz_inputs(kFuzzDir / "regressions" / "ticket");
  files.insert(files.end(), regressions.begin(), regressions.end());
  for (const auto& path : files) {
    const std::string input = read_file(path);
    const auto broken = fuzz::check_ticket_parser_input(
        {reinterpret_cast<const std::uint8_t*>(input.data()), input.size()});
    INFO(path.string());
    CHECK_FALSE(broken);
    if (broken) FAIL_CHECK(*broken);
  }
}

TEST_CASE("the fuzzer's genuine seed tickets still verify, so format version 1 stays readable",
          "[ticket][fuzz]") {
  const auto tickets = seed_tickets();
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    const fs::path path = kFuzzDir / "corpus" / "ticket" / ("valid-" + std::to_string(i) + ".txt");
    INFO(path.string());
    const auto verified = verify_ticket(read_file(path), fuzz::fuzz_keyring());
    REQUIRE(verified);
    CHECK(*verified == tickets[i]);
  }
  // The key file and the fuzzer's built-in public key belong together.
  CHECK(verify_ticket(issue_ticket(tickets[0], fuzz_signing_key()), fuzz::fuzz_keyring()));
}

// Run by hand after a deliberate format change: ticket_tests "[.regenerate]"
TEST_CASE("regenerate the genuine seed tickets of the ticket fuzzer", "[.regenerate]") {
  const SigningKey key = fuzz_signing_key();
  const auto tickets = seed_tickets();
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    test::write_file(kFuzzDir / "corpus" / "ticket" / ("valid-" + std::to_string(i) + ".txt"),
                     issue_ticket(tickets[i], key));
  }
}
