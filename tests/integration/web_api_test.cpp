// The dashboard's API over real HTTPS against a running einlass-server, with kiosks syncing:
// every endpoint under every role, sessions, CSRF, malformed and oversized requests, search with
// SQL metacharacters, the live feed and the metrics.
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>

#include "notify_socket.h"
#include "process.h"
#include "support/web/https_client.h"
#include "sync_site.h"

using namespace einlass::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const std::string kAdmin = EINLASS_ADMIN_BINARY;
constexpr const char* kPassword = "correct-horse-battery";

std::vector<Registrant> people() {
  auto list = venue_people();
  list.push_back({"<script>alert(1)</script>", "O'Brien & Söhne \"GmbH\""});
  return list;
}

struct Dashboard {
  SyncSite venue{people()};
  std::unique_ptr<HttpsClient> client;

  Dashboard() {
    for (const auto& [login, role] :
         {std::pair{"vera", "viewer"}, std::pair{"dirk", "desk"}, std::pair{"ada", "admin"}}) {
      const auto r = run_process({kAdmin, "--db", (venue.site().dir() / "event.db").string(),
                                  "staff", "add", login, "--role", role},
                                 60s, std::string(kPassword) + "\n");
      INFO(r.out << r.err);
      REQUIRE(r.exit_code == 0);
    }
    venue.start_server();
    client = std::make_unique<HttpsClient>(venue.web_port(),
                                           venue.site().dir() / "server" / "tls" / "ca.crt");
  }

  HttpsClient::Session session(const std::string& login) {
    auto s = client->sign_in(login, kPassword);
    REQUIRE(s);
    return *s;
  }
};

struct Endpoint {
  const char* method;
  const char* target;
  const char* body;
  const char* role;  // the lowest role allowed
};

int rank(const std::string& role) {
  return role == "viewer" ? 0 : role == "desk" ? 1 : 2;
}

}  // namespace

TEST_CASE("the dashboard API enforces sign-in, CSRF and roles on every endpoint",
          "[integration][web]") {
  Dashboard d;
  auto& k1 = d.venue.start_kiosk("K1");
  REQUIRE(wait_until_online(k1));
  REQUIRE(scan(d.venue, "K1", 2, "jurgen") == "admitted");
  REQUIRE(eventually([&] { return server_events(d.venue) == 1; }));

  const Endpoint endpoints[] = {
      {"GET", "/api/v1/session", "", "viewer"},
      {"GET", "/api/v1/summary", "", "viewer"},
      {"GET", "/api/v1/admissions?limit=5", "", "viewer"},
      {"GET", "/api/v1/kiosks", "", "viewer"},
      {"GET", "/api/v1/alerts?all=1", "", "viewer"},
      {"GET", "/api/v1/attendees?q=m", "", "viewer"},
      {"GET", "/api/v1/attendees/T000001", "", "viewer"},
      {"GET", "/api/v1/audit", "", "viewer"},
      {"POST", "/api/v1/alerts/999/acknowledge", "", "desk"},
      {"POST", "/api/v1/attendees/T000003/admit", R"({"reason":"phone battery empty"})", "desk"},
      {"POST", "/api/v1/attendees/T000002/reprint", R"({"kiosk":"K1","reason":"badge lost"})",
       "desk"},
      {"POST", "/api/v1/attendees/T000004/cancel", R"({"reason":"asked to"})", "admin"},
      {"POST", "/api/v1/attendees/T000005/revoke", R"({"reason":"ticket shared"})", "admin"},
      {"GET", "/api/v1/export/attendance.csv", "", "admin"},
      {"GET", "/api/v1/staff", "", "admin"},
      {"POST", "/api/v1/staff", R"({"login":"neu","role":"viewer","password":"long-enough-1"})",
       "admin"},
      {"POST", "/api/v1/staff/neu/disable", "", "admin"},
  };
  const std::pair<const char*, HttpsClient::Session> staff[] = {
      {"viewer", d.session("vera")}, {"desk", d.session("dirk")}, {"admin", d.session("ada")}};

  for (const auto& e : endpoints) {
    INFO(e.method << " " << e.target);
    HttpsRequest anonymous;
    anonymous.method = e.method;
    anonymous.target = e.target;
    anonymous.body = e.body;
    const auto unauthenticated = d.client->send(anonymous);
    CHECK(unauthenticated.status == 401);
    CHECK(unauthenticated.json()["error"]["code"] == "unauthenticated");

    for (const auto& [role, session] : staff) {
      INFO("as " << role);
      if (std::string(e.method) == "POST") {
        // A state-changing request without the CSRF token is refused before anything else.
        HttpsRequest no_token = anonymous;
        no_token.cookie = session.cookie;
        const auto refused = d.client->send(no_token);
        CHECK(refused.status == 403);
        CHECK(refused.json()["error"]["code"] == "csrf");
      }
      const auto reply = d.client->as(session, e.method, e.target, e.body);
      INFO(reply.status << " " << reply.body);
      if (rank(role) < rank(e.role)) {
        CHECK(reply.status == 403);
        CHECK(reply.json()["error"]["code"] == "forbidden");
      } else {
        CHECK(reply.status != 401);
        CHECK(reply.status != 403);
        CHECK(reply.status < 500);
      }
    }
  }
  // What the admin's and the desk's calls did is in the audit log, with who and why.
  const auto audit = d.client->as(staff[2].second, "GET", "/api/v1/audit?limit=200").json();
  std::string actions;
  for (const auto& entry : audit["items"]) actions += entry["action"].get<std::string>() + " ";
  CHECK(actions.find("manual_admission") != std::string::npos);
  CHECK(actions.find("reprint") != std::string::npos);
  CHECK(actions.find("revoke") != std::string::npos);
}

TEST_CASE("the dashboard API answers bad requests with a status and a message",
          "[integration][web]") {
  Dashboard d;
  const auto desk = d.session("dirk");
  const auto viewer = d.session("vera");

  SECTION("sign-in: a wrong password, an unknown login, then throttling (by login and address)") {
    CHECK_FALSE(d.client->sign_in("dirk", "wrong-password-1"));
    HttpsRequest login;
    login.method = "POST";
    login.target = "/api/v1/login";
    login.body = R"({"login":"nobody","password":"wrong-password-1"})";
    const auto unknown = d.client->send(login);
    CHECK(unknown.status == 401);
    CHECK(unknown.json()["error"]["code"] == "bad_credentials");
    login.body = R"({"login":"dirk","password":"wrong-password-1"})";
    int last = 0;
    for (int i = 0; i < 8 && last != 429; ++i) last = d.client->send(login).status;
    CHECK(last == 429);
    CHECK_FALSE(d.client->send(login).header("retry-after").empty());
    // Sessions made before stay valid; new sign-ins from this address wait.
    CHECK(d.client->as(viewer, "GET", "/api/v1/summary").status == 200);
    CHECK_FALSE(d.client->sign_in("ada", kPassword));
  }
  SECTION("a sign-in at another spelling of the path counts against the same lockout") {
    HttpsRequest login;
    login.method = "POST";
    login.target = "/api/v1/login/";
    login.body = R"({"login":"dirk","password":"wrong-password-1"})";
    int last = 0;
    for (int i = 0; i < 8 && last != 429; ++i) last = d.client->send(login).status;
    CHECK(last == 429);
    for (const char* target : {"/api/v1/login", "/api/v1/%6Cogin"}) {
      INFO(target);
      login.target = target;
      CHECK(d.client->send(login).status == 429);
    }
    CHECK_FALSE(d.client->sign_in("dirk", kPassword));
  }
  SECTION("every answer carries strict security headers; API answers are never stored") {
    const auto strict = [](const HttpsReply& reply) {
      INFO(reply.status << " " << reply.body.substr(0, 200));
      CHECK(reply.header("content-security-policy").find("script-src 'self'") != std::string::npos);
      CHECK(reply.header("content-security-policy").find("frame-ancestors 'none'") !=
            std::string::npos);
      CHECK(reply.header("x-frame-options") == "DENY");
      CHECK(reply.header("x-content-type-options") == "nosniff");
      CHECK(reply.header("referrer-policy") == "no-referrer");
    };
    const auto page = d.client->send(HttpsRequest{});
    CHECK(page.status == 200);
    CHECK(page.header("content-type") == "text/html; charset=utf-8");
    strict(page);
    CHECK(page.header("cache-control") == "no-cache");
    HttpsRequest login;
    login.method = "POST";
    login.target = "/api/v1/login";
    login.body = nlohmann::json{{"login", "vera"}, {"password", kPassword}}.dump();
    const auto signed_in = d.client->send(login);  // it carries the CSRF token
    CHECK(signed_in.status == 200);
    const auto summary = d.client->as(viewer, "GET", "/api/v1/summary");
    CHECK(summary.status == 200);
    HttpsRequest anonymous;
    anonymous.target = "/api/v1/summary";
    const auto refused = d.client->send(anonymous);
    CHECK(refused.status == 401);
    for (const auto* reply : {&signed_in, &summary, &refused}) {
      strict(*reply);
      CHECK(reply->header("cache-control") == "no-store");
    }
  }
  SECTION("malformed JSON, wrong types, a missing reason") {
    auto reply = d.client->as(desk, "POST", "/api/v1/attendees/T000001/admit", "{\"reason\":");
    CHECK(reply.status == 400);
    CHECK(reply.json()["error"]["code"] == "bad_json");
    CHECK_FALSE(reply.json()["error"]["message"].get<std::string>().empty());
    reply = d.client->as(desk, "POST", "/api/v1/attendees/T000001/admit", "[1,2]");
    CHECK(reply.status == 400);
    reply = d.client->as(desk, "POST", "/api/v1/attendees/T000001/admit", R"({"reason":7})");
    CHECK(reply.status == 400);
    CHECK(reply.json()["error"]["message"] == "reason must be a string");
    reply = d.client->as(desk, "POST", "/api/v1/attendees/T000001/admit", R"({"reason":"  "})");
    CHECK(reply.status == 400);
    CHECK(reply.json()["error"]["code"] == "reason_required");
  }
  SECTION("unknown endpoints, methods, tickets and parameters") {
    CHECK(d.client->as(desk, "GET", "/api/v1/nothing").status == 404);
    const auto wrong_method = d.client->as(desk, "DELETE", "/api/v1/summary");
    CHECK(wrong_method.status == 405);
    CHECK(wrong_method.header("allow") == "GET");
    CHECK(d.client->as(desk, "GET", "/api/v1/attendees/T999999").status == 404);
    CHECK(d.client->as(desk, "GET", "/api/v1/attendees/banana").status == 404);
    CHECK(d.client->as(desk, "GET", "/api/v1/admissions?limit=100000").status == 400);
    CHECK(d.client->as(desk, "GET", "/api/v1/admissions?day=x").status == 400);
    CHECK(d.client->as(desk, "GET", "/api/v1/attendees?q=%zz").status == 400);
  }
  SECTION("a huge body is refused before it is read whole") {
    const auto reply = d.client->as(desk, "POST", "/api/v1/attendees/T000001/admit",
                                    std::string(2 * 1024 * 1024, 'x'));
    CHECK(reply.status == 413);
    CHECK(reply.json()["error"]["code"] == "too_large");
  }
  SECTION("garbage instead of HTTP gets a 400 and a closed connection") {
    const auto raw = d.client->send_raw("HELLO THERE\r\n\r\n");
    CHECK(raw.starts_with("HTTP/1.1 400"));
  }
  SECTION("a request from another origin may not change anything") {
    HttpsRequest request;
    request.method = "POST";
    request.target = "/api/v1/attendees/T000001/admit";
    request.body = R"({"reason":"x"})";
    request.cookie = desk.cookie;
    request.csrf = desk.csrf;
    request.origin = "https://evil.example";
    const auto reply = d.client->send(request);
    CHECK(reply.status == 403);
    CHECK(reply.json()["error"]["code"] == "origin");
  }
  SECTION("signed out, the cookie is worth nothing") {
    CHECK(d.client->as(desk, "POST", "/api/v1/logout").status == 204);
    CHECK(d.client->as(desk, "GET", "/api/v1/summary").status == 401);
  }
  // The server is still fine after all of it.
  CHECK(d.client->as(viewer, "GET", "/api/v1/summary").status == 200);
}

TEST_CASE("search is parameterised: SQL metacharacters find nothing and break nothing",
          "[integration][web]") {
  Dashboard d;
  const auto viewer = d.session("vera");
  const auto count = [&](const std::string& q) {
    const auto reply = d.client->as(viewer, "GET", "/api/v1/attendees?q=" + q);
    REQUIRE(reply.status == 200);
    return reply.json()["items"].size();
  };
  CHECK(count("muller") == 1);   // Anna-Lena Müller
  CHECK(count("strasse") == 1);  // Chloé Dubois-Straße
  CHECK(count("%25") == 0);
  CHECK(count("_") == 0);
  CHECK(count("%27%3B%20DROP%20TABLE%20attendees%3B%20--") == 0);
  CHECK(count("%22%20OR%201%3D1%20--") == 0);
  CHECK(count("%3Cscript%3E") == 1);
  // The table is still there, and the names come back as the data they are.
  const auto xss = d.client->as(viewer, "GET", "/api/v1/attendees?q=script").json();
  REQUIRE(xss["items"].size() == 1);
  CHECK(xss["items"][0]["name"] == "<script>alert(1)</script>");
  CHECK(count("a") > 5);
}

TEST_CASE("the live feed tells a signed-in page about an admission at a kiosk",
          "[integration][web]") {
  Dashboard d;
  auto& k1 = d.venue.start_kiosk("K1");
  REQUIRE(wait_until_online(k1));
  const auto viewer = d.session("vera");
  const auto ca = d.venue.site().dir() / "server" / "tls" / "ca.crt";

  CHECK(live_refusal(d.venue.web_port(), ca, "") == 401);
  CHECK(live_refusal(d.venue.web_port(), ca, viewer.cookie, "https://evil.example") == 403);

  LiveSocket live(d.venue.web_port(), ca, viewer.cookie);
  REQUIRE(live.next(5s) == R"({"type":"hello"})");
  // The kiosk's connection may still be reported; heartbeats that change nothing are not.
  int quiet_after = 0;
  while (live.next(1500ms) && quiet_after < 10) ++quiet_after;
  CHECK(quiet_after < 10);
  REQUIRE(scan(d.venue, "K1", 1, "anna") == "admitted");
  const auto decided = std::chrono::steady_clock::now();
  bool admitted = false;
  for (int i = 0; i < 20 && !admitted; ++i) {
    const auto message = live.next(2s);
    if (!message) continue;
    const auto change = json::parse(*message);
    CHECK(change["type"] == "changed");
    admitted = change["summary"].value("admitted", 0) >= 1;
  }
  CHECK(admitted);
  // For the note, not a limit (the machine is shared): from the kiosk's decision on its log to
  // the page hearing of it, through the kiosk's push, the server's commit and the live feed.
  std::printf("live feed: the page heard of the admission %.2f s after the kiosk decided\n",
              seconds_since(decided));

  // Signed out, the page loses its feed at the server's next session check (every 5 s).
  REQUIRE(d.client->as(viewer, "POST", "/api/v1/logout").status == 204);
  const auto signed_out = std::chrono::steady_clock::now();
  while (!live.closed() && seconds_since(signed_out) < 12) live.next(1s);
  CHECK(live.closed());
}

TEST_CASE("metrics count admissions, kiosks and print jobs without a session",
          "[integration][web]") {
  Dashboard d;
  auto& k1 = d.venue.start_kiosk("K1");
  REQUIRE(wait_until_online(k1));
  REQUIRE(scan(d.venue, "K1", 1, "anna") == "admitted");
  CHECK(scan(d.venue, "K1", 1, "again") == "already_admitted");
  HttpsRequest request;
  request.target = "/metrics";
  std::string text;
  REQUIRE(eventually([&] {
    const auto reply = d.client->send(request);
    text = reply.body;
    return reply.status == 200 &&
           text.find("einlass_admissions_total{kind=\"entry\"} 1") != std::string::npos &&
           text.find("einlass_refusals_total{reason=\"already_admitted\"} 1") != std::string::npos;
  }));
  INFO(text);
  CHECK(text.find("einlass_kiosks{state=\"online\"} 1") != std::string::npos);
  CHECK(text.find("# TYPE einlass_admissions_total counter") != std::string::npos);
  CHECK(text.find("einlass_print_jobs{") != std::string::npos);
  CHECK(text.find("Müller") == std::string::npos);  // counts only, no names
}

TEST_CASE("the server tells systemd it is ready, keeps feeding the watchdog and says when it stops",
          "[integration][web][systemd]") {
  SyncSite venue(people());
  NotifySocket systemd(venue.site().dir() / "notify");
  auto& server = venue.start_server({systemd.environment(), "WATCHDOG_USEC=400000"});
  systemd.collect(1500ms);
  CHECK(systemd.count("READY=1") == 1);
  CHECK(systemd.count("WATCHDOG=1") >= 3);  // every 200 ms: half of WatchdogSec
  CHECK(server.stop(SIGTERM) == 0);
  systemd.collect(300ms);
  CHECK(systemd.count("STOPPING=1") == 1);
}
