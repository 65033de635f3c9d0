#pragma once
// What the dashboard request fuzzer does with one input, shared with the replay test in the
// ordinary build (web_fuzz_replay_tests).
//
// An input is one of
//   - a request in fields, one a line: method, target, Cookie, X-CSRF-Token, Origin, then the
//     body (the rest, line breaks included); missing lines are empty headers. Host is always
//     dash.example:8443, the client 10.0.0.9.
//   - "RAW\n" and then bytes as a browser would send them over the connection: Beast's request
//     parser reads them with the limits web_server.cpp sets (headers 8 KiB, body 64 KiB), and up
//     to four requests it completes go to the dashboard as web_server.cpp passes them on.
// In the Cookie and X-CSRF-Token headers "$v", "$d" and "$a" stand for the session token
// (Cookie) or CSRF token (X-CSRF-Token) of the signed-in viewer vera, desk dirk and admin ada,
// so the fuzzer reaches what needs a session without guessing a 43-character secret.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace einlass::fuzz {

struct HttpOutcome {
  std::optional<std::string> broken;  // the first property that failed; nothing when all held
  bool raw = false;                   // the input was raw bytes for Beast's parser
  std::vector<int> statuses;          // of each answer the dashboard gave
  // The error code of each error answer; "beast: <message>" for raw bytes Beast refused.
  std::vector<std::string> codes;
};

// A DashboardApi over a server database in a temp folder: the sample event, four attendees
// (T000001 admitted at the desk, T000003 canceled), kiosk K1 with an open printer alert, staff
// vera (viewer), dirk (desk), ada (admin), olga (desk, disabled), and vera, dirk and ada signed
// in; password "long-enough-password" for all. Each input starts from that state.
//
// Properties of every answer: no exception, a status Beast knows and never 5xx; every error of
// the API is JSON {"error": {"code", "message"}}, and every JSON body parses; no header breaks a
// line; no API route but sign-in answers 2xx without a session token in the Cookie, nor to a
// session whose role is below the one docs/DASHBOARD-API.md gives the endpoint; a POST (or any
// method but GET and HEAD) other than sign-in without the session's CSRF token writes nothing
// and fails; nothing is written to the audit log in the name of a staff member whose session
// the request does not carry, nor beyond that member's role. An API request carrying a session
// is first sent without its cookie and in the viewer's name, and a state-changing one with its
// CSRF token also without the token and from another origin: so each such input tests those
// checks, not only the rare one whose secrets the fuzzer happened to break.
class HttpRequestFuzzer {
 public:
  HttpRequestFuzzer();
  ~HttpRequestFuzzer();
  HttpRequestFuzzer(const HttpRequestFuzzer&) = delete;
  HttpRequestFuzzer& operator=(const HttpRequestFuzzer&) = delete;

  HttpOutcome check(std::span<const std::uint8_t> input);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace einlass::fuzz
