#include "web/request_target.h"

#include <catch2/catch.hpp>

#include "web/cookie.h"

using namespace einlass;

TEST_CASE("a request target splits into decoded path segments and query", "[web]") {
  auto t = parse_request_target("/api/v1/attendees/T000042?q=m%C3%BCller+jr&limit=5&q2=");
  REQUIRE(t);
  CHECK(t->path == "/api/v1/attendees/T000042");
  CHECK(t->segments == std::vector<std::string>{"api", "v1", "attendees", "T000042"});
  CHECK(t->param("q") == "müller jr");
  CHECK(t->param("limit") == "5");
  CHECK(t->param("q2") == "");
  CHECK_FALSE(t->param("none"));
}

TEST_CASE("an escaped slash stays inside its segment; repeated keys keep the last", "[web]") {
  auto t = parse_request_target("/api/v1/staff/a%2Fb/disable?x=1&x=2&&");
  REQUIRE(t);
  CHECK(t->segments == std::vector<std::string>{"api", "v1", "staff", "a/b", "disable"});
  CHECK(t->param("x") == "2");
  CHECK(parse_request_target("/")->segments.empty());
  CHECK(parse_request_target("//a//b/")->segments == std::vector<std::string>{"a", "b"});
}

TEST_CASE("malformed targets are refused with a reason", "[web]") {
  CHECK(parse_request_target("api/v1").error() == "the request target must start with /");
  CHECK(parse_request_target("/a%2").error() == "a bad %-escape in the path");
  CHECK(parse_request_target("/a%zz").error() == "a bad %-escape in the path");
  CHECK(parse_request_target("/a?q=%").error() == "a bad %-escape in the query");
  CHECK(parse_request_target("/a?q=%4").error() == "a bad %-escape in the query");
  CHECK(percent_decode("%41%62c+d", true) == "Abc d");
  CHECK(percent_decode("%41%62c+d", false) == "Abc+d");
}

TEST_CASE("the session cookie is found among others and set securely", "[web]") {
  CHECK(find_cookie("a=1; einlass_session=abc; b=2", kSessionCookie) == "abc");
  CHECK(find_cookie("einlass_session=abc", kSessionCookie) == "abc");
  CHECK(find_cookie(" einlass_session = x ;", kSessionCookie) == "x");
  CHECK_FALSE(find_cookie("einlass_sessionx=abc; a", kSessionCookie));
  CHECK_FALSE(find_cookie("", kSessionCookie));
  CHECK(session_cookie("tok", std::chrono::seconds(3600)) ==
        "einlass_session=tok; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600");
  CHECK(session_cookie("", std::chrono::seconds(-5)).ends_with("Max-Age=0"));
}
