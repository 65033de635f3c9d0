// ChangeFeed: the frames kiosks catch up with, built once per position and shared.
#include "net/change_feed.h"

#include <catch2/catch.hpp>

#include "hub_fixture.h"
#include "support/sync_frames.h"
#include "sync/frame.h"
#include "sync/messages.h"

using namespace einlass;
using test::entry;
using test::HubFixture;

namespace {

std::vector<Changes> decode(const FeedMessages& feed) {
  std::vector<Changes> out;
  for (const auto& frame : test::decode_frames(feed.frames)) {
    auto changes = parse_changes(frame.payload);
    REQUIRE(changes);
    out.push_back(std::move(*changes));
  }
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
  CHECK((*again)->frames == (*after)->frames);  // the very same encoded frames, shared
  CHECK((*again)->cursor == (*after)->cursor);

  // Another round: a kiosk two rounds behind gets both rounds' frames, one round behind only the
  // newest; nothing is read or encoded again for either.
  REQUIRE(f.hub.push("K2", Push{{entry("K2", 1, 3, 2)}}));
  auto two_behind = feed.since(cursor);
  auto one_behind = feed.since((*after)->cursor);
  REQUIRE(two_behind);
  REQUIRE(one_behind);
  REQUIRE((*two_behind)->frames.size() == 2);
  CHECK((*two_behind)->frames[0] == (*after)->frames[0]);
  REQUIRE((*one_behind)->frames.size() == 1);
  CHECK((*one_behind)->frames[0] == (*two_behind)->frames[1]);
  CHECK((*one_behind)->cursor == (*two_behind)->cursor);
  const auto newest = decode(**one_behind);
  REQUIRE(newest.size() == 1);
  CHECK(newest[0].admissions.size() == 1);
  CHECK(feed.since((*one_behind)->cursor).value()->frames.empty());

  // A snapshot asked for after the change is built anew, not the old one.
  CHECK(*feed.since("") != *fresh);
}
