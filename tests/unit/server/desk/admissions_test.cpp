#include "desk_fixture.h"

using namespace einlass;
using namespace einlass::test;
using nlohmann::json;

namespace {

std::vector<std::string> keys(const json& page) {
  std::vector<std::string> out;
  for (const auto& item : page["items"])
    out.push_back(item["kiosk"].get<std::string>() + "#" + std::to_string(item["seq"].get<int>()));
  return out;
}

json page_of(DeskFixture& f, AdmissionFilter filter) {
  return ok(f.desk.admissions(filter));
}

}  // namespace

TEST_CASE("admissions come newest first in pages that continue where the last ended",
          "[desk][admissions]") {
  DeskFixture f;
  f.admit_the_morning();
  AdmissionFilter filter;
  filter.limit = 3;
  const json first = page_of(f, filter);
  CHECK(keys(first) == std::vector<std::string>{"K3#1", "K1#5", "K1#4"});
  REQUIRE(first["next"].is_string());

  filter.before = first["next"].get<std::string>();
  const json second = page_of(f, filter);
  CHECK(keys(second) == std::vector<std::string>{"K2#2", "K1#3", "K2#1"});

  // A new admission does not shift the pages already handed out.
  f.push({f.scan("K4", 1, 7, utc(2026, 3, 28, 9, 0, 20))});
  filter.before = second["next"].get<std::string>();
  const json third = page_of(f, filter);
  CHECK(keys(third) == std::vector<std::string>{"K1#2", "K1#1", "K2#3"});
  CHECK(third["next"].is_null());

  filter.before.reset();
  filter.limit = 200;
  CHECK(page_of(f, filter)["items"].size() == 10);
}

TEST_CASE("an admission carries the attendee's fields and its duplicate flag",
          "[desk][admissions]") {
  DeskFixture f;
  f.admit_the_morning();
  AdmissionFilter filter;
  filter.ticket = 3;
  const json page = page_of(f, filter);
  REQUIRE(page["items"].size() == 2);
  const json& repeat = page["items"][0];
  CHECK(repeat == json{{"kiosk", "K2"},
                       {"seq", 2},
                       {"ticket", 3},
                       {"ticket_code", "T000003"},
                       {"name", "Grace Hopper"},
                       {"organisation", "US Navy"},
                       {"category", "Teilnehmer"},
                       {"kind", "entry"},
                       {"time", to_unix_ms(utc(2026, 3, 28, 8, 45))},
                       {"day", 1},
                       {"staff", ""},
                       {"reason", ""},
                       {"duplicate", true}});
  CHECK(page["items"][1]["duplicate"] == false);
  CHECK(page["next"].is_null());

  filter.ticket = 999;  // admitted by a kiosk, but the server holds no registration
  const json unknown = page_of(f, filter)["items"][0];
  CHECK(unknown["ticket_code"] == "T000999");
  CHECK(unknown["name"] == "");
  CHECK(unknown["category"] == "");
}

TEST_CASE("admissions filter by day, kiosk, kind and ticket", "[desk][admissions]") {
  DeskFixture f;
  f.admit_the_morning();
  AdmissionFilter filter;
  filter.day = 2;
  CHECK(keys(page_of(f, filter)) == std::vector<std::string>{"K3#1"});
  filter = {};
  filter.kiosk = "K2";
  CHECK(keys(page_of(f, filter)) == std::vector<std::string>{"K2#2", "K2#1", "K2#3"});
  filter.kind = "exit";
  CHECK(keys(page_of(f, filter)) == std::vector<std::string>{"K2#1"});
  filter = {};
  filter.kind = "entry";
  filter.day = 1;
  filter.ticket = 2;
  CHECK(keys(page_of(f, filter)) == std::vector<std::string>{"K1#2"});
  filter = {};
  filter.kiosk = "desk";
  CHECK(page_of(f, filter)["items"].empty());
  filter.kiosk = "' OR 1=1 --";
  CHECK(page_of(f, filter)["items"].empty());
}

TEST_CASE("admissions refuse a bad page position, kind or limit", "[desk][admissions]") {
  DeskFixture f;
  f.admit_the_morning();
  AdmissionFilter filter;
  for (const char* before : {"", "x", "1.2", "1.2.3.", "a.b.c.K1", "1.2.3.K1' --"}) {
    filter.before = before;
    auto refused = f.desk.admissions(filter);
    if (std::string(before) == "1.2.3.K1' --") {
      // Well formed (a kiosk id is opaque here): nothing sorts before it.
      REQUIRE(refused);
      CHECK((*refused)["items"].empty());
      continue;
    }
    INFO(before);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == DeskError::Kind::invalid);
    CHECK(refused.error().code == "bad_request");
  }
  filter = {};
  filter.kind = "vip";
  CHECK_FALSE(f.desk.admissions(filter));
  filter = {};
  filter.limit = 0;
  CHECK_FALSE(f.desk.admissions(filter));
  filter.limit = 201;
  CHECK_FALSE(f.desk.admissions(filter));
}
