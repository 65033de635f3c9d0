// ChangeFeed: the frames kiosks catch up with, built once per position and shared.
#include "net/change_feed.h"

#include <catch2/catch.hpp>

#include "hub_fixture.h"
#include "sync/frame.h"
#include "sync/messages.h"

using namespace einlass;
using test::entry;
using test::HubFixture;

namespace {

std::vector<Changes> decode(const FeedMessages& feed) {
  FrameReader reader;
  for (const auto& frame : feed.frames) reader.feed(*frame);
  std::vector<Changes> out;
  for (auto next = reader.next(); next && *next; next = reader.next()) {
    auto changes = parse_changes((*next)->payload);
    REQUIRE(changes);
    out.push_back(std::move(*changes));
  }
  CHECK(out.size() == feed.frames.size());
  return out;
}

}  // namespace

TEST_CASE("kiosks at the same position share one set of frames until something changes",
          "[net][feed]") {
  HubFixture f;
  ChangeFeed feed(f.hub);
  auto fresh = feed.since("");
  REQUIRE(fresh);
  CHECK((*fresh)->snapshot);
  REQUIRE_FALSE((*fresh)->frames.empty());
  const std::string cursor = (*fresh)->cursor;
  CHECK(*feed.since("") == *fresh);  // the same object: built once

  auto current = feed.since(cursor);
  REQUIRE(current);
  CHECK((*current)->frames.empty());
  CHECK((*current)->cursor == cursor);

  REQUIRE(f.hub.push("K1", Push{{entry("K1", 1, 1, 0), entry("K1", 2, 2, 1)}}));
  auto after = feed.since(cursor);
  REQUIRE(after);
  CHECK_FALSE((*after)->snapshot);
  const auto changes = decode(**after);
  REQUIRE(changes.size() == 1);
  // Every kiosk gets every admission, its own too (it ignores those): so the frames are shared.
  CHECK(changes[0].admissions.size() == 2);
  CHECK(changes[0].cursor == (*after)->cursor);
  CHECK((*after)->cursor != cursor);
  auto again = feed.since(cursor);
  REQUIRE(again);
  CHECK(*again == *after);
  CHECK((*again)->frames[0] == (*after)->frames[0]);

  // A snapshot asked for after the change is built anew, not the old one.
  CHECK(*feed.since("") != *fresh);
}
