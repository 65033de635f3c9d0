#include "desk_fixture.h"
#include "hub/kiosk_commands.h"
#include "storage/audit_repository.h"
#include "storage/revocation_repository.h"

using namespace einlass;
using namespace einlass::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

std::vector<std::string> names(const json& result) {
  std::vector<std::string> out;
  for (const auto& row : result["items"]) out.push_back(row["name"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("search forgives case and accents and finds ticket ids", "[desk][search]") {
  DeskFixture f;
  CHECK(names(ok(f.desk.search("muller", 20))) == std::vector<std::string>{"Jürgen Müller"});
  CHECK(names(ok(f.desk.search("MÜLLER", 20))) == std::vector<std::string>{"Jürgen Müller"});
  CHECK(names(ok(f.desk.search("jurgen", 20))) == std::vector<std::string>{"Jürgen Müller"});
  // By organisation: "Straßenbauamt".
  CHECK(names(ok(f.desk.search("strasse", 20))) == std::vector<std::string>{"Anna Schmidt"});
  CHECK(names(ok(f.desk.search("T000003", 20))) == std::vector<std::string>{"Grace Hopper"});
  CHECK(names(ok(f.desk.search("3", 20))) == std::vector<std::string>{"Grace Hopper"});
  CHECK(ok(f.desk.search("  ", 20))["items"].empty());
  // Limited, by name.
  CHECK(names(ok(f.desk.search("a", 2))) ==
        std::vector<std::string>{"Alan Turing", "Anna Schmidt"});
}

TEST_CASE("SQL metacharacters in a search are only text", "[desk][search]") {
  DeskFixture f;
  for (const char* query : {"%", "_", "\\", "'; DROP TABLE attendees; --", "\" OR 1=1 --"}) {
    INFO(query);
    CHECK(ok(f.desk.search(query, 20))["items"].empty());
  }
  CHECK(f.count("SELECT count(*) FROM attendees") == 7);
  // The quote in a name is found as a quote.
  CHECK(names(ok(f.desk.search("o'brien", 20))) == std::vector<std::string>{"O'Brien, \"Pat\""});
}

TEST_CASE("a search row has status, revocation and whether the ticket came in today",
          "[desk][search]") {
  DeskFixture f;
  f.admit_the_morning();
  REQUIRE(RevocationRepository(f.db).revoke(5, f.clock.now(), "stolen"));
  const json grace = ok(f.desk.search("grace", 20))["items"][0];
  CHECK(grace == json{{"ticket", 3},
                      {"ticket_code", "T000003"},
                      {"name", "Grace Hopper"},
                      {"organisation", "US Navy"},
                      {"category", "Teilnehmer"},
                      {"status", "active"},
                      {"revoked", false},
                      {"admitted_today", true}});
  CHECK(ok(f.desk.search("carla", 20))["items"][0]["status"] == "canceled");
  CHECK(ok(f.desk.search("obrien", 20))["items"].empty());
  const json pat = ok(f.desk.search("brien", 20))["items"][0];
  CHECK(pat["revoked"] == true);
  // Alan Turing's entry is on day 2, Anna Schmidt left: came in today all the same.
  CHECK(ok(f.desk.search("turing", 20))["items"][0]["admitted_today"] == false);
  CHECK(ok(f.desk.search("schmidt", 20))["items"][0]["admitted_today"] == true);
  f.clock.set(utc(2026, 3, 29, 12));
  CHECK(ok(f.desk.search("turing", 20))["items"][0]["admitted_today"] == true);
  CHECK(ok(f.desk.search("grace", 20))["items"][0]["admitted_today"] == false);
}

TEST_CASE("the attendee detail has the whole history", "[desk][attendee]") {
  DeskFixture f;
  f.admit_the_morning();
  CommandRequest reprint{CommandKind::reprint, "K1", 3, "anna", "badge torn"};
  auto queued = queue_command(f.db, f.clock, reprint);
  REQUIRE(queued);
  REQUIRE(AuditRepository(f.db).append(
      {0, f.clock.now(), "staff:anna", "reprint", "T000003", "badge torn (kiosk K1)"}));
  REQUIRE(AuditRepository(f.db).append({0, f.clock.now(), "cli:root", "cancel", "T000004", "x"}));

  const json d = ok(f.desk.attendee(3));
  CHECK(d["ticket"] == 3);
  CHECK(d["ticket_code"] == "T000003");
  CHECK(d["name"] == "Grace Hopper");
  CHECK(d["email"] == "person12@example.org");
  CHECK(d["days"] == json{1, 2});
  CHECK(d["status"] == "active");
  CHECK(d["revoked"] == false);
  CHECK(d["revocation"].is_null());
  CHECK(d["admitted_today"] == true);
  REQUIRE(d["admissions"].size() == 2);
  CHECK(d["admissions"][0]["kiosk"] == "K1");  // oldest first
  CHECK(d["admissions"][0]["duplicate"] == false);
  CHECK(d["admissions"][1]["kiosk"] == "K2");
  CHECK(d["admissions"][1]["duplicate"] == true);
  REQUIRE(d["commands"].size() == 1);
  CHECK(d["commands"][0] == json{{"id", queued->id},
                                 {"kiosk", "K1"},
                                 {"kind", "reprint"},
                                 {"ticket", 3},
                                 {"staff", "anna"},
                                 {"reason", "badge torn"},
                                 {"created_at", to_unix_ms(f.clock.now())},
                                 {"carried_out", false}});
  REQUIRE(d["audit"].size() == 1);
  CHECK(d["audit"][0]["who"] == "staff:anna");
  CHECK(d["audit"][0]["action"] == "reprint");
  CHECK(d["audit"][0]["subject"] == "T000003");
  CHECK(d["audit"][0]["why"] == "badge torn (kiosk K1)");
  CHECK(d["audit"][0]["at"] == to_unix_ms(f.clock.now()));

  // The kiosk reports the command carried out.
  DeviceHealth fine;
  fine.printer = PrinterHealth::ok;
  f.heartbeat("K1", fine, 0, 0, queued->id);
  CHECK(ok(f.desk.attendee(3))["commands"][0]["carried_out"] == true);

  REQUIRE(RevocationRepository(f.db).revoke(3, utc(2026, 3, 28, 9, 1), "stolen"));
  const json revoked = ok(f.desk.attendee(3));
  CHECK(revoked["revoked"] == true);
  CHECK(revoked["revocation"] ==
        json{{"at", to_unix_ms(utc(2026, 3, 28, 9, 1))}, {"reason", "stolen"}});

  const json day_two_only = ok(f.desk.attendee(4));
  CHECK(day_two_only["days"] == json{2});
  CHECK(day_two_only["audit"].size() == 1);

  auto missing = f.desk.attendee(999);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == DeskError::Kind::not_found);
  CHECK(missing.error().code == "not_found");
}
