#include "fuzz/http_request_check.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http.hpp>
#include <exception>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string_view>

#include "fuzz/database_snapshot.h"
#include "fuzz/scratch_dir.h"
#include "storage/alert_repository.h"
#include "storage/attendee_repository.h"
#include "storage/event_repository.h"
#include "storage/kiosk_registry.h"
#include "support/sample_event.h"
#include "support/seeded_random.h"
#include "support/time_literals.h"
#include "web/dashboard_api.h"
#include "web/request_target.h"

namespace einlass::fuzz {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using Failure = std::optional<std::string>;

constexpr std::string_view kHost = "dash.example:8443";
constexpr std::string_view kClient = "10.0.0.9";
constexpr std::string_view kPassword = "long-enough-password";
// web_server.cpp's limits.
constexpr std::size_t kMaxHeaderBytes = 8 * 1024;
constexpr std::size_t kMaxBodyBytes = 64 * 1024;
constexpr int kMaxRawRequests = 4;

// The signed-in staff, with the placeholder that stands for their secrets in an input.
struct Member {
  std::string_view login;
  StaffRole role;
  std::string_view placeholder;
};
constexpr std::array<Member, 3> kSignedIn{Member{"vera", StaffRole::viewer, "$v"},
                                          Member{"dirk", StaffRole::desk, "$d"},
                                          Member{"ada", StaffRole::admin, "$a"}};

// What each role may have written to the audit log in its name (see staff_auth.h and the desk
// service's actions); admin may do everything.
bool role_may_write(StaffRole role, std::string_view action) {
  if (action == "sign_in" || action == "sign_out") return true;
  if (role == StaffRole::admin) return true;
  if (role == StaffRole::viewer) return false;
  return action == "manual_admission" || action == "reprint" || action == "acknowledge_alert";
}

AuthOptions test_auth_options() {
  AuthOptions options;
  options.password_cost = kTestPasswordCost;
  return options;
}

Registration registration(std::string id, std::string name, AttendeeStatus status) {
  Registration r;
  r.external_id = std::move(id);
  r.email = r.external_id + "@example.org";
  r.record.display_name = std::move(name);
  r.record.organisation = "Stadt Halle (Saale)";
  r.record.category = 1;
  r.record.days = 0b11;
  r.record.status = status;
  return r;
}

template <class T, class E>
T need(std::expected<T, E> result, std::string_view what) {
  if (!result) throw std::runtime_error("setting up the fuzz dashboard: " + std::string(what));
  return std::move(*result);
}

template <class E>
void need(std::expected<void, E> result, std::string_view what) {
  if (!result) throw std::runtime_error("setting up the fuzz dashboard: " + std::string(what));
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::string text(beast::string_view s) {
  return {s.data(), s.size()};
}

bool has_line_break(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

bool is_page(const RequestTarget& target) {
  return !target.path.starts_with("/api/") && target.path != "/metrics";
}

bool is_sign_in(const RequestTarget& target) {
  return target.segments == std::vector<std::string>{"api", "v1", "login"};
}

bool changes_state(std::string_view method) {
  return method != "GET" && method != "HEAD";
}

// The role docs/DASHBOARD-API.md gives each endpoint (viewer for every other API path), taken
// from the document rather than from the router, so a route that lost its role shows.
StaffRole documented_role(std::string_view method, const std::vector<std::string>& segments) {
  if (segments.size() < 3 || segments[0] != "api" || segments[1] != "v1") return StaffRole::viewer;
  const std::vector<std::string> rest(segments.begin() + 2, segments.end());
  const bool post = method == "POST";
  if (rest.size() == 3 && rest[0] == "attendees" && post) {
    if (rest[2] == "cancel" || rest[2] == "revoke") return StaffRole::admin;
    if (rest[2] == "admit" || rest[2] == "reprint") return StaffRole::desk;
  }
  if (rest == std::vector<std::string>{"export", "attendance.csv"}) return StaffRole::admin;
  if (rest[0] == "staff" && (rest.size() == 1 || (rest.size() == 3 && rest[2] == "disable"))) {
    return StaffRole::admin;
  }
  if (rest.size() == 3 && rest[0] == "alerts" && rest[2] == "acknowledge" && post) {
    return StaffRole::desk;
  }
  return StaffRole::viewer;
}

}  // namespace

struct HttpRequestFuzzer::State {
  struct Session {
    std::string token;
    std::string csrf;
  };

  ScratchDir dir;
  ManualClock clock{test::utc(2026, 3, 28, 9)};
  Database db = need(Database::open(dir / "event.db", DatabaseKind::server), "opening");
  std::array<Session, kSignedIn.size()> sessions;
  std::unique_ptr<DatabaseSnapshot> snapshot;

  State() {
    need(EventRepository(db).save(test::sample_event()), "the event");
    need(AttendeeRepository(db, clock).upsert(
             std::vector{registration("a", "Jürgen Müller", AttendeeStatus::active),
                         registration("b", "Anna Schmidt", AttendeeStatus::active),
                         registration("c", "Carla Storno", AttendeeStatus::canceled),
                         registration("d", "<script>alert(1)</script>", AttendeeStatus::active)}),
         "the attendees");
    StaffAccounts accounts{db, clock, test::seeded_random(1), kTestPasswordCost};
    for (const auto& m : kSignedIn) need(accounts.add(m.login, m.role, kPassword, "test"), "staff");
    need(accounts.add("olga", StaffRole::desk, kPassword, "test"), "staff");
    need(accounts.disable("olga", "test"), "disabling olga");
    need(KioskRegistry(db).connected("K1", "0.4.0", "10.0.0.5:40000", clock.now()), "kiosk");
    need(AlertRepository(db).raise({AlertKind::printer, "K1", 1, std::nullopt, "paper out"},
                                   clock.now()),
         "the alert");
    DeskService desk{db, clock};
    need(desk.admit(1, "forgot the ticket", "dirk"), "the admission");
    SignInThrottle throttle{clock, {}};
    StaffAuth auth{db, clock, test::seeded_random(2), throttle, test_auth_options()};
    for (std::size_t i = 0; i < kSignedIn.size(); ++i) {
      auto session = need(auth.sign_in(kSignedIn[i].login, kPassword, kClient), "sign-in");
      sessions[i] = {session.token, session.csrf_token};
    }
    snapshot = std::make_unique<DatabaseSnapshot>(db);
  }

  std::int64_t last_audit_id() {
    return db.connection().execAndGet("SELECT coalesce(max(id), 0) FROM audit_log").getInt64();
  }

  // "$v" in a Cookie header becomes vera's session token, in an X-CSRF-Token her CSRF token.
  std::string expand(std::string header, bool csrf) const {
    for (std::size_t i = 0; i < kSignedIn.size(); ++i) {
      replace_all(header, kSignedIn[i].placeholder, csrf ? sessions[i].csrf : sessions[i].token);
    }
    return header;
  }

  // Whether the Cookie carries a signed-in member's session token; and, for carries_csrf, whether
  // X-CSRF-Token is that same session's CSRF token.
  bool carries_session(const WebRequest& request) const;
  bool carries_csrf(const WebRequest& request) const;
  Failure exchange(const WebRequest& request, HttpOutcome& outcome,
                   WebResponse* answered = nullptr);
  Failure with_variants(const WebRequest& request, HttpOutcome& outcome);
  Failure check_answer(const WebRequest& request, const WebResponse& answer,
                       std::int64_t changes_before, std::int64_t audit_before);
  Failure check_audit(const WebRequest& request, std::int64_t audit_before);
  Failure structured(std::string_view input, HttpOutcome& outcome);
  Failure raw(std::string_view input, HttpOutcome& outcome);
};

// The answer to one request, judged against the state before it.
bool HttpRequestFuzzer::State::carries_session(const WebRequest& request) const {
  return std::ranges::any_of(sessions, [&](const Session& s) {
    return request.cookie.find(s.token) != std::string::npos;
  });
}

bool HttpRequestFuzzer::State::carries_csrf(const WebRequest& request) const {
  return std::ranges::any_of(sessions, [&](const Session& s) {
    return request.cookie.find(s.token) != std::string::npos && request.csrf_token == s.csrf;
  });
}

Failure HttpRequestFuzzer::State::exchange(const WebRequest& request, HttpOutcome& outcome,
                                           WebResponse* answered) {
  // What the server builds per connection and thread; the throttle is fresh so that sign-ins
  // of earlier inputs do not lock out this one.
  SignInThrottle throttle{clock, {}};
  StaffAuth auth{db, clock, test::seeded_random(3), throttle, test_auth_options()};
  StaffAccounts accounts{db, clock, test::seeded_random(4), kTestPasswordCost};
  DeskService desk{db, clock};
  DashboardApi api{desk, auth, accounts, clock};

  const auto target = parse_request_target(request.target);
  if (api.runs_on_worker(request) &&
      (request.method != "POST" || !target ||
       (!is_sign_in(*target) &&
        target->segments != std::vector<std::string>{"api", "v1", "staff"}))) {
    return "runs_on_worker for a request that hashes no password: " + request.target;
  }
  const std::int64_t changes_before = snapshot->changes();
  const std::int64_t audit_before = last_audit_id();
  WebResponse answer;
  try {
    if (DashboardApi::is_live(request)) {
      // web_server.cpp asks this first for an upgrade; its refusals are answers like any other.
      if (auto live = api.authorize_live(request); !live) {
        if (auto broken = check_answer(request, live.error(), changes_before, audit_before)) {
          return broken;
        }
      }
    }
    answer = api.handle(request);
  } catch (const std::exception& e) {
    // web_server.cpp would answer 500.
    return "handle() threw: " + std::string(e.what());
  }
  if (answered != nullptr) *answered = answer;
  outcome.statuses.push_back(answer.status);
  if (answer.status >= 400 && answer.content_type == "application/json") {
    const auto body = nlohmann::json::parse(answer.body, nullptr, false);
    if (body.is_object() && body.contains("error") && body["error"].is_object() &&
        body["error"].contains("code") && body["error"]["code"].is_string()) {
      outcome.codes.push_back(body["error"]["code"].get<std::string>());
    }
  }
  return check_answer(request, answer, changes_before, audit_before);
}

Failure HttpRequestFuzzer::State::check_answer(const WebRequest& request, const WebResponse& answer,
                                               std::int64_t changes_before,
                                               std::int64_t audit_before) {
  const std::string what = request.method + " " + request.target.substr(0, 80) + " answered " +
                           std::to_string(answer.status);
  if (http::int_to_status(static_cast<unsigned>(answer.status)) == http::status::unknown) {
    return what + ": not an HTTP status";
  }
  if (answer.status >= 500) return what + ": the server broke on this request: " + answer.body;
  if (has_line_break(answer.content_type)) return what + ": a line break in the content type";
  for (const auto& [name, value] : answer.headers) {
    if (name.empty() || has_line_break(name) || has_line_break(value)) {
      return what + ": a header breaks a line: " + name;
    }
  }
  if (answer.status == 204 && !answer.body.empty()) return what + " with a body";

  const auto target = parse_request_target(request.target);
  const bool page = target && is_page(*target);
  if (answer.content_type == "application/json" &&
      nlohmann::json::parse(answer.body, nullptr, false).is_discarded()) {
    return what + ": a JSON answer that does not parse";
  }
  // The page's own 404 is text; every other error is the API's JSON.
  if (answer.status >= 400 && !(page && answer.status == 404)) {
    const auto body = nlohmann::json::parse(answer.body, nullptr, false);
    const bool shaped = answer.content_type == "application/json" && body.is_object() &&
                        body.size() == 1 && body.contains("error") && body["error"].is_object() &&
                        body["error"].contains("code") && body["error"]["code"].is_string() &&
                        !body["error"]["code"].get<std::string>().empty() &&
                        body["error"].contains("message") && body["error"]["message"].is_string();
    if (!shaped) return what + ": an error that is not {\"error\": {\"code\", \"message\"}}";
  }

  const bool any_session = carries_session(request);
  const bool csrf_ok = carries_csrf(request);
  const bool ok = answer.status >= 200 && answer.status < 300;
  if (ok && target && !page && target->path != "/metrics" && !is_sign_in(*target) && !any_session) {
    return what + " without a session";
  }
  if (ok && target && !page && target->path != "/metrics" && !is_sign_in(*target)) {
    const StaffRole needed = documented_role(request.method, target->segments);
    bool allowed = false;
    for (std::size_t i = 0; i < kSignedIn.size(); ++i) {
      if (request.cookie.find(sessions[i].token) != std::string::npos &&
          role_allows(kSignedIn[i].role, needed)) {
        allowed = true;
      }
    }
    if (!allowed) return what + " to a session without the role " + std::string(to_string(needed));
  }
  if (changes_state(request.method) && (!target || !is_sign_in(*target)) && !csrf_ok) {
    if (ok) return what + " without the session's CSRF token";
    if (snapshot->changes() != changes_before) {
      return request.method + " " + request.target.substr(0, 80) +
             " wrote to the database without the session's CSRF token";
    }
  }
  return check_audit(request, audit_before);
}

// Audit entries in a staff member's name need that member's session (or their sign-in), and
// stay within the member's role.
Failure HttpRequestFuzzer::State::check_audit(const WebRequest& request,
                                              std::int64_t audit_before) {
  if (last_audit_id() == audit_before) return std::nullopt;
  SQLite::Statement q(db.connection(), "SELECT who, action FROM audit_log WHERE id > ?1");
  q.bind(1, audit_before);
  while (q.executeStep()) {
    const std::string who = q.getColumn(0).getString();
    const std::string action = q.getColumn(1).getString();
    for (std::size_t i = 0; i < kSignedIn.size(); ++i) {
      if (who != "staff:" + std::string(kSignedIn[i].login)) continue;
      if (action != "sign_in" && request.cookie.find(sessions[i].token) == std::string::npos) {
        return action + " by " + who + " without " + who + "'s session";
      }
      if (!role_may_write(kSignedIn[i].role, action)) {
        return action + " by " + who + ", beyond the role " +
               std::string(to_string(kSignedIn[i].role));
      }
    }
  }
  return std::nullopt;
}

// A request that passes the session and CSRF checks is also sent, from the same state, without
// its CSRF token, from another site, as the viewer and without its cookie: each must be refused
// (the viewer only where the documented role is higher) and, but as the viewer, write nothing. So
// every state-changing request the fuzzer makes tests those checks, not only the rare one whose
// token it happened to break.
Failure HttpRequestFuzzer::State::with_variants(const WebRequest& request, HttpOutcome& outcome) {
  const auto target = parse_request_target(request.target);
  if (!target || is_page(*target) || is_sign_in(*target) || !carries_session(request)) {
    return exchange(request, outcome);
  }
  HttpOutcome ignored;
  if (changes_state(request.method) && carries_csrf(request)) {
    WebRequest without_token = request;
    without_token.csrf_token.clear();
    if (auto broken = exchange(without_token, ignored)) return "without the CSRF token: " + *broken;

    WebRequest cross_site = request;
    cross_site.origin = "https://elsewhere.example";
    const std::int64_t changes_before = snapshot->changes();
    WebResponse answer;
    if (auto broken = exchange(cross_site, ignored, &answer))
      return "from another site: " + *broken;
    if ((answer.status >= 200 && answer.status < 300) || snapshot->changes() != changes_before) {
      return request.method + " " + request.target.substr(0, 80) + " from another site answered " +
             std::to_string(answer.status) + " or wrote";
    }
  }
  // The same request in the viewer's name: refused wherever the documented role is higher.
  WebRequest as_viewer = request;
  for (std::size_t i = 1; i < kSignedIn.size(); ++i) {
    replace_all(as_viewer.cookie, sessions[i].token, sessions[0].token);
    if (as_viewer.csrf_token == sessions[i].csrf) as_viewer.csrf_token = sessions[0].csrf;
  }
  if (as_viewer.cookie != request.cookie) {
    if (auto broken = exchange(as_viewer, ignored)) return "as the viewer: " + *broken;
  }
  if (target->path != "/metrics") {
    WebRequest anonymous = request;
    anonymous.cookie.clear();
    if (auto broken = exchange(anonymous, ignored)) return "without the cookie: " + *broken;
  }
  return exchange(request, outcome);
}

Failure HttpRequestFuzzer::State::structured(std::string_view input, HttpOutcome& outcome) {
  std::array<std::string, 5> lines;
  for (auto& line : lines) {
    const auto end = input.find('\n');
    line = std::string(input.substr(0, end));
    input = end == std::string_view::npos ? std::string_view{} : input.substr(end + 1);
  }
  WebRequest request{lines[0],
                     lines[1],
                     std::string(kHost),
                     lines[4],
                     expand(lines[2], false),
                     expand(lines[3], true),
                     std::string(input),
                     std::string(kClient)};
  return with_variants(request, outcome);
}

// As web_server.cpp reads a connection: one parser per request, the bytes after a complete
// request are the next one's.
Failure HttpRequestFuzzer::State::raw(std::string_view input, HttpOutcome& outcome) {
  outcome.raw = true;
  for (int n = 0; n < kMaxRawRequests && !input.empty(); ++n) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(kMaxHeaderBytes);
    parser.body_limit(kMaxBodyBytes);
    parser.eager(true);
    beast::error_code error;
    while (!parser.is_done()) {
      const std::size_t used = parser.put(boost::asio::buffer(input.data(), input.size()), error);
      input.remove_prefix(used);
      if (error == http::error::need_more) {
        if (!input.empty() && used > 0) continue;
        // The connection ends here: what the peer sent is all there is.
        error = {};
        parser.put_eof(error);
        if (!error && !parser.is_done()) error = http::error::partial_message;
      }
      if (error) break;
      if (used == 0) break;
    }
    if (error || !parser.is_done()) {
      outcome.codes.push_back("beast: " + (error ? error.message() : std::string("stalled")));
      return std::nullopt;  // web_server.cpp answers 400, 413 or 431 and closes
    }
    auto request = parser.release();
    WebRequest web{text(request.method_string()),
                   text(request.target()),
                   text(request[http::field::host]),
                   text(request[http::field::origin]),
                   expand(text(request[http::field::cookie]), false),
                   expand(text(request["X-CSRF-Token"]), true),
                   std::move(request.body()),
                   std::string(kClient)};
    if (auto broken = with_variants(web, outcome)) return broken;
    // web_server.cpp closes the connection after an error answer.
    if (!request.keep_alive() || outcome.statuses.back() >= 400) return std::nullopt;
  }
  return std::nullopt;
}

HttpRequestFuzzer::HttpRequestFuzzer() : state_(std::make_unique<State>()) {}
HttpRequestFuzzer::~HttpRequestFuzzer() = default;

HttpOutcome HttpRequestFuzzer::check(std::span<const std::uint8_t> input) {
  HttpOutcome outcome;
  state_->snapshot->restore_if_written();
  const std::string_view bytes(reinterpret_cast<const char*>(input.data()), input.size());
  constexpr std::string_view kRaw = "RAW\n";
  outcome.broken = bytes.starts_with(kRaw) ? state_->raw(bytes.substr(kRaw.size()), outcome)
                                           : state_->structured(bytes, outcome);
  return outcome;
}

}  // namespace einlass::fuzz
