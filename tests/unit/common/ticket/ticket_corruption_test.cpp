// Property: no corruption of a genuine ticket is ever verified, and none crashes the parser.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "base/text.h"
#include "sample_tickets.h"
#include "ticket/base44.h"
#include "ticket/ticket_codec.h"
#include "ticket/ticket_issuer.h"
#include "ticket/ticket_verifier.h"

using namespace einlass;

namespace {

std::vector<std::string> genuine_tickets(const SigningKey& key) {
  std::vector<Ticket> tickets = {test::full_ticket(), test::minimal_ticket()};
  Ticket utf8 = test::full_ticket();
  utf8.display_name = "Łukasz Wróbel";
  utf8.ticket_id = 1'234'567;
  tickets.push_back(utf8);
  Ticket longest = test::minimal_ticket();
  longest.display_name = std::string(200, 'N');
  longest.organisation = std::string(200, 'O');
  longest.ticket_id = 0xFFFF'FFFF;
  longest.days = 0xFFFF'FFFF;
  tickets.push_back(longest);
  std::vector<std::string> out;
  for (const Ticket& t : tickets) out.push_back(issue_ticket(t, key));
  return out;
}

class Corruptor {
 public:
  explicit Corruptor(std::mt19937& rng) : rng_(rng) {}

  std::string corrupt(const std::string& text) {
    std::string s = text;
    const int rounds = pick(1, 3);
    for (int i = 0; i < rounds; ++i) s = once(s);
    return s;
  }

 private:
  std::string once(std::string s) {
    if (s.empty()) s = "E";
    switch (pick(0, 7)) {
      case 0: {  // substitution inside the alphabet
        auto& c = s[index(s.size())];
        c = kBase44Alphabet[index(kBase44Alphabet.size())];
        break;
      }
      case 1:  // substitution outside the alphabet: lower case, blanks, control bytes, UTF-8
        s[index(s.size())] = outside_alphabet();
        break;
      case 2:
        s.erase(index(s.size()), static_cast<std::size_t>(pick(1, 3)));
        break;
      case 3:
        s.insert(s.begin() + static_cast<std::ptrdiff_t>(index(s.size() + 1)),
                 pick(0, 1) ? kBase44Alphabet[index(kBase44Alphabet.size())] : outside_alphabet());
        break;
      case 4:
        s.resize(index(s.size()));
        break;
      case 5:
      case 6:  // bit flips in the decoded bytes, re-encoded as valid base44
        flip_bits(s);
        break;
      case 7: {  // swapped adjacent segments
        std::size_t a = index(s.size() + 1), b = index(s.size() + 1), c = index(s.size() + 1);
        if (a > b) std::swap(a, b);
        if (b > c) std::swap(b, c);
        if (a > b) std::swap(a, b);
        std::rotate(s.begin() + static_cast<std::ptrdiff_t>(a),
                    s.begin() + static_cast<std::ptrdiff_t>(b),
                    s.begin() + static_cast<std::ptrdiff_t>(c));
        break;
      }
    }
    return s;
  }

  void flip_bits(std::string& s) {
    if (!s.starts_with(kTicketPrefix)) return;
    auto bytes = base44_decode(std::string_view{s}.substr(kTicketPrefix.size()));
    if (!bytes || bytes->empty()) return;
    const int flips = pick(1, 4);
    for (int i = 0; i < flips; ++i) {
      (*bytes)[index(bytes->size())] ^= static_cast<std::uint8_t>(1u << pick(0, 7));
    }
    s = std::string{kTicketPrefix} + base44_encode(*bytes);
  }

  char outside_alphabet() {
    for (;;) {
      const char c = static_cast<char>(pick(0, 255));
      if (kBase44Alphabet.find(c) == std::string_view::npos) return c;
    }
  }

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>{lo, hi}(rng_); }
  std::size_t index(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>{0, n - 1}(rng_);
  }

  std::mt19937& rng_;
};

}  // namespace

TEST_CASE("100,000 random corruptions of genuine tickets are never verified and never crash",
          "[ticket][property]") {
  const SigningKey key = SigningKey::generate();
  const Keyring ring = test::keyring_with(key);
  const std::vector<std::string> genuine = genuine_tickets(key);
  for (const auto& text : genuine) REQUIRE(verify_ticket(text, ring));

  std::mt19937 rng{20260915};
  Corruptor corruptor{rng};
  int corruptions = 0;
  int unchanged = 0;
  int reached_signature_check = 0;
  while (corruptions < 100'000) {
    const std::string& original = genuine[static_cast<std::size_t>(corruptions) % genuine.size()];
    const std::string corrupted = corruptor.corrupt(original);
    // Blanks around the code are what scanners add and the parser forgives: not a corruption.
    if (trim(corrupted) == original) {
      ++unchanged;
      continue;
    }
    ++corruptions;
    const auto verified = verify_ticket(corrupted, ring);
    if (verified) FAIL("a corrupted ticket verified: " << corrupted);
    if (verified.error().problem == TicketProblem::bad_signature) ++reached_signature_check;
  }
  // The corruptions must reach the signature check often enough to test more than the parser.
  CHECK(reached_signature_check > 10'000);
  CHECK(unchanged < 10'000);
}
