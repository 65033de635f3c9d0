#include <catch2/catch.hpp>

#include "hub/kiosk_commands.h"
#include "hub_fixture.h"

using namespace einlass;
using test::entry;
using test::HubFixture;

TEST_CASE("queued commands reach their kiosk in order, after the last one carried out",
          "[hub][commands]") {
  HubFixture f;
  REQUIRE(f.hub.push("K1", Push{{entry("K1", 1, 2, 0)}}));  // a reprint is of a badge printed
  const auto before = *f.hub.latest_change();
  auto reprint = queue_command(f.db, f.clock, {CommandKind::reprint, "K1", 2, "anna", "torn"});
  REQUIRE(reprint);
  CHECK(reprint->kind == CommandKind::reprint);
  CHECK(reprint->ticket_id == 2);
  auto pause = queue_command(f.db, f.clock, {CommandKind::pause, "K2", 0, "anna", ""});
  auto resume = queue_command(f.db, f.clock, {CommandKind::resume, "K1", 0, "ben", "done"});
  REQUIRE(pause);
  REQUIRE(resume);
  CHECK(*f.hub.latest_change() > before);  // the running server notices

  auto pending = f.hub.pending_commands("K1", 0);
  REQUIRE(pending);
  REQUIRE(pending->size() == 2);
  CHECK((*pending)[0] == *reprint);
  CHECK((*pending)[1] == Command{resume->id, CommandKind::resume, 0, "ben", "done"});
  CHECK(f.hub.pending_commands("K1", reprint->id)->size() == 1);
  CHECK(f.hub.pending_commands("K1", resume->id)->empty());
}

TEST_CASE("a command is refused for an unknown ticket, a bad kiosk id or no staff",
          "[hub][commands]") {
  HubFixture f;
  auto unknown = queue_command(f.db, f.clock, {CommandKind::reprint, "K1", 99, "anna", ""});
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == HubError::Kind::invalid);
  CHECK(unknown.error().message == "cannot reprint T000099: there is no such ticket");
  // Ticket 1 exists but never came in, or only went out: there is no badge to print again.
  REQUIRE(f.hub.push("K1", Push{{entry("K1", 1, 1, 0, AdmissionKind::exit)}}));
  auto absent = queue_command(f.db, f.clock, {CommandKind::reprint, "K1", 1, "anna", ""});
  REQUIRE_FALSE(absent);
  CHECK(absent.error().kind == HubError::Kind::invalid);
  CHECK(absent.error().message ==
        "cannot reprint T000001: it has no entry; a first badge is printed at the entrance");
  CHECK_FALSE(queue_command(f.db, f.clock, {CommandKind::pause, "K 1", 0, "anna", ""}));
  CHECK_FALSE(queue_command(f.db, f.clock, {CommandKind::pause, "K1", 0, "", ""}));
  CHECK_FALSE(queue_command(f.db, f.clock, {CommandKind::pause, "K1", 2, "anna", ""}));
  CHECK(f.hub.pending_commands("K1", 0)->empty());
}
