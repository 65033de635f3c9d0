// DashboardApi without sockets: routing, sign-in and cookies, CSRF, origin and roles, errors as
// JSON, the page's files, and the live feed's change detection.
#include "web/dashboard_api.h"

#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include "storage/attendee_repository.h"
#include "storage/event_repository.h"
#include "support/sample_event.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"
#include "web/live_feed.h"
#include "web/web_assets.h"

using namespace einlass;
using namespace einlass::test;
using nlohmann::json;

namespace {

Database open_db(const TempDir& dir) {
  auto db = Database::open(dir / "event.db", DatabaseKind::server);
  if (!db) FAIL(db.error().message);
  return std::move(*db);
}

RandomBytes counting_random() {
  auto next = std::make_shared<unsigned char>(0);
  return [next](unsigned char* out, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) out[i] = (*next)++;
  };
}

Registration person(std::string external_id, std::string name) {
  Registration r;
  r.external_id = std::move(external_id);
  r.record.display_name = std::move(name);
  r.record.organisation = "Stadt Halle (Saale)";
  r.record.category = 1;
  r.record.days = 0b11;
  return r;
}

struct Api {
  TempDir dir;
  ManualClock clock{utc(2026, 3, 28, 9)};
  Database db = open_db(dir);
  DeskService desk{db, clock};
  StaffAccounts accounts{db, clock, counting_random(), kTestPasswordCost};
  AuthOptions options = [] {
    AuthOptions o;
    o.password_cost = kTestPasswordCost;
    return o;
  }();
  SignInThrottle throttle{clock, {}};
  StaffAuth auth{db, clock, counting_random(), throttle, options};
  DashboardApi api{desk, auth, accounts, clock};

  Api() {
    REQUIRE(EventRepository(db).save(sample_event()));
    REQUIRE(AttendeeRepository(db, clock).upsert(
        std::vector{person("a", "Anna-Lena Müller"), person("b", "<script>alert(1)</script>")}));
    for (const auto& [login, role] :
         {std::pair{"vera", StaffRole::viewer}, std::pair{"dirk", StaffRole::desk},
          std::pair{"ada", StaffRole::admin}}) {
      REQUIRE(accounts.add(login, role, "long-enough-password", "test"));
    }
  }

  WebResponse call(std::string method, std::string target, std::string body = "",
                   std::string cookie = "", std::string csrf = "", std::string origin = "") {
    WebRequest request{std::move(method), std::move(target), "dash.example:8443", std::move(origin),
                       std::move(cookie), std::move(csrf),   std::move(body),     "10.0.0.9"};
    return api.handle(request);
  }

  struct Signed {
    std::string cookie;
    std::string csrf;
  };
  Signed sign_in(const std::string& login) {
    const auto reply = call("POST", "/api/v1/login",
                            json{{"login", login}, {"password", "long-enough-password"}}.dump());
    REQUIRE(reply.status == 200);
    std::string set_cookie;
    for (const auto& [name, value] : reply.headers)
      if (name == "Set-Cookie") set_cookie = value;
    return {set_cookie.substr(0, set_cookie.find(';')),
            json::parse(reply.body).at("csrf_token").get<std::string>()};
  }
  WebResponse as(const Signed& s, std::string method, std::string target, std::string body = "") {
    return call(std::move(method), std::move(target), std::move(body), s.cookie, s.csrf);
  }
};

std::string code_of(const WebResponse& reply) {
  return json::parse(reply.body).at("error").at("code").get<std::string>();
}

std::string header(const WebResponse& reply, std::string_view name) {
  for (const auto& [n, v] : reply.headers)
    if (n == name) return v;
  return {};
}

}  // namespace

TEST_CASE("sign-in sets a secure session cookie; the session names login, role and token",
          "[web]") {
  Api a;
  const auto reply =
      a.call("POST", "/api/v1/login", R"({"login":"dirk","password":"long-enough-password"})");
  REQUIRE(reply.status == 200);
  const auto cookie = header(reply, "Set-Cookie");
  CHECK(cookie.starts_with("einlass_session="));
  CHECK(cookie.find("; Secure; HttpOnly; SameSite=Strict; Max-Age=43200") != std::string::npos);
  const auto body = json::parse(reply.body);
  CHECK(body.at("login") == "dirk");
  CHECK(body.at("role") == "desk");
  CHECK(body.at("csrf_token").get<std::string>().size() >= 40);
  CHECK(reply.body.find("password") == std::string::npos);

  const auto s = a.sign_in("dirk");
  const auto session = a.as(s, "GET", "/api/v1/session");
  CHECK(session.status == 200);
  CHECK(json::parse(session.body).at("csrf_token") == s.csrf);
  CHECK(header(session, "Set-Cookie").empty());
}

TEST_CASE("wrong credentials and malformed sign-ins are answered with codes", "[web]") {
  Api a;
  auto reply = a.call("POST", "/api/v1/login", R"({"login":"dirk","password":"wrong-one-123"})");
  CHECK(reply.status == 401);
  CHECK(code_of(reply) == "bad_credentials");
  reply = a.call("POST", "/api/v1/login", R"({"login":"ghost","password":"wrong-one-123"})");
  CHECK(reply.status == 401);
  CHECK(code_of(reply) == "bad_credentials");
  CHECK(code_of(a.call("POST", "/api/v1/login", "{")) == "bad_json");
  CHECK(code_of(a.call("POST", "/api/v1/login", R"({"login":"dirk"})")) == "password_required");
  CHECK(code_of(a.call("POST", "/api/v1/login", R"({"login":1,"password":"x"})")) == "bad_request");
  for (int i = 0; i < 6; ++i)
    reply = a.call("POST", "/api/v1/login", R"({"login":"dirk","password":"wrong-one-123"})");
  CHECK(reply.status == 429);
  CHECK(code_of(reply) == "throttled");
  CHECK(std::stoi(header(reply, "Retry-After")) > 0);
}

TEST_CASE("every API route needs a session; roles and the CSRF token are enforced", "[web]") {
  Api a;
  const auto viewer = a.sign_in("vera");
  const auto desk = a.sign_in("dirk");
  const auto admin = a.sign_in("ada");

  CHECK(a.call("GET", "/api/v1/summary").status == 401);
  CHECK(a.call("GET", "/api/v1/summary", "", "einlass_session=forged").status == 401);
  CHECK(a.as(viewer, "GET", "/api/v1/summary").status == 200);

  const std::string reason = R"({"reason":"lost it"})";
  auto refused = a.as(viewer, "POST", "/api/v1/attendees/T000001/admit", reason);
  CHECK(refused.status == 403);
  CHECK(code_of(refused) == "forbidden");
  CHECK(a.as(desk, "POST", "/api/v1/attendees/T000001/revoke", reason).status == 403);
  CHECK(a.as(desk, "GET", "/api/v1/export/attendance.csv").status == 403);
  CHECK(a.as(desk, "GET", "/api/v1/staff").status == 403);
  CHECK(a.as(admin, "GET", "/api/v1/staff").status == 200);

  // Without the token (or with another session's), nothing changes, whatever the role.
  auto no_token = a.call("POST", "/api/v1/attendees/T000001/revoke", reason, admin.cookie);
  CHECK(no_token.status == 403);
  CHECK(code_of(no_token) == "csrf");
  CHECK(code_of(a.call("POST", "/api/v1/attendees/T000001/revoke", reason, admin.cookie,
                       desk.csrf)) == "csrf");
  CHECK(code_of(a.call("POST", "/api/v1/attendees/T000001/revoke", reason, admin.cookie, admin.csrf,
                       "https://evil.example")) == "origin");
  const auto revoked = a.call("POST", "/api/v1/attendees/T000001/revoke", reason, admin.cookie,
                              admin.csrf, "https://dash.example:8443");
  INFO(revoked.body);
  CHECK(revoked.status == 200);
}

TEST_CASE("unknown routes, wrong methods and bad parameters get JSON errors", "[web]") {
  Api a;
  const auto s = a.sign_in("vera");
  auto reply = a.as(s, "GET", "/api/v1/nope");
  CHECK(reply.status == 404);
  CHECK(code_of(reply) == "not_found");
  reply = a.as(s, "PUT", "/api/v1/summary");
  CHECK(reply.status == 405);
  CHECK(header(reply, "Allow") == "GET");
  reply = a.as(s, "GET", "/api/v1/attendees?limit=0");
  CHECK(reply.status == 400);
  CHECK(json::parse(reply.body)["error"]["message"] ==
        "limit must be a whole number from 1 to 100");
  CHECK(a.as(s, "GET", "/api/v1/attendees/%FF").status == 404);
  CHECK(a.as(s, "GET", "/api/v1/admissions?kind=party").status == 400);
  CHECK(a.as(s, "GET", "/api/v1/attendees?q=%").status == 400);
  CHECK(a.as(s, "GET", "/api/v1/attendees/T000404").status == 404);
}

TEST_CASE("names come back as JSON data, never as markup", "[web]") {
  Api a;
  const auto s = a.sign_in("vera");
  const auto reply = a.as(s, "GET", "/api/v1/attendees?q=script");
  REQUIRE(reply.status == 200);
  CHECK(reply.content_type == "application/json");
  const auto items = json::parse(reply.body).at("items");
  REQUIRE(items.size() == 1);
  CHECK(items[0].at("name") == "<script>alert(1)</script>");
}

TEST_CASE("the page's files are served, revalidated on every load", "[web]") {
  Api a;
  const auto reply = a.call("GET", "/");
  CHECK(reply.status == 200);
  CHECK(reply.content_type == "text/html; charset=utf-8");
  CHECK(reply.body == std::string(find_web_asset("/")->bytes));
  // The page's own; API answers get no-store from add_security_headers (web_api_test checks both
  // on the wire).
  CHECK(header(reply, "Cache-Control") == "no-cache");
  CHECK(header(a.call("GET", "/metrics"), "Cache-Control").empty());
  CHECK(a.call("GET", "/assets/none.js").status == 404);
  CHECK(a.call("GET", "/assets/../../etc/passwd").status == 404);
  CHECK(a.call("POST", "/").status == 405);
}

TEST_CASE("requests that hash a password run on the worker, however the path is spelt", "[web]") {
  Api a;
  const auto on_worker = [&](std::string method, std::string target) {
    const WebRequest request{
        std::move(method), std::move(target), "dash.example:8443", "", "", "", "", "10.0.0.9"};
    return a.api.runs_on_worker(request);
  };
  for (const char* target : {"/api/v1/login", "/api/v1/login/", "/api/v1//login", "/api/v1/%6Cogin",
                             "/api/v1/login?x=1", "/api/v1/staff"}) {
    INFO(target);
    CHECK(on_worker("POST", target));
  }
  CHECK_FALSE(on_worker("GET", "/api/v1/staff"));
  CHECK_FALSE(on_worker("GET", "/api/v1/login"));
  CHECK_FALSE(on_worker("POST", "/api/v1/logout"));
  CHECK_FALSE(on_worker("POST", "/api/v1/staff/anna/disable"));
  CHECK_FALSE(on_worker("GET", "/"));
  CHECK_FALSE(on_worker("POST", "/api/v1/%zz"));
  // Not an API path, so the page's rules answer it (405), and no password is looked at.
  CHECK_FALSE(on_worker("POST", "//api/v1/login"));
  CHECK(a.call("POST", "//api/v1/login", R"({"login":"dirk","password":"long-enough-password"})")
            .status == 405);
  // What the worker is handed for the other spellings signs in like the plain path.
  CHECK(a.call("POST", "/api/v1/%6Cogin/", R"({"login":"dirk","password":"long-enough-password"})")
            .status == 200);
}

TEST_CASE("the live feed speaks once per change, and the upgrade needs a session", "[web]") {
  Api a;
  LiveFeed feed(a.desk);
  CHECK_FALSE(feed.poll());  // the starting point
  CHECK_FALSE(feed.poll());
  const auto admin = a.sign_in("ada");
  REQUIRE(a.as(admin, "POST", "/api/v1/attendees/T000002/cancel", R"({"reason":"asked"})").status ==
          200);
  const auto message = feed.poll();
  REQUIRE(message);
  const auto parsed = json::parse(*message);
  CHECK(parsed.at("type") == "changed");
  CHECK(parsed.at("summary").contains("expected"));
  CHECK_FALSE(feed.poll());

  WebRequest upgrade{"GET", "/api/v1/live", "dash.example:8443", "", "", "", "", "10.0.0.9"};
  CHECK(DashboardApi::is_live(upgrade));
  CHECK(a.api.authorize_live(upgrade).error().status == 401);
  upgrade.cookie = admin.cookie;
  CHECK(a.api.authorize_live(upgrade).has_value());
  upgrade.origin = "https://evil.example";
  CHECK(a.api.authorize_live(upgrade).error().status == 403);
}

TEST_CASE("a live feed's session holds until it is signed out, not when storage fails", "[web]") {
  Api a;
  const auto s = a.sign_in("vera");
  const std::string token = s.cookie.substr(s.cookie.find('=') + 1);
  CHECK(a.api.session_holds(token));
  CHECK_FALSE(a.api.session_holds("never-issued"));
  // The database cannot answer for a moment: the page keeps its feed.
  a.db.connection().exec("ALTER TABLE staff_sessions RENAME TO staff_sessions_away");
  CHECK(a.as(s, "GET", "/api/v1/session").status == 503);
  CHECK(a.api.session_holds(token));
  a.db.connection().exec("ALTER TABLE staff_sessions_away RENAME TO staff_sessions");
  REQUIRE(a.as(s, "POST", "/api/v1/logout").status == 204);
  CHECK_FALSE(a.api.session_holds(token));
}
